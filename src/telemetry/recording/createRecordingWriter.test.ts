import { McapIndexedReader, McapStreamReader, type TypedMcapRecord } from '@mcap/core';
import protobuf from 'protobufjs';
import { get } from 'sparkplug-payload';
import { describe, expect, it } from 'vitest';
import { sparkplugDescriptorSet as builtFromProto } from '../../../tools/recordings/sparkplugDescriptor';
import { memorySink, receivedMessages } from '../../../tools/recordings/testSupport';
import { msToNs } from './mcapRecords';
import { decompressChunk } from './compression';
import { createRecordingWriter } from './createRecordingWriter';
import {
  CONFIG_ATTACHMENT,
  DEFAULT_SNAPSHOT_MAX_MESSAGES,
  METADATA_NAME,
  PLAN_ATTACHMENT,
  RECORDING_PROFILE,
  SNAPSHOT_DELTA_SCHEMA_NAME,
  SNAPSHOT_DELTA_TOPIC,
  SNAPSHOT_SCHEMA_NAME,
  SNAPSHOT_TOPIC,
} from './recordingFormat';
import { bytesReadable } from './recordingReadables';
import {
  decodeSnapshot,
  SNAPSHOT_DELTA_JSON_SCHEMA,
  SNAPSHOT_JSON_SCHEMA,
  type RecordingSnapshot,
} from './snapshot';
import { SPARKPLUG_SCHEMA_NAME, sparkplugDescriptorSet } from './sparkplugSchema';

const decompressHandlers = {
  lz4: (data: Uint8Array, size: bigint) => decompressChunk('lz4', data, Number(size)),
};
const PLAN = '{"kind":"terminal","note":"test plan"}';

async function writeTwoMinutes() {
  const { messages, config, text } = await receivedMessages('terminal', 2);
  const sink = memorySink();
  const writer = createRecordingWriter({
    sink,
    config,
    configText: text,
    planText: PLAN,
    shift: 'round trip',
    snapshotEveryMs: 20_000,
    // The first minutes hold few assets: any delta smaller than its keyframe is written as one.
    snapshotKeyRatio: 1,
    chunkBytes: 64 * 1024,
    metadata: { generator: 'test' },
  });
  for (const m of messages)
    void writer.message(m.topic, m.payload, m.receiveTime, m.publishTime, {
      qos: m.qos,
      retain: m.retain,
    });
  const stats = await writer.close(messages.at(-1)!.receiveTime + 1000);
  return { bytes: sink.bytes(), messages, stats, text };
}

