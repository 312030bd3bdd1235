import type { FieldValue } from '../../config/schema';
import type { TelemetryBatch } from '../ingest/createIngest';
import type { AssetEvent } from '../samples';

/** What a recording says about itself, and what is wrong with it. */
export interface ReplayInfo {
  siteId: string;
  shift: string;
  /** First and last message, ms since the Unix epoch. */
  start: number;
  end: number;
  messageCount: number;
  hasSnapshots: boolean;
  /** The twin config the recording was made with, when it carries one. */
  configText: string | undefined;
  /** The plan it ran, when it carries one. */
  planText: string | undefined;
  /** Plain sentences a banner can show: a truncated file, an unknown encoding, … */
  problems: string[];
}

/** One asset's fields over a window, column by column (for charts). */
export interface AssetHistory {
  t: number[];
  fields: Record<string, Array<FieldValue | null>>;
}

/**
 * A recording as the player sees it: the state at any time, and everything after it in order.
 * Calls are answered in the order made; `stateAt` also moves the read position to `t`.
 */
export interface ReplaySource {
  readonly info: ReplayInfo;
  /** Every asset's latest state as of `t` (ms epoch): the nearest snapshot plus what followed. */
  stateAt(t: number): Promise<TelemetryBatch>;
  /** What happened after the read position up to `t`, merged per asset; moves the position. */
  readTo(t: number): Promise<TelemetryBatch>;
  history(assetId: string, from: number, to: number): Promise<AssetHistory>;
  /** Events (faults, jobs done, detections) in a window, for timeline markers. */
  events(from: number, to: number): Promise<AssetEvent[]>;
  close(): void;
}
