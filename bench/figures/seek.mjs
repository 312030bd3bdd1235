// Seeking in recordings (docs/recordings.md): time to full state in an 8-hour full-scale terminal
// recording against the same in a 1-hour one, bytes read per seek against the file's own limit,
// playback at 64× on the 8-hour file, and the same seek in the bundled terminal shift. Measured
// in Node through the public replay API (bench/lib/seekMeasure.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBundledShifts, shiftPath } from '../../tools/recordings/bundledShifts.mjs';
import { runOrThrow } from '../../tools/system/runCommand.mjs';
import { count, ms } from '../lib/format.mjs';
import {
  CACHE_ROOT,
  ensureFullScaleRecordings,
  HOURS,
  mb,
  SHORT_HOURS,
} from '../lib/fullScaleRecordings.mjs';

const root = process.cwd();
const SEEKS = 60;
const WARMUP = 5;
const SPEED = 64;
const MAX_P95_MS = 100;
const MAX_RATIO = 1.5;
/** What the generation may take and weigh before this figure says so (not a project target). */
const GENERATION_BUDGET_S = 180;
const FILE_BUDGET_BYTES = 2e9;

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

function seekStats(file) {
  const times = file.seeks.map((s) => s.ms);
  const bytes = file.seeks.map((s) => s.bytesRead);
  return {
    p50: pct(times, 0.5),
    p95: pct(times, 0.95),
    bytesP95: pct(bytes, 0.95),
    limitP95: pct(
      file.seeks.map((s) => s.limit),
      0.95,
    ),
    worstShare: Math.max(...file.seeks.map((s) => s.bytesRead / s.limit)),
    within: file.seeks.every((s) => s.bytesRead <= s.limit),
  };
}

/** Runs bench/lib/seekMeasure.ts on `spec` in a Node process of its own; its results. */
async function measureInProcess(name, spec) {
  const specPath = resolve(CACHE_ROOT, `seek-spec-${name}.json`);
  const resultPath = resolve(CACHE_ROOT, `seek-results-${name}.json`);
  writeFileSync(specPath, JSON.stringify(spec));
  await runOrThrow(process.execPath, [
    '--import',
    'tsx',
    'bench/lib/seekMeasure.ts',
    specPath,
    resultPath,
  ]);
  return JSON.parse(readFileSync(resultPath, 'utf8'));
}

