import type { TwinConfig } from '../../config/schema';
import type { TelemetryBatch } from '../ingest/createIngest';
import type { IngestStats } from '../ingest/ingestStats';
import type { AssetEvent } from '../samples';
import type { RecordingProblem } from './mcapTypes';

/** The contract between an opened recording and the player (`openRecording` makes one). */

/** What is known about a recording once it is open. Times are ms since the Unix epoch. */
export interface ReplayInfo {
  /** From the `twindeck` metadata; null in recordings made by other tools. */
  siteId: string | null;
  shift: string | null;
  /** The recording's time range (metadata, else its first and last message). */
  start: number;
  end: number;
  /** Snapshot interval of the file (or of snapshots built by `buildSnapshots`), ms. */
  snapshotEveryMs: number | null;
  /** Seeks start from snapshots: the file has them, or `buildSnapshots` made them. */
  hasSnapshots: boolean;
  /** The attached twin config and plan, as text. */
  configText?: string;
  planText?: string;
  /** Messages other than snapshots, when known without reading them all. */
  messageCount: number | null;
  /** MQTT topics recorded (snapshots excluded), sorted. */
  topics: string[];
  /** Read through the file's index (false: it had to be scanned from the start). */
  indexed: boolean;
  /** MCAP header: the writing library and profile. */
  library: string;
  profile: string;
  /**
   * What is wrong with the file, in plain words, for a banner. Grows while playing when a
   * damaged chunk is met.
   */
  problems: RecordingProblem[];
}

/** Full state at one time: the latest sample of every asset seen so far, and who is offline. */
export interface ReplayState {
  batch: TelemetryBatch;
  /** Bytes read from the file for this seek (cached chunks cost nothing). */
  bytesRead: number;
}

/** One asset's fields over a time range, by column, for charts (uPlot takes these as is). */
export interface AssetHistory {
  /** Log times of the samples, ms. */
  t: Float64Array;
  /** Per field, its value at each time (carried forward; null before it was first heard). */
  fields: Record<string, Array<number | string | boolean | null>>;
}

export interface ReplayStats {
  /** Bytes read from the file since it was opened. */
  bytesRead: number;
  /** Bytes held by the decoded-chunk cache, and its cap. */
  cacheBytes: number;
  cacheCapBytes: number;
  cachedChunks: number;
  chunkLoads: number;
  cacheHits: number;
  /** Snapshots `buildSnapshots` keeps in memory, and their (compressed) bytes. */
  builtSnapshots: number;
  builtSnapshotBytes: number;
  /** The play cursor's ingest (what `readTo` decoded and refused). */
  ingest: IngestStats;
}

/**
 * A recording opened for playback. Calls on the play cursor (`stateAt`, `readTo`) are queued
 * and run one at a time; `history` and `events` read alongside without moving it.
 */
export interface Replay {
  readonly info: ReplayInfo;
  /**
   * Full state at `t`: the nearest snapshot at or before `t` plus the messages since, through
   * the same ingest as live telemetry. Moves the play cursor to `t`. `batch.events` is empty.
   */
  stateAt(t: number): Promise<ReplayState>;
  /**
   * Messages with log time in (cursor, t], in order, through the continuing ingest, merged into
   * one batch (apply its samples, then its offline ids). Moves the cursor to `t` and starts
   * reading the next chunks. A `t` at or before the cursor returns an empty batch.
   */
  readTo(t: number): Promise<TelemetryBatch>;
  /** The play cursor's time (-Infinity before the first call). */
  cursor(): number;
  /** One asset's fields in [from, to], for charts. Costs reading the range plus one snapshot interval. */
  history(assetId: string, from: number, to: number): Promise<AssetHistory>;
  /**
   * Events (faults, detections, jobs done) logged in [from, to], for timeline markers. Only the
   * event topics are decoded; a repeat is dropped by its own sequence number.
   */
  events(from: number, to: number): Promise<AssetEvent[]>;
  /**
   * For recordings without snapshots (made by other tools): one pass over the whole file that
   * keeps a snapshot every interval in memory; afterwards seeks are as fast as in a TwinDeck
   * recording. Resolves at once when the file has snapshots.
   */
  buildSnapshots(onProgress?: (fraction: number) => void): Promise<void>;
  stats(): ReplayStats;
  /**
   * Drops the decoded chunks and the parsed keyframe kept between calls, so the next read goes
   * to the file again (a cold seek, as the benchmark measures them; or to give memory back).
   * Resolves once the reads in flight — a seek's read-ahead included — have landed and been
   * dropped too: a chunk arriving after the clear would otherwise warm the cache again, and its
   * decoding would run inside the next call.
   */
  clearCache(): Promise<void>;
  close(): void;
}

/** Picks the twin config to bind with, given the config attached to the recording (if any). */
export type ReplayConfigResolver = (attachedConfigText: string | undefined) => TwinConfig | null;

export interface OpenRecordingOptions {
  /**
   * The twin config messages are bound with. telemetry/ cannot validate a config itself, so
   * pass the site's config, or a resolver that validates the attached one
   * (`(text) => text ? parseTwinConfig(text) … : siteConfig`). Without one nothing binds, and a
   * problem says so.
   */
  config?: TwinConfig | ReplayConfigResolver;
  /** Byte cap of the decoded-chunk cache. @default 512 MB */
  cacheBytes?: number;
  /** Progress of opening a file that must be scanned (no usable index), 0–1. */
  onProgress?: (fraction: number) => void;
  /** Snapshot interval for `buildSnapshots`. @default 30 s */
  buildSnapshotEveryMs?: number;
}
