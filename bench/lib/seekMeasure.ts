// Seek and playback timings of recordings through the public replay API, in Node. Run by
// bench/figures/seek.mjs as
// `node --import tsx bench/lib/seekMeasure.ts <spec.json> <results.json>`.
import { open, type FileHandle } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { openRecording, type Replay } from '../../src/telemetry/recording/openRecording';
import {
  fileHandleReadable,
  type RecordingReadable,
} from '../../src/telemetry/recording/recordingReadables';
import { seekBudget } from '../../tools/recordings/seekBudget';
import { seededRandom } from '../../tools/recordings/testSupport';

export interface SeekSpec {
  /**
   * Files to seek in. `seed` picks the seeded instants (files with the same seed and start seek
   * to the same instants); `hours` keeps the seeks within the file's first hours.
   */
  files: Array<{ label: string; path: string; seed?: number; hours?: number }>;
  /** Seeks kept per file, after `warmup` dropped ones. */
  seeks: number;
  warmup: number;
  seed: number;
  /** Playbacks simulated, each on a file (a label of `files`). */
  playbacks: Array<{ label: string; speed: number; siteMinutes: number; fromMinute: number }>;
}

export interface SeekFileResult {
  label: string;
  bytes: number;
  hours: number;
  messages: number | null;
  openMs: number;
  /** Per kept seek: time to full state, bytes read, the seek's byte limit. */
  seeks: Array<{ t: number; ms: number; bytesRead: number; limit: number }>;
  snapshots: { keyframes: number; deltas: number };
  /** Largest chunk without a keyframe (what "2 chunks" counts). */
  maxChunk: number;
  assets: number;
}

const FRAME_MS = 1000 / 60;
/** The player's threshold: this far behind the clock, it stops and buffers (createPlayer.ts). */
const STARVED_WALL_MS = 1000;

async function openFile(path: string) {
  const handle = await open(path, 'r');
  const readable = fileHandleReadable(handle);
  const replay = await openRecording(readable, {
    config: (text) => {
      if (text === undefined) return null;
      const loaded = validateTwinConfig(JSON.parse(text), text);
      return loaded.ok ? loaded.config : null;
    },
  });
  if (replay.info.problems.length > 0)
    throw new Error(`${path}: ${replay.info.problems.map((p) => p.message).join('; ')}`);
  return { handle, readable, replay };
}

/**
 * Seeks at seeded random times, each cold: the replay's decoded-chunk cache and parsed keyframe
 * dropped first, so every seek reads and decodes what it needs from the file (which the OS has
 * cached: bytes come from memory, not the disk). No GC is forced between seeks: a forced full
 * collection shrinks the heap, and the next seek then pays for growing it again, which no
 * replay worker does (measured: ~1.5× slower seeks); the garbage a seek leaves is collected when
 * V8 decides, as in the app. With several files the files take turns, seek by seek; the seek
 * figure gives each file a process of its own (bench/figures/seek.mjs): taking turns in one heap,
 * a collection that one file's garbage set off often ran during another file's seek (measured:
 * 8-hour p95 51–53 ms taking turns with three other files, 71–95 ms alone).
 */
async function measureSeeks(spec: SeekSpec): Promise<SeekFileResult[]> {
  const opened: Array<{ handle: FileHandle; readable: RecordingReadable; replay: Replay }> = [];
  const results: SeekFileResult[] = [];
  for (const file of spec.files) {
    const started = performance.now();
    const o = await openFile(file.path);
    const openMs = performance.now() - started;
    opened.push(o);
    const budget = await seekBudget(o.readable);
    const { info } = o.replay;
    results.push({
      label: file.label,
      bytes: Number(await o.readable.size()),
      hours: (info.end - info.start) / 3600_000,
      messages: info.messageCount,
      openMs,
      seeks: [],
      snapshots: {
        keyframes: budget.snapshots.filter((s) => s.kind === 'key').length,
        deltas: budget.snapshots.filter((s) => s.kind === 'delta').length,
      },
      maxChunk: budget.maxChunk,
      assets: 0,
      budget,
    } as SeekFileResult & { budget: typeof budget });
  }
  const randoms = spec.files.map((file, i) => seededRandom(file.seed ?? spec.seed + i));
  for (let k = 0; k < spec.warmup + spec.seeks; k++) {
    for (let f = 0; f < opened.length; f++) {
      const { replay } = opened[f]!;
      const result = results[f] as SeekFileResult & {
        budget: Awaited<ReturnType<typeof seekBudget>>;
      };
      const { start } = replay.info;
      const hours = spec.files[f]!.hours;
      const end =
        hours === undefined ? replay.info.end : Math.min(replay.info.end, start + hours * 3600_000);
      const t = Math.round(start + randoms[f]!() * (end - start));
      await replay.clearCache();
      const began = performance.now();
      const state = await replay.stateAt(t);
      const ms = performance.now() - began;
      result.assets = Math.max(result.assets, state.batch.samples.length);
      if (k >= spec.warmup)
        result.seeks.push({ t, ms, bytesRead: state.bytesRead, limit: result.budget.at(t).bytes });
    }
  }
  for (const o of opened) {
    o.replay.close();
    await o.handle.close();
  }
  return results.map(({ budget: _, ...rest }: SeekFileResult & { budget?: unknown }) => rest);
}

/**
 * The player's loop at `speed` (createPlayer.ts): each animation frame asks for the messages up
 * to the clock (`readTo`), one request in flight at a time; while one runs the clock moves on, so
 * the next asks for more. Wall time is simulated — a frame lasts 1/60 s or as long as its read
 * took — and the work is measured. The player falls behind when the data it has is more than
 * a second of wall time behind the clock (then it buffers).
 */
async function measurePlayback(
  path: string,
  speed: number,
  siteMinutes: number,
  fromMinute: number,
) {
  const { handle, replay } = await openFile(path);
  const from = replay.info.start + fromMinute * 60_000;
  const until = from + siteMinutes * 60_000;
  await replay.stateAt(from);
  const messagesBefore = replay.stats().ingest.counters.messages;
  let wall = 0;
  let work = 0;
  let worstFrame = 0;
  let worstLag = 0;
  let late = 0;
  let frames = 0;
  for (let clock = from; clock < until;) {
    const began = performance.now();
    await replay.readTo(clock);
    const took = performance.now() - began;
    frames++;
    work += took;
    worstFrame = Math.max(worstFrame, took);
    if (took > FRAME_MS) late++;
    // The next frame starts when this read is done, or at the next vsync.
    const frame = Math.max(FRAME_MS, took);
    wall += frame;
    // What the player lacks at the next frame: the clock ran on while this read ran.
    worstLag = Math.max(worstLag, frame);
    clock = Math.min(until, from + wall * speed);
  }
  const messages = replay.stats().ingest.counters.messages - messagesBefore;
  replay.close();
  await handle.close();
  return {
    speed,
    siteMinutes,
    fromMinute,
    frames,
    wallMs: wall,
    workMs: work,
    worstFrameMs: worstFrame,
    framesOverBudget: late,
    worstLagMs: worstLag,
    keptUp: worstLag < STARVED_WALL_MS,
    messages,
  };
}

const spec = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as SeekSpec;
const seeks = await measureSeeks(spec);
const playbacks = [];
for (const p of spec.playbacks) {
  const file = spec.files.find((f) => f.label === p.label);
  if (!file) throw new Error(`no file labelled ${p.label}`);
  playbacks.push(await measurePlayback(file.path, p.speed, p.siteMinutes, p.fromMinute));
}
writeFileSync(process.argv[3] as string, JSON.stringify({ seeks, playbacks }));
