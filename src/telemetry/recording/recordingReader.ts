import { countAtOrBefore } from '../../lib/sortedSearch';
import { ChunkCache } from './chunkCache';
import { decodeChunkRecord, decodeRecordRun, emptyChunk, type DecodeContext } from './chunkDecoder';
import type { ChunkRef, DecodedChunk, RecordingProblem } from './mcapTypes';
import type { RecordingIndex } from './recordingIndex';
import { elapsedText } from './recordingIndex';
import type { RecordingReadable } from './recordingReadables';

/** Called once per message, in log-time order; `data` is a view valid during the call. */
export type MessageVisitor = (
  topic: string | undefined,
  channelId: number,
  logTime: number,
  publishTime: number,
  data: Uint8Array,
) => void;

/**
 * A recording's messages by log time, read through its index: each chunk is read once, decoded
 * into columns and kept in a byte-capped LRU cache; `bytesRead` counts what came from the file.
 */
export class RecordingReader {
  readonly cache: ChunkCache;
  private readonly loading = new Map<number, Promise<DecodedChunk>>();
  private readonly reported = new Set<number>();
  private readonly context: DecodeContext;
  /** Max end time of chunks[0..i]: how far back a window's chunks can start. */
  private readonly reachBefore: Float64Array;
  bytesRead = 0;
  chunkLoads = 0;

  constructor(
    private readonly readable: RecordingReadable,
    readonly index: RecordingIndex,
    cacheBytes: number,
    private readonly problems: RecordingProblem[],
  ) {
    this.cache = new ChunkCache(cacheBytes);
    this.context = { channels: index.channels, schemas: index.schemas };
    this.reachBefore = new Float64Array(index.chunks.length);
    let reach = -Infinity;
    index.chunks.forEach((c, i) => {
      reach = Math.max(reach, c.endTime);
      this.reachBefore[i] = reach;
    });
  }

  get chunks(): readonly ChunkRef[] {
    return this.index.chunks;
  }

  topicOf(channelId: number): string | undefined {
    return this.index.channels.get(channelId)?.topic;
  }

  /** A chunk's messages, from the cache or the file. Never throws: failures become problems. */
  load(ref: ChunkRef): Promise<DecodedChunk> {
    const cached = this.cache.get(ref.offset);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(ref.offset);
    if (!pending) {
      pending = this.read(ref).finally(() => this.loading.delete(ref.offset));
      this.loading.set(ref.offset, pending);
    }
    return pending;
  }

  private async read(ref: ChunkRef): Promise<DecodedChunk> {
    let bytes: Uint8Array;
    try {
      bytes = await this.readable.read(BigInt(ref.offset), BigInt(ref.length));
    } catch (error) {
      // Not cached: a network error may pass, so the next read tries again.
      this.report(ref, `it could not be read (${(error as Error).message})`);
      return emptyChunk(null);
    }
    this.bytesRead += bytes.byteLength;
    this.chunkLoads++;
    const chunk =
      ref.kind === 'chunk'
        ? decodeChunkRecord(bytes, this.context)
        : decodeRecordRun(bytes.slice(), this.context);
    if (chunk.problem !== null) this.report(ref, `it is damaged (${chunk.problem})`);
    this.cache.set(ref.offset, chunk);
    return chunk;
  }

  /** Puts a chunk decoded elsewhere (a scan) into the cache. */
  remember(ref: ChunkRef, chunk: DecodedChunk): void {
    this.cache.set(ref.offset, chunk);
  }

  private report(ref: ChunkRef, what: string): void {
    if (this.reported.has(ref.offset)) return;
    this.reported.add(ref.offset);
    const first = this.chunks[0]?.startTime ?? ref.startTime;
    this.problems.push({
      kind: 'corrupt',
      message: `the data at byte ${ref.offset} (${elapsedText(ref.startTime - first)}–${elapsedText(ref.endTime - first)} of the recording) is skipped: ${what}`,
    });
  }

  /** Index of the last chunk (in start-time order) that starts at or before `t`, or -1. */
  lastChunkStartingBy(t: number): number {
    return upperBound(this.chunks, t) - 1;
  }

  /** Indexes of the chunks that may hold messages with log time in (from, to]. */
  chunksBetween(from: number, to: number): number[] {
    const chunks = this.chunks;
    let hi = upperBound(chunks, to); // chunks[0..hi) start at or before `to`
    const out: number[] = [];
    while (hi > 0 && (this.reachBefore[hi - 1] as number) > from) {
      hi--;
      if ((chunks[hi] as ChunkRef).endTime > from) out.push(hi);
    }
    return out.reverse();
  }