/** @type {import('../lib/report.mjs').Figure} */
export default {
  name: 'seek',
  browser: false,
  async measure() {
    const full = await ensureFullScaleRecordings();
    const [bundled] = await ensureBundledShifts(root, {
      log: (line) => console.log(`  ${line}`),
    }).then((shifts) => shifts.filter((s) => s.siteId === 'terminal'));
    const bundledPath = bundled?.path ?? shiftPath(root, 'terminal');

    const files = [
      { label: 'bundled', path: bundledPath, seed: 1 },
      { label: 'short', path: full.short, seed: 11 },
      { label: 'long', path: full.long, seed: 3 },
      // The same instants as in the 1-hour file, which is the same shift's first hour: the
      // same seeks, so the ratio shows what the recording's length alone costs. Seeks across
      // the whole shift also meet later, larger states (more assets heard), and are held to
      // the absolute limit.
      { label: 'longFirstHour', path: full.long, seed: 11, hours: SHORT_HOURS },
    ];
    // One process per file, as a replay worker holds one recording: the garbage collector's
    // work then lands on the seeks that made the garbage (bench/lib/seekMeasure.ts).
    const seeks = [];
    for (const file of files)
      seeks.push(
        ...(
          await measureInProcess(file.label, {
            files: [file],
            seeks: SEEKS,
            warmup: WARMUP,
            seed: file.seed,
            playbacks: [],
          })
        ).seeks,
      );
    const { playbacks } = await measureInProcess('playback', {
      files: files.filter((f) => f.label === 'long'),
      seeks: 0,
      warmup: 0,
      seed: 1,
      playbacks: [
        // The busiest ten minutes: the shift's first (every asset reports in, ~1,250 messages/s).
        { label: 'long', speed: SPEED, siteMinutes: 10, fromMinute: 0 },
        // Ten minutes of the shift at work (hour 4, ~480 messages/s, the shift's average ~400).
        { label: 'long', speed: SPEED, siteMinutes: 10, fromMinute: 240 },
      ],
    });
    const byLabel = Object.fromEntries(seeks.map((f) => [f.label, f]));
    const long = byLabel.long;
    const short = byLabel.short;
    const small = byLabel.bundled;
    const l = seekStats(long);
    const s = seekStats(short);
    const b = seekStats(small);
    const same = seekStats(byLabel.longFirstHour);
    const ratio = same.p95 / s.p95;
    const how = `${SEEKS} seeded random seeks each after ${WARMUP} dropped, cold cache, each file in a process of its own (decoded chunks and parsed keyframe dropped once the last seek's read-ahead landed; the file in the OS cache)`;
    const generated = full.cached
      ? `made in ${full.generatedSeconds.toFixed(0)} s on ${full.generatedOn}, cached`
      : `made in ${full.generatedSeconds.toFixed(0)} s`;
    const rate = long.messages / (long.hours * 3600);

    return [
      {
        figure:
          `full-scale terminal recordings: ${count(full.assets)} assets in the config, ` +
          `${count(long.assets)} heard by the end; ${HOURS} h of simulated traffic (not stretched: ` +
          `${count(long.messages)} messages, ${count(rate)}/s on average) with ` +
          `${count(long.snapshots.keyframes)} keyframes + ${count(long.snapshots.deltas)} deltas; ` +
          `the ${SHORT_HOURS}-hour file is the same shift's first hour`,
        value: `${mb(long.bytes)} + ${mb(short.bytes)}`,
        baseline: generated,
        target: `≤ ${mb(FILE_BUDGET_BYTES)}, ≤ ~${GENERATION_BUDGET_S / 60} min to make (bench limits)`,
        pass: null,
      },
      {
        figure: `seek to full state, full-scale terminal, ${HOURS}-hour recording, anywhere in the shift (p95; ${how})`,
        value: `${ms(l.p95)} (p50 ${ms(l.p50)})`,
        baseline: `${ms(s.p95)} (p50 ${ms(s.p50)}) anywhere in the ${SHORT_HOURS}-hour recording, whose states are smaller (the first hour's)`,
        target: `p95 ≤ ${ms(MAX_P95_MS)}`,
        pass: l.p95 <= MAX_P95_MS,
      },
      {
        figure: `the same seeks in both: ${SEEKS} seeded instants of the first hour, in the ${HOURS}-hour recording against the ${SHORT_HOURS}-hour one (p95, cold cache)`,
        value: `${ms(same.p95)} (p50 ${ms(same.p50)})`,
        baseline: `${ms(s.p95)} (p50 ${ms(s.p50)}) in the ${SHORT_HOURS}-hour recording`,
        ratio,
        target: `≤ ${MAX_RATIO}×`,
        pass: ratio <= MAX_RATIO,
      },
      {
        figure: `bytes read per seek, full-scale ${HOURS}-hour recording (p95; each seek against its own limit from the file)`,
        value: `${mb(l.bytesP95)}, worst seek ${(100 * l.worstShare).toFixed(0)} % of its limit`,
        baseline: `limit: its snapshot (keyframe + delta) and interval + 2 chunks of ≤ ${mb(long.maxChunk)} (p95 ${mb(l.limitP95)})`,
        ratio: l.worstShare,
        target: '≤ one snapshot interval + 2 chunks',
        pass: l.within,
      },
      ...playbacks.map((playback) => ({
        figure: `playback at ${SPEED}×, full-scale ${HOURS}-hour recording, ${playback.siteMinutes} min from ${playback.fromMinute === 0 ? 'its start (the busiest: every asset reports in)' : `minute ${playback.fromMinute}`}: ${count(Math.round(playback.messages / (playback.siteMinutes * 60)))} msg/s of site time, the player's readTo per 60 Hz frame`,
        value: `worst frame ${ms(playback.worstFrameMs)}, ${playback.framesOverBudget} of ${playback.frames} frames over 16.7 ms; ${ms(playback.workMs)} of work in ${ms(playback.wallMs)}`,
        baseline: 'the player buffers once it is 1 s behind the clock',
        ratio: playback.workMs / playback.wallMs,
        target: 'keeps up (never 1 s behind)',
        pass: playback.keptUp,
      })),
      {
        figure: `seek to full state, bundled terminal shift (8 h, ${count(small.messages)} messages; ${SEEKS} seeks, cold cache)`,
        value: `${ms(b.p95)} (p50 ${ms(b.p50)})`,
        baseline: `bytes p95 ${mb(b.bytesP95)}, worst ${(100 * b.worstShare).toFixed(0)} % of its limit`,
        target: `p95 ≤ ${ms(MAX_P95_MS)}, bytes ≤ limit`,
        pass: b.p95 <= MAX_P95_MS && b.within,
      },
    ];
  },
};
