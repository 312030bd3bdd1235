// `npm run gateways -- --broker mqtt://host:port [--site <id>] [--speed N] [--seed N]`: the
// simulated 5G gateways of the bundled sites (all of them unless --site), against any broker.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { runGateways, type RunningGateways } from './runGateways';

const { values } = parseArgs({
  options: {
    broker: { type: 'string' },
    site: { type: 'string', multiple: true },
    speed: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
  },
});

if (!values.broker) {
  console.error('usage: npm run gateways -- --broker mqtt://host:port [--site <id>] [--speed N]');
  process.exit(2);
}

const index = JSON.parse(readFileSync('twin-configs/index.json', 'utf8')) as {
  sites: Array<{ id: string; config: string }>;
};
const wanted = values.site?.length ? values.site : index.sites.map((s) => s.id);
const running: RunningGateways[] = [];
for (const id of wanted) {
  const entry = index.sites.find((s) => s.id === id);
  if (!entry) {
    console.error(`no bundled site "${id}" (bundled: ${index.sites.map((s) => s.id).join(', ')})`);
    process.exit(2);
  }
  const result = validateTwinConfig(
    JSON.parse(readFileSync(`twin-configs/${entry.config}`, 'utf8')),
  );
  if (!result.ok) {
    console.error(
      `twin-configs/${entry.config}: ${result.issues[0]?.path}: ${result.issues[0]?.message}`,
    );
    process.exit(1);
  }
  const gateways = runGateways({
    brokerUrl: values.broker,
    config: result.config,
    seed: Number(values.seed),
    speed: Number(values.speed),
    log: (line) => console.log(line),
  });
  running.push(gateways);
  console.log(`${id}: ${gateways.gateways().length} simulated gateways → ${values.broker}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await Promise.all(running.map((r) => r.stop()));
    process.exit(0);
  });
}
