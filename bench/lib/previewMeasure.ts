// Preview speed, in Node (docs/targets.md): an 8-hour shift of a plan simulated as the preview
// worker simulates it — as planned, moving assets sampled every 2 s — once to the simulator's
// output alone (the figure the target holds) and once through the gateways' encoding into an
// MCAP recording in memory (what a preview in the app also pays). Run by
// bench/figures/previewSpeed.mjs as
// `node --import tsx bench/lib/previewMeasure.ts terminal|factory <results.json> [--no-recording]`.
import { writeFileSync } from 'node:fs';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { PREVIEW_SETTINGS } from '../../src/app/preview/previewSettings';
import { writeSimulatedShift } from '../../src/app/preview/simulatedShift';
import { createSiteSimulation, type SitePlan } from '../../src/sim/createSiteSimulation';
import { defaultFactoryPlan } from '../../src/sim/plan/factoryPlan';
import { defaultTerminalPlan } from '../../src/sim/plan/terminalPlan';
import { createBlobSink } from '../../src/telemetry/recording/recordingSinks';
import { previewBenchFactory, previewBenchTerminal } from '../../tools/sites/previewBenchSites';

const HOURS = 8;
const STEP_MS = 1000;
const kind = process.argv[2];
const out = process.argv[3] as string;
const recording = process.argv[4] !== '--no-recording';
if (kind !== 'terminal' && kind !== 'factory') throw new Error('usage: terminal|factory <out>');

const loaded = validateTwinConfig(
  kind === 'terminal' ? previewBenchTerminal() : previewBenchFactory(),
);
if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
const config = loaded.config;
// The terminal's plan takes every box on deck off and as many aboard: all the ship's work.
const plan: SitePlan =
  kind === 'terminal'
    ? defaultTerminalPlan(config, 1, { dischargeShare: 1, loadShare: 1 })
    : defaultFactoryPlan(config, 1);
const startTime = Date.UTC(2025, 0, 6);
const options = {
  seed: 1,
  startTime,
  plan,
  disruptions: PREVIEW_SETTINGS.disruptions,
  movingSampleMs: PREVIEW_SETTINGS.movingSampleMs,
};

const started = performance.now();
const sim = createSiteSimulation(config, options);
let outputs = 0;
for (let t = startTime + STEP_MS; t <= startTime + HOURS * 3600_000; t += STEP_MS)
  outputs += sim.advanceTo(t).length;
const simulationSeconds = (performance.now() - started) / 1000;
const workDone = sim.workProgress();

const recordingStarted = performance.now();
const sink = createBlobSink();
const stats = recording
  ? await writeSimulatedShift({
      ...options,
      config,
      configText: JSON.stringify(config),
      sink,
      hours: HOURS,
      shift: 'preview benchmark',
      radio: PREVIEW_SETTINGS.radio,
    })
  : { messages: 0 };
const recordingSeconds = (performance.now() - recordingStarted) / 1000;

const jobs =
  plan.kind === 'terminal'
    ? plan.vesselCalls.reduce((n, c) => n + c.discharge.length + c.load.length, 0)
    : plan.orders.reduce((n, order) => n + order.quantity, 0);
writeFileSync(
  out,
  JSON.stringify({
    kind,
    simulationSeconds,
    recordingSeconds,
    outputs,
    messages: stats.messages,
    recordingBytes: sink.blob().size,
    jobs,
    workDone,
    quayCranes: plan.kind === 'terminal' ? plan.craneSplit.length : 0,
    trucks: plan.kind === 'terminal' ? plan.trucks.pool.length : 0,
    machines: config.assets.filter((a) => a.type === 'sewingMachine').length,
    assets: config.assets.length,
  }),
);
