// Rules and KPIs at full scale, in Node: the full-scale terminal's twin receives 7,000 samples a
// second (every moving asset at 10 Hz, statuses changing now and then), and its rules and KPI
// tracker are evaluated as live mode does (every 500 ms). Run by bench/figures/rules.mjs as
// `node --import tsx bench/lib/rulesMeasure.ts <config.json> <results.json>`.
import { readFileSync, writeFileSync } from 'node:fs';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { createAlarmStore } from '../../src/diagnostics/createAlarmStore';
import { createRuleEngine } from '../../src/diagnostics/createRuleEngine';
import { createKpiTracker } from '../../src/diagnostics/kpis/createKpiTracker';
import type { AssetSample } from '../../src/telemetry/samples';
import { createTwinStore } from '../../src/twin/createTwinStore';
import { createTelemetryApplier } from '../../src/twin/telemetryApplier';
import { formatDuration } from '../../src/ui/formatDuration';
import { LIVE_RULES_EVERY_MS } from '../../src/diagnostics/cadence';

const RATE = 7000;
const SECONDS = 60;
const FRAME_MS = 1000 / 60;
const STATUSES: Record<string, string[]> = {
  quayCrane: ['working', 'working', 'working', 'waiting'],
  yardCrane: ['working', 'idle', 'waiting'],
  truck: ['toQuay', 'queued', 'underCrane', 'toYard', 'underRtg', 'waiting'],
};

const text = readFileSync(process.argv[2] as string, 'utf8');
const loaded = validateTwinConfig(JSON.parse(text), text);
if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('; '));
const config = loaded.config;
const twin = createTwinStore();
twin.getState().loadSite(config);
const assets = twin.getState().assets;
const category = (type: string) => config.assetTypes[type]?.category ?? '';
const moving = assets.filter((a) => category(a.type) in STATUSES);
const applier = createTelemetryApplier(twin, () => [], { staleBySampleTime: true });
const engine = createRuleEngine(config, assets);
const alarms = createAlarmStore({ config, assets, duration: formatDuration });
const kpis = createKpiTracker(config, assets);

let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const start = Date.UTC(2025, 0, 6, 8);
const perFrame = Math.round(RATE / 60);
let next = 0;
let ruleMs = 0;
let applyMs = 0;
let worstEvaluation = 0;
const evaluations: number[] = [];
let lastRules = -Infinity;
let samples = 0;
for (let frame = 0; frame < SECONDS * 60; frame++) {
  const now = start + frame * FRAME_MS;
  const batch: AssetSample[] = [];
  for (let k = 0; k < perFrame; k++) {
    const a = moving[next++ % moving.length]!;
    const statuses = STATUSES[category(a.type)]!;
    const fields: AssetSample['fields'] = {};
    if (random() < 0.02) fields.status = statuses[Math.floor(random() * statuses.length)]!;
    if (category(a.type) === 'quayCrane' && random() < 0.01)
      fields.moves = Number(a.fields.moves ?? 0) + 1;
    batch.push({
      assetId: a.id,
      gateway: `gw-${a.id}`,
      sourceTime: now,
      receiveTime: now,
      position: [a.position[0] + (random() - 0.5), 0, a.position[2] + (random() - 0.5)],
      headingDeg: undefined,
      fields,
      staleAfterMs: 30_000,
    });
  }
  samples += batch.length;
  let began = performance.now();
  applier.apply({ samples: batch, events: [], offline: [] }, now, true);
  applier.step(now);
  applyMs += performance.now() - began;
  if (now - lastRules >= LIVE_RULES_EVERY_MS) {
    lastRules = now;
    began = performance.now();
    alarms.apply(engine.evaluate(now), now);
    kpis.update(now);
    const took = performance.now() - began;
    ruleMs += took;
    evaluations.push(took);
    worstEvaluation = Math.max(worstEvaluation, took);
  }
}
// The first seconds warm the JIT: the figures are of the rest.
const steady = evaluations.slice(10).sort((a, b) => a - b);
writeFileSync(
  process.argv[3] as string,
  JSON.stringify({
    assets: assets.length,
    moving: moving.length,
    cells: engine.watching.cells,
    rules: engine.watching.rules,
    samplesPerSecond: samples / SECONDS,
    rulesMsPerSecond: ruleMs / SECONDS,
    applyMsPerSecond: applyMs / SECONDS,
    evaluationP50: steady[Math.floor(steady.length * 0.5)],
    evaluationP95: steady[Math.floor(steady.length * 0.95)],
    worstEvaluation,
    alarms: alarms.getState().alarms.length,
  }),
);
