import { createStore } from 'zustand/vanilla';
import type { ConnectionState } from '../telemetry/live/connectionState';
import type { IngestStats } from '../telemetry/ingest/ingestStats';
import type { RecordingStatus } from '../telemetry/live/liveRecorder';

export type { IngestCounters, IngestStats } from '../telemetry/ingest/ingestStats';

/** How the shown site gets its data. `static`: the config's initial state only. */
export type TelemetryMode = 'static' | 'live';

/**
 * Connection and ingest figures at human speed (about twice a second) for panels and the
 * automation API; the per-frame path never goes through here.
 */
export interface LiveStatus {
  mode: TelemetryMode;
  /** The broker URL in use, resolved (ws:// or wss://). */
  brokerUrl: string | null;
  connection: ConnectionState | null;
  stats: IngestStats | null;
  /** The recording of this live session in progress, or null. */
  recording: RecordingStatus | null;
  /** Records the live session to an MCAP file (null when not live). */
  recorder: LiveRecorderControl | null;
}

export interface LiveRecorderControl {
  start(): void;
  /** Ends the recording and hands the file over (or says why there is none). */
  stop(): Promise<{ blob: Blob | null; error: string | null }>;
}

export const createLiveStatusStore = () =>
  createStore<LiveStatus>()(() => ({
    mode: 'static',
    brokerUrl: null,
    connection: null,
    stats: null,
    recording: null,
    recorder: null,
  }));

export type LiveStatusStore = ReturnType<typeof createLiveStatusStore>;
