import { McapWriter } from '@mcap/core';
import { compressLz4 } from './compression';
import { msToNs } from './mcapRecords';
import {
  CONFIG_ATTACHMENT,
  DEFAULT_CHUNK_BYTES,
  METADATA_NAME,
  PLAN_ATTACHMENT,
  RECORDING_PROFILE,
  SNAPSHOT_DELTA_SCHEMA_NAME,
  SNAPSHOT_DELTA_TOPIC,
  SNAPSHOT_MESSAGE_ENCODING,
  SNAPSHOT_SCHEMA_NAME,
  SNAPSHOT_TOPIC,
} from './recordingFormat';
import { StagedWritable, type RecordingSink } from './recordingSinks';
import { SNAPSHOT_DELTA_JSON_SCHEMA, SNAPSHOT_JSON_SCHEMA } from './snapshot';
import type { TakenSnapshot } from './snapshotTaker';
import { channelEncodingOf } from './sparkplugSchema';

/** Per-topic delivery details kept as channel metadata. */
export interface MessageDelivery {
  qos?: 0 | 1 | 2;
  retain?: boolean;
}

export interface RecordingFileOptions {
  sink: RecordingSink;
  /** The config file's text, attached as `twin-config.json`. */
  configText: string;
  /** A plan's JSON text, attached as `plan.json`. */
  planText?: string;
  /** Log time of the attachments, ms epoch. @default the first record's time */
  startTime?: number;
  /** Library name in the MCAP header. @default 'twindeck' */
  library?: string;
  /** Uncompressed bytes per chunk. @default DEFAULT_CHUNK_BYTES (256 KiB) */
  chunkBytes?: number;
  /** Metadata of the snapshot channels (the schedule). */
  snapshotMetadata?: Array<[string, string]>;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/**
 * The MCAP side of a recording (docs/recordings.md), through @mcap/core's McapWriter: header,
 * attachments, one channel per topic, messages and snapshots in the order given, and on close
 * the `twindeck` metadata, indexes and summary. What to snapshot is decided elsewhere
 * (snapshotTaker.ts), so a generator can take snapshots on another thread.
 */
export function createRecordingFile(options: RecordingFileOptions) {
  const output = new StagedWritable(options.sink);
  const mcap = new McapWriter({
    writable: output,
    chunkSize: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    compressChunk: compressLz4,
  });
  const channels = new Map<string, { id: number; sequence: number }>();
  const schemas = new Map<string, number>();
  const snapshotChannels = { key: -1, delta: -1 };
  const snapshotSequence = { key: 0, delta: 0 };
  let started = false;

  async function start(t: number): Promise<void> {
    started = true;
    await mcap.start({ profile: RECORDING_PROFILE, library: options.library ?? 'twindeck' });
    const metadata = new Map(options.snapshotMetadata ?? []);
    const snapshotChannel = async (topic: string, name: string, schema: unknown) =>
      mcap.registerChannel({
        topic,
        messageEncoding: SNAPSHOT_MESSAGE_ENCODING,
        // A JSON Schema describes CBOR too: the payload has JSON's data model.
        schemaId: await mcap.registerSchema({ name, encoding: 'jsonschema', data: json(schema) }),
        metadata,
      });
    snapshotChannels.key = await snapshotChannel(
      SNAPSHOT_TOPIC,
      SNAPSHOT_SCHEMA_NAME,
      SNAPSHOT_JSON_SCHEMA,
    );
    snapshotChannels.delta = await snapshotChannel(
      SNAPSHOT_DELTA_TOPIC,
      SNAPSHOT_DELTA_SCHEMA_NAME,
      SNAPSHOT_DELTA_JSON_SCHEMA,
    );
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
    return channel;
  }

  return {
    /** Writes the header and attachments if not done yet (the first record does it). */
    begin(t: number): Promise<void> | undefined {
      return started ? undefined : start(t);
    },
    async snapshot({ t, kind, data }: TakenSnapshot): Promise<void> {
      if (!started) await start(t);
      const ns = msToNs(t);
      await mcap.addMessage({
        channelId: snapshotChannels[kind],
        sequence: snapshotSequence[kind]++,
        logTime: ns,
        publishTime: ns,
        data,
      });
    },
    /** One MQTT message: `t` is its log (receive) time, `publishTime` its source time, ms. */
    async message(
      topic: string,
      payload: Uint8Array,
      t: number,
      publishTime: number,
      delivery?: MessageDelivery,
    ): Promise<void> {
      if (!started) await start(t);
      const channel = channels.get(topic) ?? (await channelOf(topic, delivery));
      await mcap.addMessage({
        channelId: channel.id,
        sequence: channel.sequence++ >>> 0,
        logTime: msToNs(t),
        publishTime: msToNs(Math.max(0, publishTime)),
        data: payload,
      });
    },
    /** Writes the `twindeck` metadata record, indexes and summary, and closes the sink. */
    async close(metadata: Array<[string, string]>): Promise<void> {
      await mcap.addMetadata({ name: METADATA_NAME, metadata: new Map(metadata) });
      await mcap.end();
      await output.flush();
      await options.sink.close?.();
    },
    channelCount: () => channels.size,
    bytesWritten: () => output.bytesWritten,
  };
}

export type RecordingFile = ReturnType<typeof createRecordingFile>;
