import type { BindingConfig } from '../../config/binding';
import type { GeoPoint } from '../../lib/geo';
import type { FieldKind } from '../binding/createBinder';
import type { TelemetryBatch } from '../ingest/createIngest';
import type { IngestStats } from '../ingest/ingestStats';
import type { ConnectionState } from './connectionState';

/** How the page reaches a broker. The password stays in memory unless the user asks otherwise. */
export interface BrokerSettings {
  url: string;
  username?: string;
  password?: string;
  clientId?: string;
  protocolVersion?: 4 | 5;
}

/** Messages from the page to the ingest worker. */
export type IngestRequest =
  | {
      type: 'start';
      broker: BrokerSettings;
      bindings: BindingConfig[];
      geoOrigin: GeoPoint;
      fieldKinds: Array<[string, Record<string, FieldKind>]>;
    }
  | { type: 'stop' };

/** What the worker posts: data that arrived since its last post, state changes, stats. */
export interface IngestReply {
  type: 'batch';
  batch: TelemetryBatch | null;
  connection: ConnectionState;
  /** Counters, every half second or so (they are larger than a batch). */
  stats: IngestStats | null;
}
