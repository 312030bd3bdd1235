import { describe, expect, it } from 'vitest';
import {
  comparableState,
  seededRandom,
  simulatedRecording,
} from '../../../tools/recordings/testSupport';
import { indexRecording, openRecording, type Replay } from './openRecording';
import { bytesReadable, RecordingOpenError } from './recordingReadables';
import { RecordingReader } from './recordingReader';

const { bytes, config } = await simulatedRecording('terminal', 6, { chunkBytes: 64 * 1024 });
const original = await openRecording(bytesReadable(bytes), { config });
const { start, end } = original.info;
const finalState = comparableState((await original.stateAt(end)).batch);

/** Plays a damaged file to its end and seeks in it; returns how many messages it played. */
async function playAll(replay: Replay): Promise<number> {
  await replay.readTo(end + 1);
  const played = replay.stats().ingest.counters.messages;
  const random = seededRandom(3);
  for (let k = 0; k < 3; k++) await replay.stateAt(start + random() * (end - start));
  return played;
}

/** Per chunk of the intact file: where it ends and how many messages it holds. */
async function chunkEnds() {
  const index = await indexRecording(bytesReadable(bytes));
  const reader = new RecordingReader(bytesReadable(bytes), index, 1e9, []);
  const out: Array<{ end: number; messages: number }> = [];
  for (const ref of index.chunks)
    out.push({ end: ref.offset + ref.length, messages: (await reader.load(ref)).count });
  return out;
}

describe('damaged recordings', () => {
  it('opens a file cut at any point, says so, and plays what is complete', async () => {
    const chunks = await chunkEnds();
    const messages = chunks.reduce((n, c) => n + c.messages, 0);
    expect(messages).toBe(original.info.messageCount);
    const random = seededRandom(11);
    const cuts = Array.from(
      { length: 24 },
      () => 9 + Math.floor(random() * (bytes.byteLength - 9)),
    );
    for (const cut of cuts) {
      const replay = await openRecording(bytesReadable(bytes.slice(0, cut)), { config });
      expect(replay.info.problems.length, `cut at ${cut}`).toBeGreaterThan(0);
      expect(replay.info.problems.map((p) => p.message).join(' ')).toMatch(
        /plays up to|nothing in it can be played|index cannot be read/,
      );
      // Every message of a chunk that ends before the cut is played, none that was not written.
      const complete = chunks.filter((c) => c.end <= cut).reduce((n, c) => n + c.messages, 0);
      const played = await playAll(replay);
      expect(played, `cut at ${cut}`).toBeGreaterThanOrEqual(complete);
      expect(played).toBeLessThanOrEqual(messages);
    }
  });

  it('survives flipped bits: a problem names the damage, or the state is unharmed', async () => {
    const random = seededRandom(5);
    let reported = 0;
    for (let k = 0; k < 40; k++) {
      const damaged = bytes.slice();
      const at = Math.floor(random() * damaged.byteLength);
      damaged[at] = (damaged[at] as number) ^ (1 << Math.floor(random() * 8));
      let replay: Replay;
      try {
        replay = await openRecording(bytesReadable(damaged), { config });
      } catch (error) {
        // Only a broken magic number makes a file not MCAP at all.
        expect(error).toBeInstanceOf(RecordingOpenError);
        expect(at).toBeLessThan(8);
        continue;
      }
      await playAll(replay);
      const state = comparableState((await replay.stateAt(end)).batch);
      if (replay.info.problems.length > 0) reported++;
      else expect(state, `bit flipped at byte ${at}`).toEqual(finalState);
    }
    expect(reported).toBeGreaterThan(10);
  });

  it('opens a file whose index is missing by reading it through, with the same states', async () => {
    const unindexed = bytes.slice();
    // Footer: opcode, length, summary start (u64), summary offset start (u64), crc, then magic.
    const footer = unindexed.byteLength - 8 - (1 + 8 + 8 + 8 + 4);
    new DataView(unindexed.buffer).setBigUint64(footer + 9, 0n, true);
    new DataView(unindexed.buffer).setUint32(footer + 9 + 16, 0, true);
    const progress: number[] = [];
    const replay = await openRecording(bytesReadable(unindexed), {
      config,
      onProgress: (f) => progress.push(f),
    });
    expect(replay.info.indexed).toBe(false);
    expect(replay.info.problems.map((p) => p.kind)).toEqual(['notIndexed']);
    expect(progress.at(-1)).toBe(1);
    expect(replay.info.start).toBe(start);
    const random = seededRandom(9);
    for (let k = 0; k < 5; k++) {
      const t = start + random() * (end - start);
      expect(comparableState((await replay.stateAt(t)).batch)).toEqual(
        comparableState((await original.stateAt(t)).batch),
      );
    }
  });
});
