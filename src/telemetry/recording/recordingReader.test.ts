import { describe, expect, it } from 'vitest';
import type { ChunkRef } from './mcapTypes';
import { likelySeekChunks } from './recordingReader';

/** A chunk of messages from `start` to `end` s; `snapshot` when its last record is one. */
function chunk(start: number, end: number, snapshot?: 'key' | 'delta'): ChunkRef {
  return {
    offset: start * 1000,
    length: 1000,
    kind: 'chunk',
    startTime: start * 1000,
    endTime: end * 1000,
    hasSnapshot: snapshot !== undefined,
    hasKeyframe: snapshot === 'key',
  };
}

// TwinDeck's writer closes a chunk after each snapshot: the snapshot ends its chunk.
const chunks = [
  chunk(0, 10, 'key'),
  chunk(10, 15),
  chunk(15, 20, 'delta'),
  chunk(20, 25),
  chunk(25, 30, 'key'),
  chunk(30, 35),
  chunk(35, 40, 'delta'),
  chunk(40, 45),
  chunk(45, 50, 'delta'),
];
const starts = (refs: ChunkRef[]) => refs.map((r) => r.startTime / 1000);

describe('the chunks a seek is read from, guessed from the index', () => {
  it("takes a delta's chunk, its keyframe's, and the messages up to the seek", () => {
    expect(starts(likelySeekChunks(chunks, 42_000))).toEqual([35, 25, 40]);
  });

  it('passes over a chunk whose snapshot comes after the seek', () => {
    // The chunk from 45 s holds messages before 46 s but its snapshot is at 50 s.
    expect(starts(likelySeekChunks(chunks, 46_000))).toEqual([35, 25, 40, 45]);
    expect(starts(likelySeekChunks(chunks, 27_000))).toEqual([15, 0, 20, 25]);
  });

  it('needs no other keyframe when the snapshot is one', () => {
    // A message may share the snapshot's time: the next chunk starts at it.
    expect(starts(likelySeekChunks(chunks, 30_000))).toEqual([25, 30]);
    expect(starts(likelySeekChunks(chunks, 33_000))).toEqual([25, 30]);
  });

  it('guesses nothing before the first snapshot, or when the index does not say', () => {
    expect(likelySeekChunks(chunks, 9_000)).toEqual([]);
    const silent = chunks.map((c) => ({ ...c, hasSnapshot: undefined, hasKeyframe: undefined }));
    expect(likelySeekChunks(silent, 42_000)).toEqual([]);
  });
});
