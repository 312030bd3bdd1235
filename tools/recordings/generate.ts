import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import {
  BUNDLED_SHIFT,
  bundledSites,
  ensureBundledShifts,
  GENERATOR_VERSION,
  shiftPath,
  shiftPlanPath,
  shiftSourceHash,
} from './bundledShifts.mjs';
import { parsePlanDocument } from '../../src/config/plan';
import { createFileSink } from './fileSink';
import { writeSimulatedShiftParallel } from './parallelShift';
import { writeSimulatedShift } from '../../src/app/preview/simulatedShift';

/**
 * `npm run recordings` — makes the bundled shifts that are missing or stale (`--force`: all).
 * `--site <id>` makes one site's now (what the above runs, one process per site).
 * `--config <file> --out <file> [--hours 1] [--seed 1]` makes any config's shift anywhere;
 * `--parallel` takes the snapshots on a second thread (same bytes, ~2× faster on two cores), and
 * each `--also <hours>=<file>` (implies --parallel) also writes the shift's first hours to a file
 * of their own from the same run.
 */
const { values: args } = parseArgs({
  options: {
    site: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    hours: { type: 'string' },
    seed: { type: 'string' },
    parallel: { type: 'boolean', default: false },
    also: { type: 'string', multiple: true },
    force: { type: 'boolean', default: false },
  },
});
const root = process.cwd();

async function generate(
  configPath: string,
  out: string,
  hours: number,
  seed: number,
  hash: string,
  also: Array<{ hours: number; out: string }> = [],
  parallel = false,
  planPath: string | null = null,
) {
  const configText = readFileSync(configPath, 'utf8');
  // The shift runs the plan file and carries it, so a replay can measure it against it.
  const planText = planPath === null ? undefined : readFileSync(planPath, 'utf8');
  const parsedPlan = planText === undefined ? undefined : parsePlanDocument(planText);
  if (parsedPlan && !parsedPlan.ok)
    throw new Error(`${planPath}: ${parsedPlan.issues[0]?.path}: ${parsedPlan.issues[0]?.message}`);
  const loaded = validateTwinConfig(JSON.parse(configText), configText);
  if (!loaded.ok) {
    const issue = loaded.issues[0];
    throw new Error(`${configPath}: ${issue?.path}: ${issue?.message}`);
  }
  const started = performance.now();
  const targets = [{ hours, out }, ...also];
  const sinks = targets.map((target) => {
    mkdirSync(dirname(target.out), { recursive: true });
    return createFileSink(target.out);
  });
  const common = {
    config: loaded.config,
    configText,
    startTime: BUNDLED_SHIFT.startTime,
    seed,
    shift: BUNDLED_SHIFT.shift,
    plan: parsedPlan?.ok ? parsedPlan.plan.plan : undefined,
    planText,
    metadata: { generator: `twindeck-shift-generator/${GENERATOR_VERSION}`, sourceHash: hash },
  };
  try {
    const stats =
      parallel || also.length > 0
        ? await writeSimulatedShiftParallel({
            ...common,
            outputs: targets.map((target, i) => ({ sink: sinks[i]!, hours: target.hours })),
          })
        : [await writeSimulatedShift({ ...common, sink: sinks[0]!, hours })];
    const seconds = (performance.now() - started) / 1000;
    stats.forEach((s, i) => {
      const target = targets[i]!;
      console.log(
        `${target.out}: ${target.hours} h, ${s.messages} messages, ${s.snapshots} snapshots ` +
          `(${s.keyframes} keyframes of ${kB(s.keyframeBytes / s.keyframes)} kB, ` +
          `${s.snapshots - s.keyframes} deltas of ${kB((s.snapshotBytes - s.keyframeBytes) / (s.snapshots - s.keyframes))} kB ` +
          `before compression), ${(statSync(target.out).size / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
      );
    });
  } catch (error) {
    for (const sink of sinks) sink.abort();
    throw error;
  }
}

const kB = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1000).toFixed(0) : '0');

if (args.site !== undefined) {
  const site = bundledSites(root).find((s: { id: string }) => s.id === args.site);
  if (!site) throw new Error(`no bundled site "${args.site}" in twin-configs/index.json`);
  await generate(
    site.config,
    shiftPath(root, site.id),
    BUNDLED_SHIFT.hours,
    BUNDLED_SHIFT.seed,
    shiftSourceHash(root, site.config, shiftPlanPath(root, site.id)),
    [],
    false,
    shiftPlanPath(root, site.id),
  );
} else if (args.config !== undefined) {
  if (args.out === undefined) throw new Error('--config needs --out <file.mcap>');
  await generate(
    resolve(args.config),
    resolve(args.out),
    Number(args.hours ?? BUNDLED_SHIFT.hours),
    Number(args.seed ?? BUNDLED_SHIFT.seed),
    'custom',
    (args.also ?? []).map((spec) => {
      const [h, file] = spec.split('=');
      if (!h || !file || !(Number(h) > 0))
        throw new Error(`--also wants <hours>=<file>, not ${spec}`);
      return { hours: Number(h), out: resolve(file) };
    }),
    args.parallel,
  );
} else {
  const results = await ensureBundledShifts(root, { force: args.force });
  for (const r of results)
    console.log(
      `${r.path}: ${(r.bytes / 1e6).toFixed(1)} MB ${r.generated ? `generated (${r.seconds.toFixed(1)} s for all)` : 'up to date'}`,
    );
}
