// Preview speed (issue "Preview", docs/plans.md): an 8-hour shift of a one-ship terminal plan
// (4 quay cranes, 24 trucks) and of a 320-machine factory, each simulated as the preview worker
// runs it. The target holds the simulation: ≤ 2 s, ≥ 10,000× real time (median of three runs);
// the recording the app also writes from it is reported beside (first run only: it takes a
// minute). Measured in Node.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOrThrow } from '../../tools/system/runCommand.mjs';
import { count } from '../lib/format.mjs';

const ROUNDS = 3;
const MAX_SECONDS = 2;
const SHIFT_SECONDS = 8 * 3600;

async function measureSite(kind) {
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) {
    const out = join(mkdtempSync(join(tmpdir(), 'twindeck-preview-')), 'preview.json');
    await runOrThrow(process.execPath, [
      '--import',
      'tsx',
      'bench/lib/previewMeasure.ts',
      kind,
      out,
      ...(round === 0 ? [] : ['--no-recording']),
    ]);
    runs.push(JSON.parse(readFileSync(out, 'utf8')));
  }
  const median = (key) =>
    [...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  // The recording is written in the first run only.
  return { ...runs[0], simulationSeconds: median('simulationSeconds') };
}

const seconds = (s) => `${s.toFixed(2)} s`;
const speedup = (s) => `${count(Math.round(SHIFT_SECONDS / s))}× real time`;

/** @type {import('../lib/report.mjs').Figure} */
export default {
  name: 'previewSpeed',
  browser: false,
  async measure() {
    const terminal = await measureSite('terminal');
    const factory = await measureSite('factory');
    const moves = Math.round(terminal.jobs * terminal.workDone);
    const rows = [
      {
        figure: `preview speed, 8-hour terminal shift: one ship call of ${count(terminal.jobs)} moves (every box on deck off, as many aboard), ${terminal.quayCranes} quay cranes, ${terminal.trucks} trucks; ${count(moves)} moves done in the 8 hours, ${count(terminal.outputs)} samples (median of ${ROUNDS})`,
        r: terminal,
      },
      {
        figure: `preview speed, 8-hour factory shift: ${count(factory.machines)} sewing machines on ${factory.machines / 32} lines, ${count(factory.assets)} assets, ${count(factory.jobs)} pieces ordered; ${count(factory.outputs)} samples (median of ${ROUNDS})`,
        r: factory,
      },
    ];
    return rows.flatMap(({ figure, r }) => [
      {
        figure,
        value: `${seconds(r.simulationSeconds)} (${speedup(r.simulationSeconds)})`,
        baseline: '8 h simulated',
        target: `≤ ${MAX_SECONDS} s (≥ 10,000× real time)`,
        pass: r.simulationSeconds <= MAX_SECONDS,
      },
      {
        figure: `… and written as the app's preview recording (one run) (gateways' JSON and Sparkplug B, MCAP): ${count(r.messages)} messages, ${(r.recordingBytes / 2 ** 20).toFixed(0)} MiB`,
        value: seconds(r.recordingSeconds),
        baseline: seconds(r.simulationSeconds) + ' simulating alone',
        ratio: r.recordingSeconds / r.simulationSeconds,
        target: '—',
        pass: null,
      },
    ]);
  },
};
