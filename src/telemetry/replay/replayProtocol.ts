import type { TwinConfig } from '../../config/schema';
import type { TelemetryBatch } from '../ingest/createIngest';
import type { AssetEvent } from '../samples';
import type { AssetHistory, ReplayInfo } from './replaySource';

/** Where a recording comes from: a URL (read with range requests) or a local file. */
export type RecordingLocation =
  { kind: 'url'; url: string } | { kind: 'file'; file: Blob; name: string };

/** The page's calls to the replay worker; each is answered once, by id, in order. */
export type ReplayCall =
  | { id: number; method: 'open'; location: RecordingLocation; config: TwinConfig | null }
  | { id: number; method: 'stateAt'; t: number }
  | { id: number; method: 'readTo'; t: number }
  | { id: number; method: 'history'; assetId: string; from: number; to: number }
  | { id: number; method: 'events'; from: number; to: number }
  | { id: number; method: 'close' };

/** What each call resolves with. */
export interface ReplayResults {
  open: ReplayInfo;
  stateAt: TelemetryBatch;
  readTo: TelemetryBatch;
  history: AssetHistory;
  events: AssetEvent[];
  close: null;
}

/** The worker's messages: an answer to a call, or progress of a long one (building snapshots). */
export type ReplayMessage =
  | { type: 'result'; id: number; value: ReplayResults[keyof ReplayResults] }
  | { type: 'error'; id: number; message: string }
  | { type: 'progress'; stage: 'reading' | 'indexing'; fraction: number };
