import Long from 'long';
import { describe, expect, it } from 'vitest';
import type { GatewaySpec, SimOutput, SimState } from '../simOutput';
import type { MqttMessage } from './mqttMessage';
import { createSparkplugGateway } from './sparkplugGateway';
import { decodePayload, encodePayload, type SparkplugPayloadMetric } from './sparkplugPayload';

const SPEC: GatewaySpec = {
  id: 'gw-quay',
  protocol: 'sparkplugb',
  assets: ['QC01'],
  cell: 'C-QUAY-1',
};
const T0 = 1_763_683_200_000;
const GROUP = 'spBv1.0/twindeck-terminal';

function craneState(t: number, fields: SimState['fields']): SimState {
  return {
    kind: 'state',
    t,
    gateway: 'gw-quay',
    assetId: 'QC01',
    assetType: 'quayCrane',
    position: [-239.3, 0, 16.2],
    headingDeg: 90,
    fields,
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

/** Decoded metrics with 64-bit integers as plain numbers, for readable expectations. */
function metricsOf(message: MqttMessage) {
  return (decodePayload(message.payload).metrics ?? []).map((metric: SparkplugPayloadMetric) => ({
    name: metric.name,
    alias: toNumber(metric.alias),
    type: metric.type,
    value: Long.isLong(metric.value) ? metric.value.toNumber() : metric.value,
    timestamp: toNumber(metric.timestamp),
  }));
}

function seqOf(message: MqttMessage): number | undefined {
  return toNumber(decodePayload(message.payload).seq);
}

function toNumber(value: number | Long | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'number' ? value : value.toNumber();
}

describe('createSparkplugGateway', () => {
  it('births the node and then the device on its first sample, every metric with an alias', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    const will = gateway.startSession(T0);
    const [nbirth, dbirth, ...rest] = gateway.encode(
      craneState(T0, { trolley: 12.5, status: 'moving', moves: 42, locked: true }),
    );
    expect(rest).toEqual([]);
    expect(nbirth?.topic).toBe(`${GROUP}/NBIRTH/gw-quay`);
    expect(dbirth?.topic).toBe(`${GROUP}/DBIRTH/gw-quay/QC01`);
    if (!nbirth || !dbirth) throw new Error('no births');
    expect(seqOf(nbirth)).toBe(0);
    expect(seqOf(dbirth)).toBe(1);
    expect(metricsOf(nbirth).map(({ name, type, value }) => [name, type, value])).toEqual([
      ['bdSeq', 'UInt64', 0],
      ['Node Control/Rebirth', 'Boolean', false],
      ['Link/RSRP', 'Float', null],
      ['Link/SINR', 'Float', null],
      ['Link/UplinkMbps', 'Float', null],
    ]);
    expect(metricsOf(dbirth).map(({ name, type, value }) => [name, type, value])).toEqual([
      ['pos/x', 'Double', -239.3],
      ['pos/y', 'Double', 0],
      ['pos/z', 'Double', 16.2],
      ['pos/heading', 'Double', 90],
      ['trolley', 'Double', 12.5],
      ['status', 'String', 'moving'],
      ['moves', 'UInt64', 42],
      ['locked', 'Boolean', true],
      ['alarm/code', 'String', ''],
      ['alarm/active', 'Boolean', false],
    ]);
    // Sampled values carry their source time; the link figures, not yet sampled, carry none.
    expect(metricsOf(nbirth).map((metric) => metric.timestamp)).toEqual([
      T0,
      T0,
      undefined,
      undefined,
      undefined,
    ]);
    expect(metricsOf(dbirth).every((metric) => metric.timestamp === T0)).toBe(true);
    const aliases = [...metricsOf(nbirth), ...metricsOf(dbirth)].map((metric) => metric.alias);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases.every((alias) => typeof alias === 'number')).toBe(true);
    // The will carries the birth's bdSeq.
    expect(will.topic).toBe(`${GROUP}/NDEATH/gw-quay`);
    expect(will).toMatchObject({ qos: 1, retain: false });
    expect(metricsOf(will)).toEqual([
      { name: 'bdSeq', alias: undefined, type: 'UInt64', value: 0, timestamp: undefined },
    ]);
    expect(decodePayload(will.payload).seq).toBeUndefined();
  });

  it('sends changed metrics by alias alone with their source time, and heartbeats as sent', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    const [, dbirth] = gateway.encode(
      craneState(T0, { trolley: 12.5, status: 'moving', moves: 42 }),
    );
    if (!dbirth) throw new Error('no DBIRTH');
    const aliasOf = new Map(metricsOf(dbirth).map((metric) => [metric.name, metric.alias]));
    const [ddata, ...rest] = gateway.encode(
      craneState(T0 + 500, { trolley: 13, status: 'moving', moves: 43 }),
    );
    expect(rest).toEqual([]);
    expect(ddata?.topic).toBe(`${GROUP}/DDATA/gw-quay/QC01`);
    if (!ddata) throw new Error('no DDATA');
    expect(metricsOf(ddata)).toEqual([
      {
        name: undefined,
        alias: aliasOf.get('trolley'),
        type: 'Double',
        value: 13,
        timestamp: T0 + 500,
      },
      {
        name: undefined,
        alias: aliasOf.get('moves'),
        type: 'UInt64',
        value: 43,
        timestamp: T0 + 500,
      },
    ]);
    // A repeat of unchanged values is the asset's heartbeat: re-reported, so hosts see it alive.
    const [heartbeat, ...none] = gateway.encode(craneState(T0 + 600, { trolley: 13 }));
    expect(none).toEqual([]);
    if (!heartbeat) throw new Error('no heartbeat DDATA');
    const beat = metricsOf(heartbeat);
    expect(beat).toContainEqual({
      name: undefined,
      alias: aliasOf.get('trolley'),
      type: 'Double',
      value: 13,
      timestamp: T0 + 600,
    });
    // Only what the heartbeat sampled: not the status or moves it did not mention.
    expect(beat.map((m) => m.alias)).not.toContain(aliasOf.get('status'));
    expect(beat.map((m) => m.alias)).not.toContain(aliasOf.get('moves'));
  });

  it('reports the link as NDATA and faults as the alarm metrics', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    gateway.encode(craneState(T0, { status: 'idle' }));
    const [ndata] = gateway.encode(link);
    expect(ndata?.topic).toBe(`${GROUP}/NDATA/gw-quay`);
    if (!ndata) throw new Error('no NDATA');
    expect(metricsOf(ndata).map((metric) => metric.value)).toEqual([
      Math.fround(-92.5),
      Math.fround(14.2),
      Math.fround(38.1),
    ]);
    const fault: SimOutput = {
      kind: 'event',
      t: T0 + 1,
      gateway: 'gw-quay',
      assetId: 'QC01',
      assetType: 'quayCrane',
      event: 'fault',
      severity: 'critical',
      code: 'E12',
    };
    const [alarm] = gateway.encode(fault);
    if (!alarm) throw new Error('no alarm');
    expect(metricsOf(alarm).map((metric) => metric.value)).toEqual(['E12', true]);
    expect(gateway.encode({ ...fault, event: 'jobDone' })).toEqual([]);
  });

  it('runs seq 0–255 over all messages of the node and wraps', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    const seqs: Array<number | undefined> = [];
    for (let i = 0; i < 300; i++) {
      for (const message of gateway.encode(craneState(T0 + i, { moves: i })))
        seqs.push(seqOf(message));
    }
    expect(seqs.slice(0, 3)).toEqual([0, 1, 2]);
    expect(seqs.slice(254, 259)).toEqual([254, 255, 0, 1, 2]);
    expect(seqs).toHaveLength(301);
  });

  it('advances bdSeq with each new session and restarts seq at the NBIRTH', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal', { firstBdSeq: 255 });
    gateway.startSession(T0);
    gateway.encode(craneState(T0, { moves: 1 }));
    gateway.encode(craneState(T0 + 1, { moves: 2 }));
    const will = gateway.startSession(T0 + 10);
    expect(gateway.bdSeq).toBe(0);
    const births = gateway.birth(T0 + 10);
    expect(births.map((message) => message.topic)).toEqual([
      `${GROUP}/NBIRTH/gw-quay`,
      `${GROUP}/DBIRTH/gw-quay/QC01`,
    ]);
    const [nbirth] = births;
    if (!nbirth) throw new Error('no NBIRTH');
    expect(seqOf(nbirth)).toBe(0);
    expect(metricsOf(nbirth)[0]?.value).toBe(0);
    expect(metricsOf(will)[0]?.value).toBe(0);
  });

  it('births a device again when a field appears, and after its DDEATH', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    gateway.encode(craneState(T0, { moves: 1 }));
    const [rebirth] = gateway.encode(craneState(T0 + 1, { moves: 1, block: 'A3' }));
    expect(rebirth?.topic).toBe(`${GROUP}/DBIRTH/gw-quay/QC01`);
    const [ddeath] = gateway.deviceGone('QC01', T0 + 2);
    expect(ddeath?.topic).toBe(`${GROUP}/DDEATH/gw-quay/QC01`);
    expect(gateway.deviceGone('QC01', T0 + 3)).toEqual([]);
    const [back] = gateway.encode(craneState(T0 + 4, { moves: 2 }));
    expect(back?.topic).toBe(`${GROUP}/DBIRTH/gw-quay/QC01`);
  });

  it('answers an NCMD rebirth with NBIRTH and DBIRTHs, and ignores anything else', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    gateway.encode(craneState(T0, { moves: 1 }));
    const rebirth = encodePayload({
      timestamp: T0,
      metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true }],
    });
    const answer = gateway.handleCommand(`${GROUP}/NCMD/gw-quay`, rebirth, T0 + 5);
    expect(answer.map((message) => message.topic)).toEqual([
      `${GROUP}/NBIRTH/gw-quay`,
      `${GROUP}/DBIRTH/gw-quay/QC01`,
    ]);
    expect(gateway.bdSeq).toBe(0);
    expect(gateway.handleCommand(`${GROUP}/NCMD/gw-yard`, rebirth, T0)).toEqual([]);
    expect(
      gateway.handleCommand(`${GROUP}/NCMD/gw-quay`, new Uint8Array([0xff, 0xff]), T0),
    ).toEqual([]);
  });

  it('is deterministic: the same records give the same bytes', () => {
    const run = () => {
      const gateway = createSparkplugGateway(SPEC, 'terminal');
      return [link, craneState(T0, { moves: 1 }), craneState(T0 + 1, { moves: 2 })].flatMap(
        (output) => gateway.encode(output).map((message) => Array.from(message.payload)),
      );
    };
    expect(run()).toEqual(run());
  });
});
