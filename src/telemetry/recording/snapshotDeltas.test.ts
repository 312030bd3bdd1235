import { McapWriter } from '@mcap/core';
import { describe, expect, it } from 'vitest';
import {
  comparableState,
  createPlayedState,
  memorySink,
  memoryWritable,
  receivedMessages,
  seededRandom,
  seekVersusPlay,
} from '../../../tools/recordings/testSupport';
import { compressLz4 } from './compression';
import { msToNs } from './mcapRecords';
import { openRecording } from './openRecording';
import { createRecordingFile } from './recordingFile';
import { METADATA_NAME, SNAPSHOT_DELTA_TOPIC, SNAPSHOT_TOPIC } from './recordingFormat';
import { bytesReadable } from './recordingReadables';
import { decodeSnapshot, snapshotWire, type RecordingSnapshot } from './snapshot';
import { createSnapshotTaker, type TakenSnapshot } from './snapshotTaker';

type Messages = Awaited<ReturnType<typeof receivedMessages>>['messages'];

/** Seeks at seeded random times of a fresh replay each, against one replay played to them. */
async function expectSeeksMatchPlaying(bytes: Uint8Array, messages: Messages, seeks = 6) {
  const { config } = await receivedMessages('terminal', 0);
  const player = await openRecording(bytesReadable(bytes), { config });
  const played = createPlayedState();
  const random = seededRandom(17);
  const first = messages[0]!.receiveTime;
  const last = messages.at(-1)!.receiveTime;
  const times = Array.from({ length: seeks }, () => first + random() * (last - first));
  for (const t of times.sort((a, b) => a - b)) {
    played.apply(await player.readTo(t));
    const seeker = await openRecording(bytesReadable(bytes), { config });
    const seek = await seeker.stateAt(t);
    expect(comparableState(seek.batch), `state at ${new Date(t).toISOString()}`).toEqual(
      comparableState(played.batch()),
    );
    expect(seek.batch.samples.length).toBeGreaterThan(50);
  }
  return player;
}

/** Ten minutes of the bundled terminal written with snapshots every 20 s, deltas where they fit. */
async function writeWithSnapshots(edit: (s: TakenSnapshot, index: number) => TakenSnapshot) {
  const { messages, config, text } = await receivedMessages('terminal', 10);
  const taker = createSnapshotTaker(config, {
    everyMs: 20_000,
    keyRatio: 1,
    keyMaxEveryMs: 120_000,
  });
  const sink = memorySink();
  const file = createRecordingFile({ sink, configText: text, snapshotMetadata: taker.metadata() });
  let n = 0;
  for (const m of messages) {
    await file.begin(m.receiveTime);
    const snapshot = taker.before(m.receiveTime);
    if (snapshot) await file.snapshot(edit(snapshot, n++));
    taker.handle(m.topic, m.payload, m.receiveTime);
    await file.message(m.topic, m.payload, m.receiveTime, m.publishTime);
  }
  await file.close([['formatVersion', '4']]);
  return { bytes: sink.bytes(), messages, stats: taker.stats() };
}

