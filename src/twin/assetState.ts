import type { FieldValue } from '../config/schema';
import type { LocalizedText } from '../lib/localizedText';
import type { LinkHealth } from './linkHealth';

/**
 * What the twin knows about one asset now. Objects are created once per site load and then
 * mutated in place by telemetry, so per-frame readers never allocate.
 */
export interface AssetState {
  id: string;
  type: string;
  name: LocalizedText;
  zone: string | undefined;
  /** Name of the site-model node this asset is, when it binds to one. */
  node: string | undefined;
  /** World position of the asset root, site metres (x east, y up, z south). Mutated in place. */
  position: [number, number, number];
  headingDeg: number;
  pitchDeg: number;
  rollDeg: number;
  /** Current field values (articulation, status, telemetry). Mutated in place. */
  fields: Record<string, FieldValue>;
  /** Receive time (ms epoch) of the last telemetry sample; 0 until telemetry arrives. */
  lastUpdate: number;
  /** True when telemetry was expected but stopped arriving. */
  stale: boolean;
  /** The 5G gateway that last reported it (from the topic), once telemetry arrived. */
  gateway: string | undefined;
  /** That gateway's link health, for the network layer. */
  linkHealth: LinkHealth | undefined;
  /**
   * +1 whenever any of the above changes in place, so a renderer of 50,000 assets can redo
   * only the ones that changed.
   */
  version: number;
}