describe('createRecordingWriter', () => {
  it('writes every message, channel, schema, metadata and attachment so @mcap/core reads them back', async () => {
    const { bytes, messages, stats, text } = await writeTwoMinutes();
    expect(stats.messages).toBe(messages.length);
    expect(stats.snapshots).toBeGreaterThan(2);
    const reader = await McapIndexedReader.Initialize({
      readable: bytesReadable(bytes),
      decompressHandlers,
    });
    expect(reader.header.profile).toBe(RECORDING_PROFILE);

    // Channels: one per topic, with the delivery of its first message and its encoding.
    const byTopic = new Map([...reader.channelsById.values()].map((c) => [c.topic, c]));
    const topics = new Set(messages.map((m) => m.topic));
    expect(byTopic.size).toBe(topics.size + 2);
    const firstOfTopic = new Map<string, (typeof messages)[number]>();
    for (const m of messages) if (!firstOfTopic.has(m.topic)) firstOfTopic.set(m.topic, m);
    for (const m of firstOfTopic.values()) {
      const channel = byTopic.get(m.topic)!;
      expect(channel.metadata.get('qos')).toBe(String(m.qos));
      expect(channel.metadata.get('retain')).toBe(String(m.retain));
      const sparkplug = m.topic.startsWith('spBv1.0/');
      expect(channel.messageEncoding).toBe(sparkplug ? 'protobuf' : 'json');
      const schema = reader.schemasById.get(channel.schemaId);
      if (sparkplug) {
        expect(schema).toMatchObject({ name: SPARKPLUG_SCHEMA_NAME, encoding: 'protobuf' });
        expect(Buffer.compare(schema!.data, sparkplugDescriptorSet())).toBe(0);
      } else expect(channel.schemaId).toBe(0);
    }
    const snapshotChannel = byTopic.get(SNAPSHOT_TOPIC)!;
    const deltaChannel = byTopic.get(SNAPSHOT_DELTA_TOPIC)!;
    expect(snapshotChannel.messageEncoding).toBe('cbor');
    expect(deltaChannel.messageEncoding).toBe('cbor');
    const snapshotSchema = reader.schemasById.get(snapshotChannel.schemaId)!;
    expect(snapshotSchema).toMatchObject({ name: SNAPSHOT_SCHEMA_NAME, encoding: 'jsonschema' });
    expect(JSON.parse(new TextDecoder().decode(snapshotSchema.data))).toEqual(SNAPSHOT_JSON_SCHEMA);
    const deltaSchema = reader.schemasById.get(deltaChannel.schemaId)!;
    expect(deltaSchema).toMatchObject({ name: SNAPSHOT_DELTA_SCHEMA_NAME, encoding: 'jsonschema' });
    expect(JSON.parse(new TextDecoder().decode(deltaSchema.data))).toEqual(
      JSON.parse(JSON.stringify(SNAPSHOT_DELTA_JSON_SCHEMA)),
    );

    // Messages: in receive order, log time = receive time, publish time = source time, same bytes.
    const read = [];
    for await (const m of reader.readMessages()) read.push(m);
    const data = read.filter(
      (m) => m.channelId !== snapshotChannel.id && m.channelId !== deltaChannel.id,
    );
    expect(data).toHaveLength(messages.length);
    // Compared in bulk: one expect per message would make this test slow, not stricter.
    const mismatches = data.filter((m, i) => {
      const sent = messages[i]!;
      return (
        reader.channelsById.get(m.channelId)?.topic !== sent.topic ||
        m.logTime !== msToNs(sent.receiveTime) ||
        m.publishTime !== msToNs(sent.publishTime) ||
        Buffer.compare(m.data, sent.payload) !== 0
      );
    });
    expect(mismatches).toEqual([]);
    // Snapshots: keyframes, and deltas that each complete the latest keyframe before them.
    const keyframes = read.filter((m) => m.channelId === snapshotChannel.id);
    const deltas = read.filter((m) => m.channelId === deltaChannel.id);
    expect(keyframes).toHaveLength(stats.keyframes);
    expect(deltas).toHaveLength(stats.snapshots - stats.keyframes);
    expect(deltas.length).toBeGreaterThan(0);
    let lastKeyframe: RecordingSnapshot | null = null;
    for (const s of [...keyframes, ...deltas].sort((a, b) => Number(a.logTime - b.logTime))) {
      const decoded = decodeSnapshot(s.data, 'cbor') as RecordingSnapshot;
      expect(typeof decoded).toBe('object');
      expect(decoded.v).toBe(4);
      expect(msToNs(decoded.t)).toBe(s.logTime);
      if (s.channelId === snapshotChannel.id) {
        expect(decoded.base).toBeUndefined();
        lastKeyframe = decoded;
      } else {
        expect(decoded.base).toBe(lastKeyframe!.t);
        expect(decoded.samples.length).toBeGreaterThan(0);
      }
    }

    // Statistics, chunk indexes (lz4, ≤ 1 MiB compressed), metadata and attachments.
    const statistics = reader.statistics!;
    expect(statistics.messageCount).toBe(BigInt(messages.length + stats.snapshots));
    expect(statistics.channelCount).toBe(topics.size + 2);
    expect(statistics.attachmentCount).toBe(2);
    expect(statistics.metadataCount).toBe(1);
    expect(statistics.chunkCount).toBe(reader.chunkIndexes.length);
    for (const chunk of reader.chunkIndexes) {
      expect(chunk.compression).toBe('lz4');
      expect(chunk.compressedSize).toBeLessThanOrEqual(1024n * 1024n);
      expect(chunk.messageIndexOffsets.size).toBeGreaterThan(0);
    }
    const metadata = [];
    for await (const m of reader.readMetadata()) metadata.push(m);
    expect(metadata).toHaveLength(1);
    expect(metadata[0]?.name).toBe(METADATA_NAME);
    expect(Object.fromEntries(metadata[0]!.metadata)).toEqual({
      formatVersion: '4',
      siteId: 'terminal',
      shift: 'round trip',
      start: String(messages[0]!.receiveTime),
      end: String(messages.at(-1)!.receiveTime + 1000),
      snapshotEveryMs: '20000',
      snapshotBytesRatio: '2',
      snapshotMaxEveryMs: '120000',
      snapshotMaxMessages: String(DEFAULT_SNAPSHOT_MAX_MESSAGES),
      snapshotKeyRatio: '1',
      snapshotKeyMaxEveryMs: '1800000',
      generator: 'test',
    });
    const attachments = new Map<string, string>();
    for await (const a of reader.readAttachments()) {
      expect(a.mediaType).toBe('application/json');
      expect(a.logTime).toBe(msToNs(messages[0]!.receiveTime));
      attachments.set(a.name, new TextDecoder().decode(a.data));
    }
    expect(attachments.get(CONFIG_ATTACHMENT)).toBe(text);
    expect(attachments.get(PLAN_ATTACHMENT)).toBe(PLAN);

    // The stream reader checks every CRC and record from front to back.
    const stream = new McapStreamReader({ decompressHandlers });
    stream.append(bytes);
    const types = new Map<string, number>();
    for (let r: TypedMcapRecord | undefined; (r = stream.nextRecord());)
      types.set(r.type, (types.get(r.type) ?? 0) + 1);
    expect(stream.done()).toBe(true);
    expect(types.get('Message')).toBe(messages.length + stats.snapshots);
    expect(types.get('Footer')).toBe(1);
  });

  it('gives Sparkplug B channels a schema that decodes their payloads as the Tahu codec does', async () => {
    expect(sparkplugDescriptorSet()).toEqual(new Uint8Array(builtFromProto()));
    // Root.fromDescriptor comes with protobufjs/ext/descriptor (loaded by the tool imported above).
    const { fromDescriptor } = protobuf.Root as unknown as {
      fromDescriptor(set: Uint8Array): protobuf.Root;
    };
    const root = fromDescriptor(sparkplugDescriptorSet());
    const Payload = root.lookupType(SPARKPLUG_SCHEMA_NAME);
    const tahu = get('spBv1.0')!;
    const { messages } = await receivedMessages('terminal', 1);
    const sparkplug = messages.filter((m) => m.topic.startsWith('spBv1.0/'));
    expect(sparkplug.length).toBeGreaterThan(100);
    const options = { longs: String, defaults: false };
    for (const m of sparkplug.slice(0, 200)) {
      const viaSchema = Payload.toObject(Payload.decode(m.payload), options);
      const viaTahu = tahu.decodePayload(m.payload);
      expect(viaSchema.seq).toBe(String(viaTahu.seq));
      expect(viaSchema.metrics?.length ?? 0).toBe(viaTahu.metrics?.length ?? 0);
      (viaSchema.metrics ?? []).forEach((metric: Record<string, unknown>, i: number) => {
        const other = viaTahu.metrics![i]!;
        if (other.name !== undefined) expect(metric.name).toBe(other.name);
        expect(metric.alias).toBe(String(other.alias));
      });
    }
  });
});
