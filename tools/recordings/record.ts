import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import type { TwinConfig } from '../../src/config/schema';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { createBinder } from '../../src/telemetry/binding/createBinder';
import {
  createRecordingWriter,
  type RecordingWriterStats,
} from '../../src/telemetry/recording/createRecordingWriter';
import { createFileSink } from './fileSink';

export interface RecordBrokerOptions {
  /** `mqtt://host:port` or `ws://…` */
  brokerUrl: string;
  config: TwinConfig;
  configText: string;
  out: string;
  shift: string;
  /** Stop after this long; without it, when `signal` aborts. */
  durationMs?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/**
 * Subscribes to every topic the config binds and records what arrives to an MCAP file, until the
 * duration ends or the signal aborts; then the file is closed properly (indexed, summary written).
 */
export async function recordBroker(options: RecordBrokerOptions): Promise<RecordingWriterStats> {
  const log = options.log ?? (() => undefined);
  const { filters } = createBinder(options.config.bindings, {
    geoOrigin: options.config.site.geoOrigin,
    fieldKinds: new Map(),
  });
  const sink = createFileSink(options.out);
  const writer = createRecordingWriter({
    sink,
    config: options.config,
    configText: options.configText,
    shift: options.shift,
    library: 'twindeck recorder',
  });
  const client = mqtt.connect(options.brokerUrl, {
    clientId: `twindeck-recorder-${Math.random().toString(16).slice(2, 10)}`,
    reconnectPeriod: 1000,
    clean: true,
  });
  let failed: Error | null = null;
  client.on('connect', () => {
    // Once per (re)connect, as the app does; retained messages arrive first.
    client.subscribe(filters, { qos: 1 });
    log(`recording ${filters.length} topic filters from ${options.brokerUrl} to ${options.out}`);
  });
  client.on('message', (topic, payload, packet) => {
    // Awaited by close(): the writer queues in order, so nothing is lost at the end.
    writer
      .message(topic, new Uint8Array(payload), Date.now(), undefined, {
        qos: packet.qos,
        retain: packet.retain,
      })
      .catch((error: Error) => (failed = error));
  });
  client.on('error', (error) => log(`broker: ${error.message}`));
  const report = setInterval(() => {
    const s = writer.stats();
    log(
      `${s.messages} messages, ${s.snapshots} snapshots, ${(s.bytesWritten / 1e6).toFixed(1)} MB`,
    );
  }, 10_000);

  await new Promise<void>((done) => {
    const timer =
      options.durationMs === undefined ? undefined : setTimeout(done, options.durationMs);
    options.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      done();
    });
  });
  clearInterval(report);
  await new Promise<void>((done) => client.end(false, {}, () => done()));
  const stats = await writer.close(Date.now());
  if (failed) throw failed;
  return stats;
}

// `npm run record -- --broker mqtt://localhost:18830 --config twin-configs/terminal.json
//   --out shift.mcap [--duration 600] [--shift name]` — until the duration ends or Ctrl-C.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({
    options: {
      broker: { type: 'string', default: 'mqtt://localhost:18830' },
      config: { type: 'string' },
      out: { type: 'string' },
      duration: { type: 'string' },
      shift: { type: 'string' },
    },
  });
  if (!values.config || !values.out) {
    console.error(
      'usage: npm run record -- --config twin-configs/terminal.json --out shift.mcap ' +
        '[--broker mqtt://localhost:18830] [--duration seconds] [--shift name]',
    );
    process.exit(2);
  }
  const configText = readFileSync(values.config, 'utf8');
  const loaded = validateTwinConfig(JSON.parse(configText), configText);
  if (!loaded.ok) {
    for (const issue of loaded.issues)
      console.error(`${values.config}: ${issue.path}: ${issue.message}`);
    process.exit(1);
  }
  const stop = new AbortController();
  process.once('SIGINT', () => {
    console.log('\nclosing the recording…');
    stop.abort();
  });
  const stats = await recordBroker({
    brokerUrl: values.broker,
    config: loaded.config,
    configText,
    out: resolve(values.out),
    shift: values.shift ?? `${new Date().toISOString().slice(0, 16)} recorded`,
    durationMs: values.duration === undefined ? undefined : Number(values.duration) * 1000,
    signal: stop.signal,
    log: (line) => console.log(line),
  });
  console.log(
    `${values.out}: ${stats.messages} messages, ${stats.snapshots} snapshots, ` +
      `${(statSync(values.out).size / 1e6).toFixed(1)} MB`,
  );
}
