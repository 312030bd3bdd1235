import type { FieldValue } from '../config/schema';

/** One asset's new state from one message, in site terms (metres, degrees, field units). */
export interface AssetSample {
  assetId: string;
  /** The gateway that sent it, when the topic says. */
  gateway: string | undefined;
  /** Source time (ms epoch) if the payload carries one, else the receive time. */
  sourceTime: number;
  /** When the message reached the app (ms epoch, this machine's clock). */
  receiveTime: number;
  position: [number, number, number] | undefined;
  headingDeg: number | undefined;
  fields: Record<string, FieldValue>;
  /** With no message for this long the asset is shown stale (from its binding). */
  staleAfterMs: number;
}

/** Something that happened to an asset, kept in order (faults, detections, jobs done). */
export interface AssetEvent {
  assetId: string;
  gateway: string | undefined;
  sourceTime: number;
  receiveTime: number;
  name: string;
  code: string | undefined;
  severity: 'info' | 'warning' | 'critical';
  fields: Record<string, FieldValue>;
}
