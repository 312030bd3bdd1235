import { McapIndexedReader } from '@mcap/core';
import { nsToMs, readRecord, RecordReader } from '../../src/telemetry/recording/mcapRecords';
import { snapshotKindOf } from '../../src/telemetry/recording/recordingFormat';
import type { RecordingReadable } from '../../src/telemetry/recording/recordingReadables';

interface BudgetChunk {
  start: number;
  end: number;
  bytes: number;
  keyframes: number[];
}

/**
 * What a seek may read, worked out from the file alone (its chunk indexes and the message
 * indexes of the snapshot channels, parsed by @mcap/core), not from the reader under test:
 * "the snapshot" — the keyframe, and the delta when the latest snapshot is one — plus the chunks
 * of the snapshot interval holding the seek time, plus two chunks for the interval's ragged ends.
 */
export async function seekBudget(readable: RecordingReadable) {
  const reader = await McapIndexedReader.Initialize({ readable });
  const kinds = new Map<number, 'key' | 'delta'>();
  for (const c of reader.channelsById.values()) {
    const kind = snapshotKindOf(c.topic);
    if (kind) kinds.set(c.id, kind);
  }
  const chunks: BudgetChunk[] = [];
  const snapshots: Array<{ t: number; kind: 'key' | 'delta' }> = [];
  for (const ci of reader.chunkIndexes) {
    const chunk: BudgetChunk = {
      start: nsToMs(ci.messageStartTime),
      end: nsToMs(ci.messageEndTime),
      bytes: Number(ci.chunkLength),
      keyframes: [],
    };
    chunks.push(chunk);
    for (const [channelId, offset] of ci.messageIndexOffsets) {
      const kind = kinds.get(channelId);
      if (!kind) continue;
      const prefix = await readable.read(offset, 9n);
      const length = new RecordReader(prefix).lengthAt(0);
      const bytes = await readable.read(offset, BigInt(9 + length));
      const record = readRecord(new RecordReader(bytes), false);
      if (record?.type !== 'MessageIndex') throw new Error(`no message index at byte ${offset}`);
      for (const [logTime] of record.records) {
        const t = nsToMs(logTime);
        snapshots.push({ t, kind });
        if (kind === 'key') chunk.keyframes.push(t);
      }
    }
  }
  snapshots.sort((a, b) => a.t - b.t);
  // The two extra chunks are ordinary ones: a keyframe's chunk counts as part of the snapshot.
  const maxChunk = Math.max(
    0,
    ...chunks.filter((c) => c.keyframes.length === 0).map((c) => c.bytes),
  );
  const overlapping = (from: number, to: number) =>
    chunks.filter((c) => c.end >= from && c.start <= to);

  return {
    snapshots,
    maxChunk,
    /** The byte limit of a seek to `t`, and what it is made of. */
    at(t: number) {
      let k = snapshots.length - 1;
      while (k >= 0 && (snapshots[k] as { t: number }).t > t) k--;
      const snapshot = snapshots[k];
      const from = snapshot?.t ?? -Infinity;
      const to = snapshots[k + 1]?.t ?? Infinity;
      const counted = new Set(overlapping(from, to));
      const interval = [...counted].reduce((n, c) => n + c.bytes, 0);
      let keyframe = 0;
      if (snapshot?.kind === 'delta') {
        // A delta completes the latest keyframe before it (docs/recordings.md).
        let j = k;
        while (j >= 0 && (snapshots[j] as { kind: string }).kind !== 'key') j--;
        const base = snapshots[j]?.t;
        for (const c of chunks)
          if (base !== undefined && c.keyframes.includes(base) && !counted.has(c)) {
            counted.add(c);
            keyframe += c.bytes;
          }
      }
      return {
        bytes: interval + keyframe + 2 * maxChunk,
        interval,
        keyframe,
        twoChunks: 2 * maxChunk,
      };
    },
    /** Bytes of the chunks of the snapshot interval holding `t` and its snapshot, plus two chunks. */
    boundAt(t: number): number {
      return this.at(t).bytes;
    },
  };
}