  /**
   * Visits every message with log time in (from, to] (or [from, to] with `includeFrom`) in log-time
   * order; ties keep file order. Snapshots are not messages here.
   */
  async messages(
    from: number,
    to: number,
    visit: MessageVisitor,
    includeFrom = false,
  ): Promise<void> {
    const lo = includeFrom ? justBefore(from) : from;
    const refs = this.chunksBetween(lo, to);
    const chunks = await Promise.all(refs.map((i) => this.load(this.chunks[i] as ChunkRef)));
    const heads = chunks.map((c) => lowerBoundAfter(c.logTimes, lo));
    const ends = chunks.map((c) => lowerBoundAfter(c.logTimes, to));
    for (;;) {
      // The chunk whose next message is earliest; few chunks overlap, so a scan beats a heap.
      let best = -1;
      let bestTime = Infinity;
      for (let k = 0; k < chunks.length; k++) {
        const i = heads[k] as number;
        if (i >= (ends[k] as number)) continue;
        const t = (chunks[k] as DecodedChunk).logTimes[i] as number;
        if (t < bestTime) {
          best = k;
          bestTime = t;
        }
      }
      if (best < 0) return;
      const chunk = chunks[best] as DecodedChunk;
      let i = heads[best] as number;
      const end = ends[best] as number;
      // Stay in this chunk while it is still the earliest (the usual case: no overlap at all).
      const limit = nextStart(chunks, heads, ends, best);
      do {
        const channel = chunk.channels[i] as number;
        const start = chunk.starts[i] as number;
        visit(
          this.topicOf(channel),
          channel,
          chunk.logTimes[i] as number,
          chunk.publishTimes[i] as number,
          chunk.data.subarray(start, start + (chunk.lengths[i] as number)),
        );
        i++;
      } while (i < end && (chunk.logTimes[i] as number) <= limit);
      heads[best] = i;
    }
  }

  /** Resolves once no chunk is being read or decoded. */
  async settled(): Promise<void> {
    while (this.loading.size > 0) await Promise.allSettled(this.loading.values());
  }

  /**
   * Starts reading the chunks a seek to `t` most likely needs all at once, so the file (or the
   * network) serves them in parallel while the first ones decode.
   */
  prefetchSeek(t: number): void {
    for (const ref of likelySeekChunks(this.chunks, t))
      if (!this.cache.has(ref.offset)) void this.load(ref);
  }

  /** Starts loading the next chunks after `t` so playing on does not wait for them. */
  prefetch(t: number, count = 2): void {
    const start = upperBound(this.chunks, t);
    for (let i = Math.max(0, start - 1); i < Math.min(this.chunks.length, start + count); i++) {
      const ref = this.chunks[i] as ChunkRef;
      if (!this.cache.has(ref.offset)) void this.load(ref);
    }
  }
}

/**
 * The chunks a seek to `t` most likely reads, to start reading them all at once: the latest
 * chunk whose snapshots all lie at or before `t` (its end time bounds them), the chunk of the
 * keyframe before it when it holds only a delta, and the chunks of the messages after it up to
 * `t`. A guess from the index alone — the seek itself finds what it needs, so a wrong guess only
 * costs a read — and none when the index does not say where snapshots are.
 */
export function likelySeekChunks(chunks: readonly ChunkRef[], t: number): ChunkRef[] {
  let k = upperBound(chunks, t) - 1;
  while (k >= 0 && !((chunks[k] as ChunkRef).hasSnapshot && (chunks[k] as ChunkRef).endTime <= t)) {
    if ((chunks[k] as ChunkRef).hasSnapshot === undefined) return [];
    k--;
  }
  if (k < 0) return [];
  const snapshot = chunks[k] as ChunkRef;
  const out = [snapshot];
  if (!snapshot.hasKeyframe) {
    let j = k - 1;
    while (j >= 0 && !(chunks[j] as ChunkRef).hasKeyframe) j--;
    if (j >= 0) out.push(chunks[j] as ChunkRef);
  }
  for (let i = k + 1; i < chunks.length && (chunks[i] as ChunkRef).startTime <= t; i++)
    out.push(chunks[i] as ChunkRef);
  return out;
}

/**
 * The greatest time a message can have and still be before `t`: times are whole microseconds
 * (see nsToMs), so half a microsecond less — `t - 1e-9` would round back to `t` at epoch scale.
 */
export function justBefore(t: number): number {
  return t - 0.0005;
}

/** First index whose chunk starts after `t`. */
function upperBound(chunks: readonly ChunkRef[], t: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chunks[mid] as ChunkRef).startTime <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a time greater than `t`. */
function lowerBoundAfter(times: Float64Array, t: number): number {
  return countAtOrBefore(times, t);
}

/** The earliest next message time among the other chunks (ties go to the earlier chunk). */
function nextStart(
  chunks: DecodedChunk[],
  heads: number[],
  ends: number[],
  except: number,
): number {
  let min = Infinity;
  for (let k = 0; k < chunks.length; k++) {
    if (k === except) continue;
    const i = heads[k] as number;
    if (i >= (ends[k] as number)) continue;
    const t = (chunks[k] as DecodedChunk).logTimes[i] as number;
    // A later chunk with the same time waits (file order); an earlier one goes first.
    const bound = k < except ? justBefore(t) : t;
    if (bound < min) min = bound;
  }
  return min;
}
