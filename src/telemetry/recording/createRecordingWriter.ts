import { McapWriter } from '@mcap/core';
import type { TwinConfig } from '../../config/schema';
import { msToNs } from './byteCursor';
import { compressLz4 } from './compression';
import { createReplayEngine } from './createReplayEngine';
import {
  CONFIG_ATTACHMENT,
  DEFAULT_CHUNK_BYTES,
  DEFAULT_SNAPSHOT_BYTES_RATIO,
  DEFAULT_SNAPSHOT_EVERY_MS,
  DEFAULT_SNAPSHOT_MAX_EVERY_MS,
  METADATA_NAME,
  PLAN_ATTACHMENT,
  RECORDING_FORMAT_VERSION,
  RECORDING_PROFILE,
  SNAPSHOT_SCHEMA_NAME,
  SNAPSHOT_TOPIC,
} from './recordingFormat';
import { StagedWritable, type RecordingSink } from './recordingSinks';
import { encodeSnapshot, SNAPSHOT_JSON_SCHEMA } from './snapshot';
import { SnapshotSchedule } from './snapshotSchedule';
import { channelEncodingOf } from './sparkplugSchema';
import { StateAccumulator } from './stateAccumulator';

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
  snapshots: number;
  /** Uncompressed JSON bytes of all snapshots, and of the last one. */
  snapshotBytes: number;
  lastSnapshotBytes: number;
  channels: number;
  /** Bytes handed to the sink. */
  bytesWritten: number;
  /** Log times of the first and last message, ms (null before the first). */
  startTime: number | null;
  endTime: number | null;
  /** Receive times that went backwards (a clock step) and were written as the previous one. */
  clampedTimes: number;
  /** Messages on the snapshot topic itself, not recorded. */
  refused: number;
}

