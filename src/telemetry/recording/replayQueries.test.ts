import { describe, expect, it } from 'vitest';
import { simulatedRecording } from '../../../tools/recordings/testSupport';
import { openRecording } from './openRecording';
import { bytesReadable } from './recordingReadables';

// The factory's inspection robots report detections (events); the terminal's cranes move.
const factory = await simulatedRecording('factory', 15);
const { bytes, config } = await simulatedRecording('terminal', 10);

describe('replay queries for the timeline and charts', () => {
  it('lists the events of a range, as playing through it meets them', async () => {
    const open = () => openRecording(bytesReadable(factory.bytes), { config: factory.config });
    const replay = await open();
    const { start, end } = replay.info;
    const from = start + 120_000;
    const to = end - 60_000;
    const events = await replay.events(from, to);
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.receiveTime >= from && e.receiveTime <= to)).toBe(true);
    const player = await open();
    await player.stateAt(from - 0.001);
    const played = [];
    for (let t = from; t < to; t += 5000) played.push(...(await player.readTo(t)).events);
    played.push(...(await player.readTo(to)).events);
    expect(events).toEqual(played);
  });

  it("gives an asset's fields as columns, ending where a seek to the range's end does", async () => {
    const replay = await openRecording(bytesReadable(bytes), { config });
    const { start, end } = replay.info;
    const from = start + 200_000;
    const to = from + 120_000;
    const state = await replay.stateAt(to);
    const crane = state.batch.samples.find((s) => s.assetId === 'QC01')!;
    const history = await replay.history('QC01', from, to);
    expect(history.t.length).toBeGreaterThan(20);
    expect(history.t[0]).toBe(from);
    for (let i = 1; i < history.t.length; i++)
      expect(history.t[i]).toBeGreaterThanOrEqual(history.t[i - 1]!);
    for (const [name, column] of Object.entries(history.fields)) {
      expect(column).toHaveLength(history.t.length);
      expect(column.at(-1), name).toEqual(crane.fields[name]);
    }
    expect(Object.keys(history.fields)).toContain('trolley');
    // The play cursor is where the seek left it.
    expect(replay.cursor()).toBe(to);
    expect(end).toBeGreaterThan(to);
  });
});

describe('clearing the cache', () => {
  it('waits for the read-ahead in flight, so nothing lands in the cache after it', async () => {
    const source = bytesReadable(bytes);
    // A slow file: a seek's read-ahead is still being read when the seek resolves.
    const slow = {
      ...source,
      read: (offset: bigint, length: bigint) =>
        new Promise<Uint8Array>((resolve, reject) =>
          setTimeout(() => source.read(offset, length).then(resolve, reject), 20),
        ),
    };
    const replay = await openRecording(slow, { config });
    await replay.stateAt(replay.info.start + 30_000);
    const loadsBySeek = replay.stats().chunkLoads;
    await replay.clearCache();
    expect(replay.stats().chunkLoads).toBeGreaterThan(loadsBySeek); // the read-ahead landed…
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(replay.stats().cachedChunks).toBe(0); // …and went with the rest
  });
});
