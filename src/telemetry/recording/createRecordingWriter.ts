import type { TwinConfig } from '../../config/schema';
import { RECORDING_FORMAT_VERSION, snapshotKindOf } from './recordingFormat';
import { createRecordingFile, type MessageDelivery } from './recordingFile';
import type { RecordingSink } from './recordingSinks';
import { createSnapshotTaker } from './snapshotTaker';

export type { MessageDelivery } from './recordingFile';

export interface RecordingWriterOptions {
  /** Where the bytes go: `createBlobSink()` in the browser, a file sink in Node. */
  sink: RecordingSink;
  /** The site's config: snapshots are built by binding messages as the app does. */
  config: TwinConfig;
  /** The config file's text, attached as `twin-config.json`. */
  configText: string;
  /** A plan's JSON text, attached as `plan.json`. */
  planText?: string;
  /** Shift name, e.g. `2025-01-06 early`. */
  shift: string;
  /** @default config.site.id */
  siteId?: string;
  /** @default DEFAULT_SNAPSHOT_EVERY_MS (30 s) */
  snapshotEveryMs?: number;
  /** Messages since a snapshot must weigh this many times it first. @default 2 */
  snapshotBytesRatio?: number;
  /** Most log time between snapshots, whatever they weigh. @default 120 s */
  snapshotMaxEveryMs?: number;
  /** Most messages between snapshots. @default DEFAULT_SNAPSHOT_MAX_MESSAGES */
  snapshotMaxMessages?: number;
  /** A delta weighing this share of its keyframe is written as a keyframe. @default 0.3 */
  snapshotKeyRatio?: number;
  /** Most log time between keyframes. @default 30 min */
  snapshotKeyMaxEveryMs?: number;
  /** Uncompressed bytes per chunk. @default DEFAULT_CHUNK_BYTES (256 KiB) */
  chunkBytes?: number;
  /** Start of the recording, ms epoch. @default the first message's receive time */
  startTime?: number;
  /** Library name in the MCAP header. @default 'twindeck' */
  library?: string;
  /** More entries for the `twindeck` metadata record (e.g. what generated the file). */
  metadata?: Record<string, string>;
}

export interface RecordingWriterStats {
  messages: number;
  /** Snapshots written, keyframes among them. */
  snapshots: number;
  keyframes: number;
  /** Uncompressed JSON bytes of all snapshots, of the keyframes, and of the last one. */
  snapshotBytes: number;
  keyframeBytes: number;
  lastSnapshotBytes: number;
  channels: number;
  /** Bytes handed to the sink. */
  bytesWritten: number;
  /** Log times of the first and last message, ms (null before the first). */
  startTime: number | null;
  endTime: number | null;
  /** Receive times that went backwards (a clock step) and were written as the previous one. */
  clampedTimes: number;
  /** Messages on the snapshot topics themselves, not recorded. */
  refused: number;
}

/** Writes MQTT messages to a TwinDeck MCAP recording (docs/recordings.md). */
export interface RecordingWriter {
  /**
   * Records one message as received. Calls are queued in order; awaiting is optional (await
   * now and then to keep the queue short). `receiveTime` becomes the log time, `publishTime`
   * the publish time (both ms epoch); without one, the source time the message carries (its
   * `ts`, its Sparkplug timestamps, as the site's bindings read it) is used, else the receive time.
   */
  message(
    topic: string,
    payload: Uint8Array,
    receiveTime: number,
    publishTime?: number,
    delivery?: MessageDelivery,
  ): Promise<void>;
  /** Writes the metadata, indexes and summary; the file is complete when it resolves. */
  close(endTime?: number): Promise<RecordingWriterStats>;
  stats(): RecordingWriterStats;
}

/** The `twindeck` metadata record's entries (docs/recordings.md). */
export function recordingMetadata(fields: {
  siteId: string;
  shift: string;
  start: number;
  end: number;
  schedule: Array<[string, string]>;
  extra?: Record<string, string>;
}): Array<[string, string]> {
  return [
    ['formatVersion', String(RECORDING_FORMAT_VERSION)],
    ['siteId', fields.siteId],
    ['shift', fields.shift],
    ['start', String(fields.start)],
    ['end', String(fields.end)],
    ...fields.schedule,
    ...Object.entries(fields.extra ?? {}),
  ];
}

export function createRecordingWriter(options: RecordingWriterOptions): RecordingWriter {
  const taker = createSnapshotTaker(options.config, {
    everyMs: options.snapshotEveryMs,
    bytesRatio: options.snapshotBytesRatio,
    maxEveryMs: options.snapshotMaxEveryMs,
    maxMessages: options.snapshotMaxMessages,
    keyRatio: options.snapshotKeyRatio,
    keyMaxEveryMs: options.snapshotKeyMaxEveryMs,
  });
  const siteId = options.siteId ?? options.config.site.id;
  const file = createRecordingFile({
    sink: options.sink,
    configText: options.configText,
    planText: options.planText,
    startTime: options.startTime,
    library: options.library,
    chunkBytes: options.chunkBytes,
    snapshotMetadata: taker.metadata(),
  });
  const counts = {
    messages: 0,
    startTime: null as number | null,
    endTime: null as number | null,
    clampedTimes: 0,
    refused: 0,
  };
  let closed = false;
  let failure: unknown = null;
  let tail: Promise<void> = Promise.resolve();
  let lastLogTime = -Infinity;

  const stats = (): RecordingWriterStats => ({
    ...counts,
    ...taker.stats(),
    channels: file.channelCount(),
    bytesWritten: file.bytesWritten(),
  });

  async function record(
    topic: string,
    payload: Uint8Array,
    receiveTime: number,
    publishTime: number | undefined,
    delivery: MessageDelivery | undefined,
  ): Promise<void> {
    let t = receiveTime;
    if (t < lastLogTime) {
      counts.clampedTimes++;
      t = lastLogTime;
    }
    await file.begin(t);
    counts.startTime ??= t;
    const snapshot = taker.before(t);
    if (snapshot) await file.snapshot(snapshot);
    const sourceTime = taker.handle(topic, payload, t);
    await file.message(topic, payload, t, publishTime ?? sourceTime ?? t, delivery);
    counts.messages++;
    counts.endTime = t;
    lastLogTime = t;
  }

  const enqueue = (op: () => Promise<void>): Promise<void> => {
    tail = tail.then(async () => {
      if (failure !== null) return;
      try {
        await op();
      } catch (error) {
        failure = error;
      }
    });
    return tail;
  };

  return {
    message(topic, payload, receiveTime, publishTime, delivery) {
      if (closed) return Promise.reject(new Error('the recording is closed'));
      if (snapshotKindOf(topic) !== null) {
        counts.refused++;
        return tail;
      }
      return enqueue(() => record(topic, payload, receiveTime, publishTime, delivery));
    },
    async close(endTime) {
      if (closed) throw new Error('the recording is already closed');
      closed = true;
      await enqueue(async () => {
        const first = counts.startTime ?? options.startTime ?? endTime ?? 0;
        await file.begin(first);
        await file.close(
          recordingMetadata({
            siteId,
            shift: options.shift,
            start: options.startTime ?? first,
            end: Math.max(endTime ?? -Infinity, counts.endTime ?? first),
            schedule: taker.metadata(),
            extra: options.metadata,
          }),
        );
      });
      if (failure !== null) throw failure;
      return stats();
    },
    stats,
  };
}
