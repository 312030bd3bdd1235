// Rules and KPIs at full scale (docs/rules.md, docs/kpis.md): the work of evaluating the
// full-scale terminal's rules and KPIs while 7,000 samples a second flow, in ms per second of
// telemetry, against the work of applying that telemetry to the twin in the same run; and the
// longest single evaluation against the page's per-frame JS budget. Measured in Node.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runOrThrow } from '../../tools/system/runCommand.mjs';
import { count, ms } from '../lib/format.mjs';

const SITE_DIR = 'node_modules/.cache/twindeck-bench/site';
/** One evaluation must fit a frame's JS budget (docs/targets.md: p95 ≤ 4 ms per frame). */
const MAX_EVALUATION_MS = 4;
const ROUNDS = 3;

/** @type {import('../lib/report.mjs').Figure} */
export default {
  name: 'rules',
  browser: false,
  async measure() {
    await runOrThrow('npx', ['tsx', 'tools/sites/generate.ts', '--full-scale', SITE_DIR]);
    const config = resolve(SITE_DIR, 'terminal-full.json');
    const runs = [];
    for (let round = 0; round < ROUNDS; round++) {
      const out = join(mkdtempSync(join(tmpdir(), 'twindeck-rules-')), 'rules.json');
      await runOrThrow(process.execPath, [
        '--import',
        'tsx',
        'bench/lib/rulesMeasure.ts',
        config,
        out,
      ]);
      runs.push(JSON.parse(readFileSync(out, 'utf8')));
    }
    const median = (key) =>
      [...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    const r = runs[0];
    const rules = median('rulesMsPerSecond');
    const apply = median('applyMsPerSecond');
    const p95 = median('evaluationP95');
    return [
      {
        figure: `rules and KPIs, full-scale terminal (${count(r.assets)} assets, ${count(r.moving)} moving; ${r.rules} rules on ${count(r.cells)} asset pairs), ${count(r.samplesPerSecond)} samples/s, evaluated every 500 ms — ms of work per second of telemetry (median of ${ROUNDS} runs)`,
        value: `${ms(rules)} per s`,
        baseline: `${ms(apply)} per s applying the same telemetry to the twin`,
        ratio: rules / apply,
        target: '—',
        pass: null,
      },
      {
        figure: 'one evaluation of the rules and KPIs at that load (p95; worst of the run)',
        value: `${ms(p95)} (worst ${ms(median('worstEvaluation'))})`,
        baseline: '16.7 ms frame',
        target: `≤ ${ms(MAX_EVALUATION_MS)} (the frame's JS budget)`,
        pass: p95 <= MAX_EVALUATION_MS,
      },
    ];
  },
};
