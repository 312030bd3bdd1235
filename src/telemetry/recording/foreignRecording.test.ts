import { McapWriter } from '@mcap/core';
import { describe, expect, it } from 'vitest';
import {
  comparableState,
  createPlayedState,
  memoryWritable,
  receivedMessages,
  seededRandom,
} from '../../../tools/recordings/testSupport';
import { msToNs } from './mcapRecords';
import { compressLz4 } from './compression';
import { openRecording } from './openRecording';
import { bytesReadable } from './recordingReadables';

/** The factory's first minutes as another tool would record them: plain MCAP, no snapshots. */
async function writeWithoutSnapshots(chunked: boolean) {
  const { messages, config } = await receivedMessages('factory', 12);
  const { writable, bytes: written } = memoryWritable();
  const writer = new McapWriter({
    writable,
    useChunks: chunked,
    chunkSize: 128 * 1024,
    compressChunk: compressLz4,
  });
  await writer.start({ profile: '', library: 'another tool' });
  const channels = new Map<string, number>();
  for (const m of messages) {
    let id = channels.get(m.topic);
    if (id === undefined) {
      id = await writer.registerChannel({
        topic: m.topic,
        messageEncoding: m.topic.startsWith('spBv1.0/') ? 'sparkplugb' : 'json',
        schemaId: 0,
        metadata: new Map(),
      });
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
  await writer.end();
  const bytes = written();
  return { bytes, config, messages };
}

describe('a recording made by another tool, without snapshots', () => {
  for (const chunked of [true, false]) {
    it(`opens, builds snapshots with progress and seeks exactly (${chunked ? 'chunked' : 'unchunked'})`, async () => {
      const { bytes, config, messages } = await writeWithoutSnapshots(chunked);
      const replay = await openRecording(bytesReadable(bytes), { config });
      expect(replay.info.hasSnapshots).toBe(false);
      expect(replay.info.siteId).toBeNull();
      expect(replay.info.messageCount).toBe(messages.length);
      expect(replay.info.start).toBe(messages[0]!.receiveTime);
      const progress: number[] = [];
      await replay.buildSnapshots((f) => progress.push(f));
      expect(progress.length).toBeGreaterThan(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(1);
      expect(replay.info.hasSnapshots).toBe(true);
      expect(replay.stats().builtSnapshots).toBeGreaterThanOrEqual(4);

      const player = await openRecording(bytesReadable(bytes), { config });
      const played = createPlayedState();
      const random = seededRandom(21);
      const { start, end } = replay.info;
      const times = Array.from({ length: 6 }, () => start + random() * (end - start)).sort(
        (a, b) => a - b,
      );
      for (const t of times) {
        played.apply(await player.readTo(t));
        const seek = await replay.stateAt(t);
        expect(comparableState(seek.batch)).toEqual(comparableState(played.batch()));
        expect(seek.batch.samples.length).toBeGreaterThan(50);
      }
    });
  }
});
