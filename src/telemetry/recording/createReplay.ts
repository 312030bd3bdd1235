import type { TwinConfig } from '../../config/schema';
import type { AssetSample } from '../samples';
import { compileTopicPattern } from '../binding/topicPattern';
import { compressLz4, decompressChunk } from './compression';
import { createReplayEngine, type ReplayEngine } from './createReplayEngine';
import type { ChunkRef, DecodedChunk, SnapshotRef } from './mcapTypes';
import { DEFAULT_CACHE_BYTES, DEFAULT_SNAPSHOT_EVERY_MS } from './recordingFormat';
import { justBefore, type RecordingReader } from './recordingReader';
import type { OpenRecordingOptions, Replay, ReplayInfo } from './replayTypes';
import { decodeSnapshot, encodeSnapshot, type RecordingSnapshot } from './snapshot';
import { SnapshotSchedule } from './snapshotSchedule';
import { StateAccumulator } from './stateAccumulator';

/** A snapshot kept in memory by `buildSnapshots`: its payload, lz4-compressed. */
interface BuiltSnapshot {
  t: number;
  bytes: Uint8Array;
  size: number;
}

/** The Replay over an indexed recording (see replayTypes.ts for what each call does). */
export function createReplay(
  reader: RecordingReader,
  info: ReplayInfo,
  config: TwinConfig | null,
  options: OpenRecordingOptions,
): Replay {
  const engine: ReplayEngine = createReplayEngine(config);
  const window = new StateAccumulator(true);
  const built: BuiltSnapshot[] = [];
  const badSnapshots = new Set<string>();
  /** The keyframe the last delta was applied to, parsed (its samples are shared: see below). */
  let lastKeyframe: RecordingSnapshot | null = null;
  /**
   * The kept keyframe's samples: every seek that completes it with a delta starts from them, and
   * a replay merges into its samples in place, so the accumulator copies one of these the first
   * time it merges into it (copy on write) instead of each seek copying all of them. A new set
   * per keyframe: an accumulator keeps the set it was given, so samples of a keyframe dropped
   * since stay protected while it holds them.
   */
  let keyframeSamples: ReadonlySet<AssetSample> = new Set();
  /** Keyframes (by log time) found damaged: the deltas on them are passed over. */
  const badKeyframes = new Set<number>();
  let cursor = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** Runs cursor operations one at a time, in call order. */
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      if (closed) throw new Error('the recording is closed');
      return op();
    });
    queue = run.catch(() => undefined);
    return run;
  };

  /** The latest snapshot at or before `t` (from the file or built), or null: from the start. */
  async function snapshotAt(t: number): Promise<RecordingSnapshot | null> {
    let best: RecordingSnapshot | null = null;
    if (info.hasSnapshots && built.length === 0) {
      reader.prefetchSeek(t);
      best = await fileSnapshotAt(t);
    }
    let k = built.length - 1;
    while (k >= 0 && (built[k] as BuiltSnapshot).t > t) k--;
    for (; k >= 0; k--) {
      const candidate = built[k] as BuiltSnapshot;
      if (best && best.t >= candidate.t) break;
      const payload = decompressChunk('lz4', candidate.bytes, candidate.size);
      const decoded = usable(decodeSnapshot(payload), candidate.t);
      if (decoded) return decoded;
    }
    return best;
  }

  /**
   * The latest usable snapshot in the file at or before `t`: a keyframe, or a delta applied to
   * its keyframe. One that cannot be used is named in the problems, and an earlier one is tried.
   */
  async function fileSnapshotAt(t: number): Promise<RecordingSnapshot | null> {
    const chunks = reader.chunks;
    for (let i = reader.lastChunkStartingBy(t); i >= 0; i--) {
      const ref = chunks[i] as ChunkRef;
      if (ref.hasSnapshot === false) continue;
      const chunk = await reader.load(ref);
      for (let s = chunk.snapshots.length - 1; s >= 0; s--) {
        const at = chunk.snapshots[s] as SnapshotRef;
        if (at.t > t) continue;
        const decoded = usable(decodeSnapshot(snapshotBytes(chunk, at), at.encoding), at.t);
        if (!decoded) continue;
        if (at.kind === 'key') {
          if (decoded.base === undefined) return decoded;
          usable('a keyframe carries the base of a delta', at.t);
          continue;
        }
        if (decoded.base === undefined) {
          usable('a delta snapshot names no keyframe', at.t);
          continue;
        }
        const key = await keyframeAt(decoded.base);
        if (key) return applyDelta(key, decoded);
        usable(
          `the keyframe a delta snapshot completes (at ${new Date(decoded.base).toISOString()}) cannot be read`,
          at.t,
        );
      }
    }
    return null;
  }

  /** The keyframe logged at exactly `base`, to apply a delta to (the last one is kept parsed). */
  async function keyframeAt(base: number): Promise<RecordingSnapshot | null> {
    if (lastKeyframe?.t === base) return lastKeyframe;
    if (badKeyframes.has(base)) return null;
    for (const i of reader.chunksBetween(justBefore(base), base)) {
      const ref = reader.chunks[i] as ChunkRef;
      if (ref.hasKeyframe === false) continue;
      const chunk = await reader.load(ref);
      const at = chunk.snapshots.find((s) => s.kind === 'key' && s.t === base);
      if (!at) continue;
      const decoded = usable(decodeSnapshot(snapshotBytes(chunk, at), at.encoding), at.t);
      if (decoded && decoded.base === undefined) {
        keyframeSamples = new Set(decoded.samples);
        return (lastKeyframe = decoded);
      }
      // Damaged for good (a read that failed may pass: a keyframe not found is looked for again).
      badKeyframes.add(base);
      return null;
    }
    return null;
  }

  function usable(decoded: RecordingSnapshot | string, t: number): RecordingSnapshot | null {
    if (typeof decoded !== 'string') return decoded;
    if (!badSnapshots.has(decoded)) {
      badSnapshots.add(decoded);
      info.problems.push({
        kind: 'badSnapshot',
        message: `${decoded} (at ${new Date(t).toISOString()}); seeks start from an earlier one`,
      });
    }
    return null;
  }

  /** Restores `into` and `target` to the full state at `t`. */
  async function fullStateAt(
    target: ReplayEngine,
    into: StateAccumulator,
    t: number,
  ): Promise<void> {
    const snapshot = await snapshotAt(t);
    target.restore(snapshot, into, keyframeSamples);
    await reader.messages(snapshot?.t ?? -Infinity, t, (topic, _c, logTime, _p, data) => {
      if (topic !== undefined) target.handle(topic, data, logTime, into);
    });
  }

  return {
    info,
    stateAt: (t) =>
      serial(async () => {
        const before = reader.bytesRead;
        const full = new StateAccumulator(false);
        await fullStateAt(engine, full, t);
        cursor = t;
        window.reset();
        reader.prefetch(t);
        const batch = {
          samples: [...full.samples.values()],
          events: [],
          offline: [...full.offline],
        };
        return { batch, bytesRead: reader.bytesRead - before };
      }),
    readTo: (t) =>
      serial(async () => {
        if (t > cursor) {
          await reader.messages(cursor, t, (topic, _c, logTime, _p, data) => {
            if (topic !== undefined) engine.handle(topic, data, logTime, window);
          });
          cursor = t;
          reader.prefetch(t);
        }
        return window.take();
      }),
    cursor: () => cursor,
    async history(assetId, from, to) {
      const scratch = createReplayEngine(config);
      const full = new StateAccumulator(false);
      await fullStateAt(scratch, full, from);
      const times: number[] = [];
      const columns = new Map<string, Array<number | string | boolean | null>>();
      const point = (t: number) => {
        const sample = full.samples.get(assetId);
        if (!sample) return;
        for (const name of Object.keys(sample.fields))
          if (!columns.has(name)) columns.set(name, new Array<null>(times.length).fill(null));
        times.push(t);
        for (const [name, column] of columns) column.push(sample.fields[name] ?? null);
      };
      point(from);
      const probe = new StateAccumulator(false);
      await reader.messages(from, to, (topic, _c, logTime, _p, data) => {
        if (topic === undefined) return;
        scratch.handle(topic, data, logTime, probe);
        if (probe.samples.size === 0 && probe.offline.size === 0) return;
        const heard = probe.samples.has(assetId);
        full.add(probe.take());
        if (heard) point(logTime);
      });
      return { t: Float64Array.from(times), fields: Object.fromEntries(columns) };
    },
    async events(from, to) {
      const patterns = (config?.bindings ?? [])
        .filter((b) => b.kind === 'event')
        .map((b) => compileTopicPattern(b.topic));
      const wanted = new Map<number, boolean>();
      const isEventChannel = (channel: number, topic: string) => {
        let yes = wanted.get(channel);
        if (yes === undefined) {
          const parts = topic.split('/');
          yes = patterns.some((p) => p.matchLevels(parts) !== null);
          wanted.set(channel, yes);
        }
        return yes;
      };
      const scratch = createReplayEngine(config);
      const out = new StateAccumulator(true);
      await reader.messages(
        from,
        to,
        (topic, channel, logTime, _p, data) => {
          if (topic !== undefined && isEventChannel(channel, topic))
            scratch.handle(topic, data, logTime, out);
        },
        true,
      );
      return out.events;
    },
    async buildSnapshots(onProgress) {
      if (info.hasSnapshots) {
        onProgress?.(1);
        return;
      }
      const schedule = new SnapshotSchedule(
        options.buildSnapshotEveryMs ?? DEFAULT_SNAPSHOT_EVERY_MS,
      );
      const scratch = createReplayEngine(config);
      const full = new StateAccumulator(false);
      const chunks = reader.chunks;
      // Chunk by chunk so progress can be told and memory stays one chunk deep (plus the cache).
      let done = -Infinity;
      for (let i = 0; i < chunks.length; i++) {
        const upTo = Math.max(done, (chunks[i] as ChunkRef).endTime);
        await reader.messages(done, upTo, (topic, _c, logTime, _p, data) => {
          const at = schedule.due(logTime);
          if (at !== null) {
            const payload = encodeSnapshot(scratch.snapshot(at, full));
            built.push({
              t: at,
              bytes: compressLz4(payload).compressedData,
              size: payload.byteLength,
            });
            schedule.wrote(at, payload.byteLength);
          }
          if (topic !== undefined) scratch.handle(topic, data, logTime, full);
          schedule.counted(logTime, data.byteLength);
        });
        done = upTo;
        onProgress?.((i + 1) / chunks.length);
      }
      info.hasSnapshots = true;
      info.snapshotEveryMs = schedule.everyMs;
    },
    stats() {
      return {
        bytesRead: reader.bytesRead,
        cacheBytes: reader.cache.bytes,
        cacheCapBytes: options.cacheBytes ?? DEFAULT_CACHE_BYTES,
        cachedChunks: reader.cache.size,
        chunkLoads: reader.chunkLoads,
        cacheHits: reader.cache.hits,
        builtSnapshots: built.length,
        builtSnapshotBytes: built.reduce((n, b) => n + b.bytes.byteLength, 0),
        ingest: engine.ingest.stats(Date.now()),
      };
    },
    async clearCache() {
      await reader.settled();
      reader.cache.clear();
      lastKeyframe = null;
    },
    close() {
      closed = true;
      reader.cache.clear();
      lastKeyframe = null;
    },
  };
}

const snapshotBytes = (chunk: DecodedChunk, at: SnapshotRef) =>
  chunk.data.subarray(at.start, at.start + at.length);

/**
 * A keyframe with a delta applied: the delta's samples replace the keyframe's (they are the
 * assets' whole merged samples), the rest are the keyframe's own objects — shared, so whoever
 * merges into one copies it first (`keyframeSamples`).
 */
function applyDelta(key: RecordingSnapshot, delta: RecordingSnapshot): RecordingSnapshot {
  const samples = new Map<string, AssetSample>();
  for (const s of key.samples) samples.set(s.assetId, s);
  for (const s of delta.samples) samples.set(s.assetId, s);
  return {
    v: delta.v,
    t: delta.t,
    samples: [...samples.values()],
    offline: delta.offline,
    ingest: delta.ingest,
  };
}