/** Per-topic delivery details kept as channel metadata. */
export interface MessageDelivery {
  qos?: 0 | 1 | 2;
  retain?: boolean;
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

export function createRecordingWriter(options: RecordingWriterOptions): RecordingWriter {
  const schedule = new SnapshotSchedule(
    Math.max(1, options.snapshotEveryMs ?? DEFAULT_SNAPSHOT_EVERY_MS),
    Math.max(0, options.snapshotBytesRatio ?? DEFAULT_SNAPSHOT_BYTES_RATIO),
    options.snapshotMaxEveryMs ?? DEFAULT_SNAPSHOT_MAX_EVERY_MS,
  );
  const siteId = options.siteId ?? options.config.site.id;
  const output = new StagedWritable(options.sink);
  const mcap = new McapWriter({
    writable: output,
    chunkSize: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    compressChunk: compressLz4,
  });
  const engine = createReplayEngine(options.config);
  const full = new StateAccumulator(false);
  const channels = new Map<string, { id: number; sequence: number }>();
  const schemas = new Map<string, number>();
  const stats: RecordingWriterStats = {
    messages: 0,
    snapshots: 0,
    snapshotBytes: 0,
    lastSnapshotBytes: 0,
    channels: 0,
    bytesWritten: 0,
    startTime: null,
    endTime: null,
    clampedTimes: 0,
    refused: 0,
  };
  let started = false;
  let closed = false;
  let failure: unknown = null;
  let tail: Promise<void> = Promise.resolve();
  let lastLogTime = -Infinity;
  let snapshotChannel = -1;

  async function start(t: number): Promise<void> {
    started = true;
    await mcap.start({ profile: RECORDING_PROFILE, library: options.library ?? 'twindeck' });
    const schemaId = await mcap.registerSchema({
      name: SNAPSHOT_SCHEMA_NAME,
      encoding: 'jsonschema',
      data: new TextEncoder().encode(JSON.stringify(SNAPSHOT_JSON_SCHEMA)),
    });
    snapshotChannel = await mcap.registerChannel({
      topic: SNAPSHOT_TOPIC,
      messageEncoding: 'json',
      schemaId,
      metadata: new Map([
        ['everyMs', String(schedule.everyMs)],
        ['bytesRatio', String(schedule.bytesRatio)],
        ['maxEveryMs', String(schedule.maxEveryMs)],
      ]),
    });
    const logTime = msToNs(options.startTime ?? t);
    const attach = (name: string, text: string) =>
      mcap.addAttachment({
        name,
        logTime,
        createTime: logTime,
        mediaType: 'application/json',
        data: new TextEncoder().encode(text),
      });
    await attach(CONFIG_ATTACHMENT, options.configText);
    if (options.planText !== undefined) await attach(PLAN_ATTACHMENT, options.planText);
  }

  async function channelOf(topic: string, delivery: MessageDelivery | undefined) {
    let channel = channels.get(topic);
    if (channel) return channel;
    const encoding = channelEncodingOf(topic);
    let schemaId = 0;
    if (encoding.schema) {
      schemaId = schemas.get(encoding.schema.name) ?? 0;
      if (schemaId === 0) {
        schemaId = await mcap.registerSchema(encoding.schema);
        schemas.set(encoding.schema.name, schemaId);
      }
    }
    const metadata = new Map<string, string>();
    if (delivery?.qos !== undefined) metadata.set('qos', String(delivery.qos));
    if (delivery?.retain !== undefined) metadata.set('retain', String(delivery.retain));
    const id = await mcap.registerChannel({
      topic,
      messageEncoding: encoding.messageEncoding,
      schemaId,
      metadata,
    });
    channel = { id, sequence: 0 };
    channels.set(topic, channel);
    stats.channels++;
    return channel;
  }

  async function writeSnapshot(t: number): Promise<void> {
    const data = encodeSnapshot(engine.snapshot(t, full));
    const ns = msToNs(t);
    await mcap.addMessage({
      channelId: snapshotChannel,
      sequence: stats.snapshots,
      logTime: ns,
      publishTime: ns,
      data,
    });
    stats.snapshots++;
    stats.snapshotBytes += data.byteLength;
    stats.lastSnapshotBytes = data.byteLength;
    schedule.wrote(t, data.byteLength);
  }

  async function record(
    topic: string,
    payload: Uint8Array,
    receiveTime: number,
    publishTime: number | undefined,
    delivery: MessageDelivery | undefined,
  ): Promise<void> {
    let t = receiveTime;
    if (t < lastLogTime) {
      stats.clampedTimes++;
      t = lastLogTime;
    }
    if (!started) await start(t);
    stats.startTime ??= t;
    const snapshotAt = schedule.due(t);
    if (snapshotAt !== null) await writeSnapshot(snapshotAt);
    const sourceTime = engine.handle(topic, payload, t, full);
    const channel = await channelOf(topic, delivery);
    await mcap.addMessage({
      channelId: channel.id,
      sequence: channel.sequence++ >>> 0,
      logTime: msToNs(t),
      publishTime: msToNs(Math.max(0, publishTime ?? sourceTime ?? t)),
      data: payload,
    });
    stats.messages++;
    schedule.counted(t, payload.byteLength);
    stats.endTime = t;
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
      if (topic === SNAPSHOT_TOPIC) {
        stats.refused++;
        return tail;
      }
      return enqueue(() => record(topic, payload, receiveTime, publishTime, delivery));
    },
    async close(endTime) {
      if (closed) throw new Error('the recording is already closed');
      closed = true;
      await enqueue(async () => {
        const first = stats.startTime ?? options.startTime ?? endTime ?? 0;
        if (!started) await start(first);
        const end = Math.max(endTime ?? -Infinity, stats.endTime ?? first);
        await mcap.addMetadata({
          name: METADATA_NAME,
          metadata: new Map([
            ['formatVersion', String(RECORDING_FORMAT_VERSION)],
            ['siteId', siteId],
            ['shift', options.shift],
            ['start', String(options.startTime ?? first)],
            ['end', String(end)],
            ['snapshotEveryMs', String(schedule.everyMs)],
            ['snapshotBytesRatio', String(schedule.bytesRatio)],
            ['snapshotMaxEveryMs', String(schedule.maxEveryMs)],
            ...Object.entries(options.metadata ?? {}),
          ]),
        });
        await mcap.end();
        await output.flush();
        await options.sink.close?.();
      });
      if (failure !== null) throw failure;
      stats.bytesWritten = output.bytesWritten;
      return { ...stats };
    },
    stats() {
      return { ...stats, bytesWritten: output.bytesWritten };
    },
  };
}
