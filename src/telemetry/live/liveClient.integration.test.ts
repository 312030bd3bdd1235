// The live client and the ingest pipeline against real brokers over real sockets: Aedes
// in-process and a Mosquitto process, each killed and restarted under the client.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import mqtt from 'mqtt';
import { corpusPath } from '../../../tools/testing/corpora.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../../tools/broker/embeddedBroker.mjs';
import { startMosquitto } from '../../../tools/broker/mosquitto.mjs';
import { testBinding } from '../binding/testBindings';
import { createBinder } from '../binding/createBinder';
import { createIngest } from '../ingest/createIngest';
import type { ConnectionState } from './connectionState';
import { createLiveClient } from './liveClient';

interface TestBroker {
  tcpUrl: string;
  wsUrl: string;
  tcpPort: number;
  wsPort: number;
  close(): Promise<void>;
}
type StartBroker = (ports?: { tcpPort: number; wsPort: number }) => Promise<TestBroker>;

const BROKERS: Array<[string, StartBroker]> = [
  ['Aedes', (ports) => startEmbeddedBroker(ports)],
  ['Mosquitto', (ports) => startMosquitto(ports)],
];

const binder = createBinder(
  [
    testBinding({
      topic: 'site/t/gw/+gateway/crane/+assetId/state',
      decoder: 'json',
      time: 'ts',
      sequence: 'seq',
      fields: { trolley: { path: 'data.trolley_mm', scale: 0.001, offset: 0 } },
    }),
  ],
  { geoOrigin: { lat: 22.48, lon: 113.87 }, fieldKinds: new Map([['QC1', { trolley: 'number' }]]) },
);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(what: string, check: () => boolean, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function publisher(url: string) {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 100 });
  cleanups.push(() => client.endAsync(true));
  return client;
}

describe.each(BROKERS)('live client with %s', (_, startBroker) => {
  it('ingests, rides out a broker crash and restart, and subscribes once per connect', async () => {
    let broker = await startBroker();
    cleanups.push(() => broker.close());
    const ingest = createIngest({ binder });
    const states: ConnectionState[] = [];
    const live = createLiveClient({
      url: broker.wsUrl,
      filters: binder.filters,
      connect: mqtt.connect,
      onMessage: (topic, payload, at) => ingest.handle(topic, payload, at),
      onState: (s) => states.push(s),
      initialBackoffMs: 50,
      maxBackoffMs: 400,
    });
    cleanups.push(() => live.close());
    live.start();
    await until('connected', () => live.state().phase === 'connected');

    let pub = await publisher(broker.tcpUrl);
    const send = async (seq: number) =>
      pub.publishAsync(
        'site/t/gw/gw-q1/crane/QC1/state',
        JSON.stringify({ ts: Date.now(), seq, data: { trolley_mm: seq * 1000 } }),
      );
    let got = 0;
    const received = () => {
      const batch = ingest.takeBatch();
      if (batch) got = Number(batch.samples[0]?.fields.trolley ?? got);
      return got;
    };
    await send(1);
    await until('first sample', () => received() === 1);

    const ports = { tcpPort: broker.tcpPort, wsPort: broker.wsPort };
    await broker.close();
    await until('reconnecting', () => live.state().phase === 'reconnecting');
    broker = await startBroker(ports);
    await until('connected again', () => live.state().phase === 'connected', 10_000);
    expect(live.state().connects).toBe(2);
    expect(live.state().subscribes).toBe(2 * binder.filters.length);

    pub = await publisher(broker.tcpUrl);
    await send(2);
    await until('sample after restart', () => received() === 2);
    expect(states.some((s) => s.phase === 'reconnecting')).toBe(true);
  }, 30_000);

  it('counts hostile payloads sent over the wire and keeps going', async () => {
    const broker = await startBroker();
    cleanups.push(() => broker.close());
    const ingest = createIngest({ binder });
    const live = createLiveClient({
      url: broker.tcpUrl,
      filters: ['#'],
      connect: mqtt.connect,
      onMessage: (topic, payload, at) => ingest.handle(topic, payload, at),
      onState: () => undefined,
    });
    cleanups.push(() => live.close());
    live.start();
    await until('connected', () => live.state().phase === 'connected');
    const pub = await publisher(broker.tcpUrl);
    const dir = corpusPath('JSONTestSuite/test_parsing');
    const cases = readdirSync(dir).filter((f) => f.startsWith('n_'));
    for (const file of cases)
      await pub.publishAsync('site/t/gw/gw-q1/crane/QC1/state', readFileSync(resolve(dir, file)));
    await pub.publishAsync('site/t/gw/gw-q1/crane/QC1/state', Buffer.alloc(100_000, 0x7b));
    await pub.publishAsync('not/bound', 'x');
    await pub.publishAsync(
      'site/t/gw/gw-q1/crane/QC1/state',
      JSON.stringify({ ts: Date.now(), data: { trolley_mm: 4200 } }),
    );
    await until(
      'all messages',
      () => ingest.stats(Date.now()).counters.messages >= cases.length + 3,
    );
    const { counters } = ingest.stats(Date.now());
    // Two n_ cases are deeper than the size cap (100,000 nested brackets): dropped unread.
    expect(counters.decodeErrors + counters.tooLarge).toBe(cases.length + 1);
    expect(counters.tooLarge).toBeGreaterThanOrEqual(1);
    expect(counters.unknownTopics).toBe(1);
    expect(ingest.takeBatch()?.samples.map((s) => s.fields.trolley)).toEqual([4.2]);
  }, 30_000);
});

describe('live client with Mosquitto over MQTT 5', () => {
  it('connects and receives with protocol version 5', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.close());
    const topics: string[] = [];
    const live = createLiveClient({
      url: broker.wsUrl,
      protocolVersion: 5,
      filters: ['a/#'],
      connect: mqtt.connect,
      onMessage: (topic) => topics.push(topic),
      onState: () => undefined,
    });
    cleanups.push(() => live.close());
    live.start();
    await until('connected', () => live.state().phase === 'connected');
    const pub = await publisher(broker.tcpUrl);
    await pub.publishAsync('a/b', 'x');
    await until('message', () => topics.length === 1);
  }, 20_000);
});