describe('keyframe and delta snapshots', () => {
  it('one replay seeking back and forth gives what a fresh replay gives at each time', async () => {
    // The replay keeps the last keyframe parsed and completes it with deltas; seeks late and then
    // early within one keyframe's span show whether an earlier seek changed the kept keyframe.
    const { bytes, messages, stats } = await writeWithSnapshots((s) => s);
    expect(stats.snapshots - stats.keyframes).toBeGreaterThan(stats.keyframes);
    const { config } = await receivedMessages('terminal', 0);
    const again = await openRecording(bytesReadable(bytes), { config });
    const first = messages[0]!.receiveTime;
    const span = 120_000;
    for (let k = 0; k < 4; k++)
      for (const into of [110_000, 25_000, 70_000]) {
        const t = first + k * span + into;
        const fresh = await openRecording(bytesReadable(bytes), { config });
        expect(
          comparableState((await again.stateAt(t)).batch),
          `state at ${new Date(t).toISOString()}`,
        ).toEqual(comparableState((await fresh.stateAt(t)).batch));
      }
    expect(again.stats().cacheHits).toBeGreaterThan(0);
  });

  it('seek through deltas to the state playing from the start gives, within the byte budget', async () => {
    const { results, info, snapshots } = await seekVersusPlay('terminal', 30, 10, 5, {
      snapshotEveryMs: 15_000,
      snapshotKeyRatio: 1,
    });
    expect(info.problems).toEqual([]);
    const deltas = snapshots.filter((s) => s.kind === 'delta').length;
    expect(deltas).toBeGreaterThan(snapshots.length / 2);
    for (const r of results) {
      expect(r.seek, `state at ${new Date(r.t).toISOString()}`).toEqual(r.play);
      expect(r.bytesRead).toBeLessThanOrEqual(r.budget);
    }
  });

  it('seek from an earlier snapshot, with a problem, when a keyframe is damaged', async () => {
    let damaged = -1;
    const { bytes, messages, stats } = await writeWithSnapshots((s, i) => {
      if (s.kind !== 'key' || i === 0 || damaged >= 0) return s;
      damaged = s.t;
      return { ...s, data: s.data.subarray(0, s.data.length >> 1) };
    });
    expect(stats.snapshots - stats.keyframes).toBeGreaterThan(5);
    expect(damaged).toBeGreaterThan(0);
    await expectSeeksMatchPlaying(bytes, messages, 8);
    const { config } = await receivedMessages('terminal', 0);
    const after = await openRecording(bytesReadable(bytes), { config });
    await after.stateAt(damaged + 30_000);
    expect(after.info.problems.map((p) => p.kind)).toContain('badSnapshot');
    expect(after.info.problems.map((p) => p.message).join(' ')).toMatch(/not valid CBOR/);
  });

  it('read recordings of format 3 (tables as JSON) as before', async () => {
    const { bytes, messages, deltas } = await writeOlderFormat(3);
    expect(deltas).toBeGreaterThan(5);
    const player = await expectSeeksMatchPlaying(bytes, messages, 8);
    expect(player.info.problems).toEqual([]);
  });

  it('read recordings of format 2 (samples and metrics as objects) as before', async () => {
    const { bytes, messages, deltas } = await writeOlderFormat(2);
    expect(deltas).toBeGreaterThan(5);
    const player = await expectSeeksMatchPlaying(bytes, messages, 8);
    expect(player.info.problems).toEqual([]);
  });

  it('read recordings of format 1 (full snapshots only) as before', async () => {
    const { bytes, messages, snapshots } = await writeOlderFormat(1);
    expect(snapshots).toBeGreaterThan(10);
    const player = await expectSeeksMatchPlaying(bytes, messages);
    expect(player.info.hasSnapshots).toBe(true);
    expect(player.info.problems).toEqual([]);
  });
});

/**
 * Ten minutes of the bundled terminal as an older TwinDeck wrote them: snapshot channels of
 * encoding `json`, payloads of `version` — 3: tables; 2: the same records as JSON objects (what
 * decoding a table gives); 1: keyframes only, on one channel, as before deltas existed.
 */
async function writeOlderFormat(version: 1 | 2 | 3) {
  const { messages, config } = await receivedMessages('terminal', 10);
  const taker = createSnapshotTaker(
    config,
    version === 1 ? { everyMs: 20_000, keyRatio: 0 } : { everyMs: 20_000, keyRatio: 1 },
  );
  const { writable, bytes: written } = memoryWritable();
  const writer = new McapWriter({ writable, chunkSize: 64 * 1024, compressChunk: compressLz4 });
  await writer.start({ profile: 'twindeck', library: 'twindeck' });
  const jsonChannel = (topic: string) =>
    writer.registerChannel({ topic, messageEncoding: 'json', schemaId: 0, metadata: new Map() });
  const snapshotChannels = {
    key: await jsonChannel(SNAPSHOT_TOPIC),
    delta: version === 1 ? -1 : await jsonChannel(SNAPSHOT_DELTA_TOPIC),
  };
  const channels = new Map<string, number>();
  let snapshots = 0;
  let deltas = 0;
  for (const m of messages) {
    const snapshot = taker.before(m.receiveTime);
    if (snapshot) {
      const decoded = decodeSnapshot(snapshot.data) as RecordingSnapshot;
      const wire = version === 3 ? snapshotWire(decoded, 3) : { ...decoded, v: version };
      if (snapshot.kind === 'delta') deltas++;
      await writer.addMessage({
        channelId: snapshotChannels[snapshot.kind],
        sequence: snapshots++,
        logTime: msToNs(snapshot.t),
        publishTime: msToNs(snapshot.t),
        data: new TextEncoder().encode(JSON.stringify(wire)),
      });
    }
    taker.handle(m.topic, m.payload, m.receiveTime);
    let id = channels.get(m.topic);
    if (id === undefined) {
      id = await jsonChannel(m.topic);
      channels.set(m.topic, id);
    }
    await writer.addMessage({
      channelId: id,
      sequence: 0,
      logTime: msToNs(m.receiveTime),
      publishTime: msToNs(m.publishTime),
      data: m.payload,
    });
  }
  await writer.addMetadata({
    name: METADATA_NAME,
    metadata: new Map([
      ['formatVersion', String(version)],
      ['siteId', 'terminal'],
    ]),
  });
  await writer.end();
  const bytes = written();
  return { bytes, messages, snapshots, deltas };
}
