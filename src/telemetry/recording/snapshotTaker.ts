import type { TwinConfig } from '../../config/schema';
import { createReplayEngine } from './createReplayEngine';
import {
  DEFAULT_SNAPSHOT_BYTES_RATIO,
  DEFAULT_SNAPSHOT_EVERY_MS,
  DEFAULT_SNAPSHOT_KEY_MAX_EVERY_MS,
  DEFAULT_SNAPSHOT_KEY_RATIO,
  DEFAULT_SNAPSHOT_MAX_EVERY_MS,
  DEFAULT_SNAPSHOT_MAX_MESSAGES,
} from './recordingFormat';
import { encodeSnapshot } from './snapshot';
import { SnapshotSchedule } from './snapshotSchedule';
import { StateAccumulator } from './stateAccumulator';

/** A snapshot to write before the next message: a keyframe or a delta, as JSON bytes. */
export interface TakenSnapshot {
  t: number;
  kind: 'key' | 'delta';
  data: Uint8Array;
}

export interface SnapshotTakerOptions {
  /** @default DEFAULT_SNAPSHOT_EVERY_MS (30 s) */
  everyMs?: number;
  /** Messages since a snapshot must weigh this many times it first. @default 2 */
  bytesRatio?: number;
  /** Most log time between snapshots, whatever they weigh. @default 120 s */
  maxEveryMs?: number;
  /** Most messages between snapshots. @default DEFAULT_SNAPSHOT_MAX_MESSAGES */
  maxMessages?: number;
  /** A delta weighing this share of its keyframe is written as a keyframe instead. @default 0.3 */
  keyRatio?: number;
  /** Most log time between keyframes. @default 30 min */
  keyMaxEveryMs?: number;
}

export interface SnapshotTakerStats {
  snapshots: number;
  keyframes: number;
  /** Uncompressed JSON bytes of all snapshots, of the keyframes, and of the last snapshot. */
  snapshotBytes: number;
  keyframeBytes: number;
  lastSnapshotBytes: number;
}

/**
 * Takes a recording's snapshots: feeds every message through the app's ingest (so a snapshot is
 * exactly what playing up to it gives) and, before a message, says when one is due and returns
 * it. A snapshot is a delta against the last keyframe — the samples changed since it, the whole
 * offline list and ingest state — unless that would weigh `keyRatio` of the keyframe, or the
 * keyframe is `keyMaxEveryMs` old: then it is a new keyframe. The same messages always give the
 * same snapshots, so the recorder, the shift generator and its parallel form write equal bytes.
 */
export function createSnapshotTaker(config: TwinConfig, options: SnapshotTakerOptions = {}) {
  const schedule = new SnapshotSchedule(
    Math.max(1, options.everyMs ?? DEFAULT_SNAPSHOT_EVERY_MS),
    Math.max(0, options.bytesRatio ?? DEFAULT_SNAPSHOT_BYTES_RATIO),
    options.maxEveryMs ?? DEFAULT_SNAPSHOT_MAX_EVERY_MS,
    options.maxMessages ?? DEFAULT_SNAPSHOT_MAX_MESSAGES,
  );
  const keyRatio = options.keyRatio ?? DEFAULT_SNAPSHOT_KEY_RATIO;
  const keyMaxEveryMs = options.keyMaxEveryMs ?? DEFAULT_SNAPSHOT_KEY_MAX_EVERY_MS;
  const engine = createReplayEngine(config);
  const full = new StateAccumulator(false, true);
  const changed = full.changed as Set<string>;
  let key: { t: number; bytes: number } | null = null;
  const stats: SnapshotTakerStats = {
    snapshots: 0,
    keyframes: 0,
    snapshotBytes: 0,
    keyframeBytes: 0,
    lastSnapshotBytes: 0,
  };

  function take(t: number): TakenSnapshot {
    let taken: TakenSnapshot | null = null;
    if (key && t - key.t < keyMaxEveryMs) {
      const data = encodeSnapshot(engine.snapshot(t, full, { base: key.t, changed }));
      if (data.byteLength < keyRatio * key.bytes) taken = { t, kind: 'delta', data };
    }
    if (!taken) {
      taken = { t, kind: 'key', data: encodeSnapshot(engine.snapshot(t, full)) };
      key = { t, bytes: taken.data.byteLength };
      changed.clear();
      stats.keyframes++;
      stats.keyframeBytes += taken.data.byteLength;
    }
    stats.snapshots++;
    stats.snapshotBytes += taken.data.byteLength;
    stats.lastSnapshotBytes = taken.data.byteLength;
    schedule.wrote(t, taken.data.byteLength);
    return taken;
  }

  return {
    schedule,
    keyRatio,
    keyMaxEveryMs,
    /** Before the message logged at `t` (log times never decrease): the snapshot to write first. */
    before(t: number): TakenSnapshot | null {
      const at = schedule.due(t);
      return at === null ? null : take(at);
    },
    /**
     * Feeds the message logged at `t` (after `before(t)`). Returns the newest source time it
     * carried, or undefined when it bound to nothing.
     */
    handle(topic: string, payload: Uint8Array, t: number): number | undefined {
      const sourceTime = engine.handle(topic, payload, t, full);
      schedule.counted(t, payload.byteLength);
      return sourceTime;
    },
    /** The metadata entries that describe the schedule. */
    metadata(): Array<[string, string]> {
      return [
        ['snapshotEveryMs', String(schedule.everyMs)],
        ['snapshotBytesRatio', String(schedule.bytesRatio)],
        ['snapshotMaxEveryMs', String(schedule.maxEveryMs)],
        ['snapshotMaxMessages', String(schedule.maxMessages)],
        ['snapshotKeyRatio', String(keyRatio)],
        ['snapshotKeyMaxEveryMs', String(keyMaxEveryMs)],
      ];
    },
    stats: (): SnapshotTakerStats => ({ ...stats }),
  };
}

export type SnapshotTaker = ReturnType<typeof createSnapshotTaker>;
