// The Sparkplug gateway and host over real brokers and real sockets — Aedes in-process and a
// Mosquitto process — two mqtt.js clients, and an edge connection cut without DISCONNECT so the
// broker sends the will.
import mqtt, { type MqttClient } from 'mqtt';
import { startEmbeddedBroker } from '../../../tools/broker/embeddedBroker.mjs';
import { startMosquitto } from '../../../tools/broker/mosquitto.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Tests may cross the sim → telemetry boundary: the simulated edge node is the host's counterpart.
// eslint-disable-next-line boundaries/dependencies
import type { MqttMessage } from '../../sim/gateways/mqttMessage';
// eslint-disable-next-line boundaries/dependencies
import { createSparkplugGateway } from '../../sim/gateways/sparkplugGateway';
// eslint-disable-next-line boundaries/dependencies
import type { SimOutput, SimState } from '../../sim/simOutput';
import { createSparkplugHost } from './createSparkplugHost';
import type { SparkplugNodeView, SparkplugUpdate } from './hostTypes';

const GROUP = 'twindeck-terminal';
const T0 = 1_763_683_200_000;

const BROKERS: Array<[string, () => Promise<{ tcpUrl: string; close(): Promise<void> }>]> = [
  ['Aedes', () => startEmbeddedBroker()],
  ['Mosquitto', () => startMosquitto()],
];

let url: string;
const clients: MqttClient[] = [];

async function connect(clientId: string, will?: MqttMessage): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url, {
    clientId,
    protocolVersion: 4, // Sparkplug B 3.0 runs over MQTT 3.1.1
    reconnectPeriod: 0,
    ...(will && {
      will: { topic: will.topic, payload: toBuffer(will), qos: will.qos, retain: will.retain },
    }),
  });
  clients.push(client);
  return client;
}

function toBuffer(message: MqttMessage): Buffer {
  return Buffer.from(
    message.payload.buffer,
    message.payload.byteOffset,
    message.payload.byteLength,
  );
}

async function publishAll(client: MqttClient, messages: readonly MqttMessage[]) {
  for (const message of messages) {
    await client.publishAsync(message.topic, toBuffer(message), {
      qos: message.qos,
      retain: message.retain,
    });
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function crane(assetId: string, t: number, moves: number): SimState {
  return {
    kind: 'state',
    t,
    gateway: 'gw-quay',
    assetId,
    assetType: 'quayCrane',
    position: [-239.3, 0, 16.2],
    fields: { status: 'moving', moves },
  };
}

const link: SimOutput = {
  kind: 'link',
  t: T0,
  gateway: 'gw-quay',
  cell: 'C-QUAY-1',
  rsrpDbm: -92.5,
  sinrDb: 14.2,
  uplinkMbps: 38.1,
  delayMs: 0,
  lossRate: 0,
};

describe.each(BROKERS)('Sparkplug B over %s', (_, startBroker) => {
  let broker: { tcpUrl: string; close(): Promise<void> };
  beforeAll(async () => {
    broker = await startBroker();
    url = broker.tcpUrl;
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
    await broker.close();
  });

  it('goes offline on the broker-published NDEATH and back online with the next session', async () => {
    const host = createSparkplugHost();
    const updates: SparkplugUpdate[] = [];
    const hostClient = await connect('twindeck-host');
    hostClient.on('message', (topic, payload) => {
      updates.push(...host.handle(topic, new Uint8Array(payload), Date.now()).updates);
    });
    await hostClient.subscribeAsync(`spBv1.0/${GROUP}/#`, { qos: 1 });
    const node = (): SparkplugNodeView | undefined => host.node(GROUP, 'gw-quay');
    const devicesOnline = () =>
      [...(node()?.devices.values() ?? [])].map((device) => device.online);

    const gateway = createSparkplugGateway(
      { id: 'gw-quay', protocol: 'sparkplugb', assets: ['QC01', 'QC02'], cell: 'C-QUAY-1' },
      'terminal',
    );
    const firstWill = gateway.startSession(T0);
    const edge = await connect('gw-quay-1', firstWill);
    await publishAll(edge, [
      ...gateway.birth(T0),
      ...gateway.encode(link),
      ...gateway.encode(crane('QC01', T0, 1)),
      ...gateway.encode(crane('QC02', T0, 7)),
      ...gateway.encode(crane('QC01', T0 + 1, 2)),
    ]);
    await until(
      'both cranes reported',
      () => node()?.devices.get('QC01')?.metrics.get('moves')?.value === 2,
    );
    expect(node()).toMatchObject({ online: true, bdSeq: 0 });
    expect(devicesOnline()).toEqual([true, true]);

    // Cut the TCP connection under the client: no DISCONNECT, so the broker publishes the will.
    edge.stream.destroy();
    await until('the NDEATH', () => node()?.online === false);
    expect(devicesOnline()).toEqual([false, false]);
    expect(node()?.devices.get('QC02')?.metrics.get('moves')).toMatchObject({
      value: 7,
      stale: true,
    });
    expect(
      updates.filter((update) => update.kind === 'death').map((update) => update.device),
    ).toEqual([null, 'QC01', 'QC02']);

    const secondWill = gateway.startSession(T0 + 60_000);
    expect(secondWill.payload).not.toEqual(firstWill.payload);
    const again = await connect('gw-quay-2', secondWill);
    await publishAll(again, [
      ...gateway.birth(T0 + 60_000),
      ...gateway.encode(crane('QC01', T0 + 60_001, 3)),
    ]);
    await until(
      'the second session',
      () => node()?.devices.get('QC01')?.metrics.get('moves')?.value === 3,
    );
    expect(node()).toMatchObject({ online: true, bdSeq: 1 });
    expect(devicesOnline()).toEqual([true, true]);
    expect(node()?.devices.get('QC02')?.metrics.get('moves')).toMatchObject({
      value: 7,
      stale: false,
    });
    // 300 more messages: seq wraps 255 → 0 on the way, with no gap reported.
    const more = Array.from({ length: 300 }, (_, i) => crane('QC01', T0 + 61_000 + i, 4 + i));
    await publishAll(
      again,
      more.flatMap((state) => gateway.encode(state)),
    );
    await until(
      'the wrapped sequence',
      () => node()?.devices.get('QC01')?.metrics.get('moves')?.value === 303,
    );
    expect(node()?.counters).toMatchObject({
      gaps: 0,
      decodeErrors: 0,
      staleDeaths: 0,
      notBorn: 0,
    });
  });
});
