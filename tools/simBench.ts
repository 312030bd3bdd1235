import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateTwinConfig } from '../src/config/loadTwinConfig';
import { createSiteSimulation } from '../src/sim/createSiteSimulation';

/**
 * `npx tsx tools/simBench.ts [config.json hours]…` — how fast the site simulators run: set-up and
 * simulated time per wall-clock second, and the message rate. Defaults to an 8-hour shift of each
 * bundled site. For the full-scale terminal:
 *   npx tsx tools/sites/generate.ts --full-scale /tmp/fs
 *   npx tsx tools/simBench.ts /tmp/fs/terminal-full.json 1
 */
const START = Date.UTC(2025, 0, 6, 0, 0, 0);
const args = process.argv.slice(2);
const runs: [string, number][] = [];
for (let i = 0; i < args.length; i += 2) runs.push([args[i] as string, Number(args[i + 1] ?? 8)]);
if (runs.length === 0)
  runs.push(['twin-configs/terminal.json', 8], ['twin-configs/factory.json', 8]);

for (const [file, hours] of runs) {
  const text = readFileSync(resolve(file), 'utf8');
  const loaded = validateTwinConfig(JSON.parse(text), text);
  if (!loaded.ok)
    throw new Error(`${file}: ${loaded.issues[0]?.path}: ${loaded.issues[0]?.message}`);
  const t0 = performance.now();
  const sim = createSiteSimulation(loaded.config, { seed: 1, startTime: START });
  const t1 = performance.now();
  let messages = 0;
  for (let t = START + 60_000; t <= START + hours * 3600_000; t += 60_000)
    messages += sim.advanceTo(t).length;
  const t2 = performance.now();
  console.log(
    `${file}: set-up ${(t1 - t0).toFixed(0)} ms; ${hours} h simulated in ${(t2 - t1).toFixed(0)} ms ` +
      `(${((hours * 3600_000) / (t2 - t1)).toFixed(0)}× real time); ${messages} messages, ` +
      `${(messages / hours / 3600).toFixed(0)} msg/s; ${sim.gateways.length} gateways`,
  );
}
