// `npx tsx tools/recordings/incidents.ts <recording.mcap> [--config <twin-config.json>]`: every
// alarm the site's rules raise over a recording (the app's incident pass, in Node), one line each.
// `--config` judges the recording by another config's rules and fields — try new rules or
// targets on last night's shift without recording it again.
import { open, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { findIncidents } from '../../src/app/incidentPass';
import { alarmText } from '../../src/panels/Alarms/alarmText';
import { hintLines } from '../../src/panels/Alarms/hintText';
import { openRecording } from '../../src/telemetry/recording/openRecording';
import { fileHandleReadable } from '../../src/telemetry/recording/recordingReadables';

const { positionals, values: args } = parseArgs({
  allowPositionals: true,
  options: { config: { type: 'string' } },
});
const path = positionals[0];
if (!path) throw new Error('usage: incidents.ts <recording.mcap> [--config <twin-config.json>]');
const handle = await open(path, 'r');
const given = args.config ? await readFile(args.config, 'utf8') : undefined;
let config = null as ReturnType<typeof validateTwinConfig> | null;
const replay = await openRecording(fileHandleReadable(handle), {
  config: (attached) => {
    const text = given ?? attached;
    if (text === undefined) return null;
    config = validateTwinConfig(JSON.parse(text), text);
    return config.ok ? config.config : null;
  },
});
if (!config?.ok)
  throw new Error(
    config && !config.ok
      ? `${args.config ?? path}: ${config.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
      : `${path} has no twin config attached; give one with --config`,
  );
const started = performance.now();
const { alarms, kpis } = await findIncidents(replay, config.config);
const seconds = (performance.now() - started) / 1000;
const clock = (t: number) => new Date(t).toISOString().slice(11, 19);
const site = config.config;
const words = {
  nameOf: (id: string) => {
    const name = site.assets.find((a) => a.id === id)?.name ?? id;
    return typeof name === 'string' ? name : name.en;
  },
  ruleName: (id: string) => {
    const name = site.rules.find((r) => r.id === id)?.name ?? id;
    return typeof name === 'string' ? name : name.en;
  },
  zoneName: (id: string) => id,
  time: clock,
};
for (const a of alarms) {
  console.log(
    `${clock(a.since)}–${a.clearedAt ? clock(a.clearedAt) : 'end     '}  ${a.severity.padEnd(8)} ${a.ruleId.padEnd(26)} ${alarmText(a, 'en')}`,
  );
  for (const line of hintLines(a, 'en', words)) console.log(`${' '.repeat(30)}↳ ${line.text}`);
}
const byRule = new Map<string, number>();
for (const a of alarms) byRule.set(a.ruleId, (byRule.get(a.ruleId) ?? 0) + 1);
console.log(`\n${alarms.length} alarms in ${seconds.toFixed(1)} s:`, Object.fromEntries(byRule));
const last = kpis.t.length - 1;
console.log(
  'KPIs at the end:',
  Object.fromEntries(Object.entries(kpis.values).map(([id, column]) => [id, column?.[last]])),
);
await handle.close();
