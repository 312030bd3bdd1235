import type { BindingConfig } from '../../config/binding';
import type { GeoPoint } from '../../lib/geo';
import type { FieldKind } from '../binding/createBinder';
import type { TelemetryBatch } from '../ingest/createIngest';
import type { IngestStats } from '../ingest/ingestStats';
import type { ConnectionState } from './connectionState';
import type { RecordingStatus } from './liveRecorder';
import type { TwinConfig } from '../../config/schema';

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
  /** Starts writing every message received to a recording (the site's config rides along). */
  | { type: 'record'; config: TwinConfig; configText: string; shift: string }
  /** Ends the recording; the worker answers with a `recording` message. */
  | { type: 'stopRecording' }
  | { type: 'stop' };

/** What the worker posts: data that arrived since its last post, state changes, stats. */
export type IngestReply =
  | {
      type: 'batch';
      batch: TelemetryBatch | null;
      connection: ConnectionState;
      /** Counters, every half second or so (they are larger than a batch). */
      stats: IngestStats | null;
      /** The recording in progress, with the stats. */
      recording: RecordingStatus | null;
    }
  /** The finished recording (an MCAP file), or why there is none. */
  | { type: 'recording'; blob: Blob | null; error: string | null };
