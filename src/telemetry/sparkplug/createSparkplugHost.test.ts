import Long from 'long';
import proto from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { describe, expect, it } from 'vitest';
// Tests may cross the sim → telemetry boundary: the simulated edge node is the host's counterpart.
// eslint-disable-next-line boundaries/dependencies
import { createSparkplugGateway, type SparkplugGateway } from '../../sim/gateways/sparkplugGateway';
// eslint-disable-next-line boundaries/dependencies
import type { GatewaySpec, SimOutput, SimState } from '../../sim/simOutput';
import { createSparkplugHost } from './createSparkplugHost';
import { decodeSparkplug } from './decodeSparkplug';
import type { SparkplugHost, SparkplugHostResult, SparkplugNodeView } from './hostTypes';
import { encodeRebirthRequest } from './rebirthRequest';
import { encodeTahuPayload } from './sparkplugPayload';

const SPEC: GatewaySpec = {
  id: 'gw-quay',
  protocol: 'sparkplugb',
  assets: ['QC01', 'T07'],
  cell: 'C-QUAY-1',
};
const GROUP = 'twindeck-terminal';
const T0 = 1_763_683_200_000;

interface Message {
  topic: string;
  payload: Uint8Array;
}

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

const truck: SimState = {
  kind: 'state',
  t: T0,
  gateway: 'gw-quay',
  assetId: 'T07',
  assetType: 'truck',
  position: [12.5, 0, -40],
  headingDeg: 180,
  speed: 4,
  fields: { status: 'driving', laden: false },
};

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

function feed(host: SparkplugHost, messages: readonly Message[]): SparkplugHostResult[] {
  return messages.map((message) => host.handle(message.topic, message.payload, T0 + 1e6));
}

function nodeOf(host: SparkplugHost): SparkplugNodeView {
  const node = host.node(GROUP, 'gw-quay');
  if (!node) throw new Error('node never heard');
  return node;
}

function valuesOf(metrics: ReadonlyMap<string, { value: unknown }> | undefined) {
  return Object.fromEntries(
    [...(metrics ?? new Map<string, { value: unknown }>())].map(([name, m]) => [name, m.value]),
  );
}

/** A gateway that has reported the crane and the truck, and the messages it sent. */
function bornGateway(): { gateway: SparkplugGateway; messages: Message[] } {
  const gateway = createSparkplugGateway(SPEC, 'terminal');
  gateway.startSession(T0);
  const messages = [
    ...gateway.birth(T0),
    ...gateway.encode(craneState(T0, { moves: 1 })),
    ...gateway.encode(truck),
  ];
  return { gateway, messages };
}

describe('createSparkplugHost', () => {
  it('gets back the metric values the gateway encoded, DATA resolved from aliases', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    const host = createSparkplugHost();
    const messages = [
      ...gateway.encode(link),
      ...gateway.encode(
        craneState(T0, { trolley: 12.5, hoist: 30, status: 'moving', moves: 42, locked: true }),
      ),
      ...gateway.encode(
        craneState(T0 + 500, { trolley: 13.25, status: 'lifting', moves: 43, locked: false }),
      ),
    ];
    const ddata = messages.at(-1);
    if (!ddata) throw new Error('no DDATA');
    const decoded = decodeSparkplug(ddata.topic, ddata.payload);
    // DATA names no metric: the host must resolve every alias from the birth.
    expect(
      decoded.ok &&
        decoded.message.metrics.every((metric) => metric.name === null && metric.alias !== null),
    ).toBe(true);

    const results = feed(host, messages);
    expect(
      results.flatMap((result) =>
        result.updates.map((update) => `${update.kind} ${update.device ?? 'node'}`),
      ),
    ).toEqual(['birth node', 'birth QC01', 'data QC01']);
    expect(results.at(-1)?.updates[0]?.metrics).toEqual([
      { name: 'trolley', value: 13.25, timestamp: T0 + 500 },
      { name: 'status', value: 'lifting', timestamp: T0 + 500 },
      { name: 'moves', value: 43, timestamp: T0 + 500 },
      { name: 'locked', value: false, timestamp: T0 + 500 },
    ]);
    const node = nodeOf(host);
    expect(valuesOf(node.metrics)).toEqual({
      bdSeq: 0,
      'Node Control/Rebirth': false,
      'Link/RSRP': Math.fround(-92.5),
      'Link/SINR': Math.fround(14.2),
      'Link/UplinkMbps': Math.fround(38.1),
    });
    expect(valuesOf(node.devices.get('QC01')?.metrics)).toEqual({
      'pos/x': -239.3,
      'pos/y': 0,
      'pos/z': 16.2,
      'pos/heading': 90,
      trolley: 13.25,
      hoist: 30,
      status: 'lifting',
      moves: 43,
      locked: false,
      'alarm/code': '',
      'alarm/active': false,
    });
    expect(node.devices.get('QC01')?.metrics.get('moves')?.datatype).toBe('UInt64');
    expect(node.counters).toMatchObject({
      messages: 3,
      gaps: 0,
      decodeErrors: 0,
      unknownAliases: 0,
    });
  });

  it('reads DATA metrics sent without a datatype by the datatype their birth declared', () => {
    // Another vendor's edge node: the birth declares datatypes, DATA leaves them out.
    const { gateway, messages } = bornGateway();
    const host = createSparkplugHost();
    feed(host, [
      ...messages,
      ...gateway.encode(craneState(T0 + 100, { moves: 2, status: 'moving', locked: false })),
    ]);
    const declared = nodeOf(host).devices.get('QC01')?.metrics;
    const alias = (name: string) => {
      const metric = declared?.get(name);
      if (!metric || metric.alias === null) throw new Error(`no alias for ${name}`);
      return Number(metric.alias);
    };
    const Payload = proto.org.eclipse.tahu.protobuf.Payload;
    const bytes = Payload.encode(
      Payload.create({
        timestamp: T0 + 900,
        seq: 4,
        metrics: [
          { alias: alias('pos/x'), doubleValue: -240.5 },
          { alias: alias('moves'), longValue: 44 },
          { alias: alias('status'), stringValue: 'waiting' },
          { alias: alias('locked'), booleanValue: true },
        ],
      }),
    ).finish();
    const decoded = decodeSparkplug(`spBv1.0/${GROUP}/DDATA/gw-quay/QC01`, bytes);
    expect(decoded.ok && decoded.message.metrics.map((m) => m.datatype)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const result = host.handle(`spBv1.0/${GROUP}/DDATA/gw-quay/QC01`, bytes, T0 + 1e6);
    expect(result.updates[0]?.metrics.map((m) => [m.name, m.value])).toEqual([
      ['pos/x', -240.5],
      ['moves', 44],
      ['status', 'waiting'],
      ['locked', true],
    ]);
    expect(nodeOf(host).counters.unsupportedMetrics).toBe(0);
    // A value of the wrong kind for its declared datatype is still refused, and counted.
    const wrong = Payload.encode(
      Payload.create({ seq: 5, metrics: [{ alias: alias('moves'), stringValue: 'many' }] }),
    ).finish();
    host.handle(`spBv1.0/${GROUP}/DDATA/gw-quay/QC01`, wrong, T0 + 1e6);
    expect(nodeOf(host).counters.unsupportedMetrics).toBe(1);
  });

  it('takes the seq wrap 255 → 0 as no gap', () => {
    const { gateway, messages } = bornGateway();
    const host = createSparkplugHost();
    for (let i = 0; i < 600; i++)
      messages.push(...gateway.encode(craneState(T0 + i, { moves: i + 2 })));
    feed(host, messages);
    expect(nodeOf(host).counters).toMatchObject({ messages: 603, gaps: 0, missedMessages: 0 });
    expect(valuesOf(nodeOf(host).devices.get('QC01')?.metrics).moves).toBe(601);
  });

  it('reports a dropped message as a gap of 1, and drops repeats and late ones', () => {
    const { gateway, messages } = bornGateway();
    const host = createSparkplugHost();
    feed(host, messages);
    const [first, second, third] = [2, 3, 4].flatMap((moves) =>
      gateway.encode(craneState(T0 + moves, { moves })),
    );
    if (!first || !second || !third) throw new Error('no DDATA');
    feed(host, [first, first]);
    const [gap] = feed(host, [third]);
    expect(gap?.diagnostics).toMatchObject([
      { kind: 'gap', missed: 1, edgeNode: 'gw-quay', device: 'QC01' },
    ]);
    const [late] = feed(host, [second]);
    expect(late?.updates).toEqual([]);
    expect(nodeOf(host).counters).toMatchObject({
      gaps: 1,
      missedMessages: 1,
      duplicates: 1,
      outOfOrder: 1,
    });
    expect(valuesOf(nodeOf(host).devices.get('QC01')?.metrics).moves).toBe(4);
  });

  it('ignores a stale NDEATH and takes the node and its devices offline on the live one', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    const host = createSparkplugHost();
    const oldWill = gateway.startSession(T0);
    feed(host, [...gateway.birth(T0), ...gateway.encode(craneState(T0, { moves: 1 }))]);
    const will = gateway.startSession(T0 + 10);
    const births = gateway.birth(T0 + 10);
    feed(host, births);
    expect(nodeOf(host).bdSeq).toBe(1);

    // The broker may deliver the old connection's will after the new session's birth.
    const [stale] = feed(host, [oldWill]);
    expect(stale?.diagnostics.map((d) => d.kind)).toEqual(['staleDeath']);
    expect(nodeOf(host).online).toBe(true);

    const [death] = feed(host, [will]);
    expect(death?.updates.map((update) => `${update.kind} ${update.device ?? 'node'}`)).toEqual([
      'death node',
      'death QC01',
    ]);
    const node = nodeOf(host);
    expect(node.online).toBe(false);
    expect(node.devices.get('QC01')?.online).toBe(false);
    expect(node.devices.get('QC01')?.metrics.get('moves')).toMatchObject({ value: 1, stale: true });
    expect(node.metrics.get('bdSeq')?.stale).toBe(true);
    expect(node.counters.staleDeaths).toBe(1);
  });

  it('takes the devices of a session whose NDEATH it missed offline at the next NBIRTH', () => {
    const { gateway, messages } = bornGateway();
    const host = createSparkplugHost();
    feed(host, messages);
    gateway.startSession(T0 + 10);
    const [nbirth] = gateway.birth(T0 + 10);
    if (!nbirth) throw new Error('no NBIRTH');
    const [result] = feed(host, [nbirth]);
    expect(result?.updates.map((update) => `${update.kind} ${update.device ?? 'node'}`)).toEqual([
      'death QC01',
      'death T07',
      'birth node',
    ]);
  });

  it('suggests a rebirth once for data it cannot place, and follows the node after it', () => {
    const { gateway } = bornGateway();
    const host = createSparkplugHost();
    // The host starts after the births: DDATA arrives for a node it never saw born.
    const [ddata] = gateway.encode(craneState(T0 + 1, { moves: 2 }));
    const [again] = gateway.encode(craneState(T0 + 2, { moves: 3 }));
    if (!ddata || !again) throw new Error('no DDATA');
    const [first, second] = feed(host, [ddata, again]);
    expect(first?.rebirthSuggested).toEqual({ group: GROUP, edgeNode: 'gw-quay' });
    expect(second?.rebirthSuggested).toBeNull();
    expect(nodeOf(host).counters).toMatchObject({ notBorn: 2, rebirthsSuggested: 1 });

    // Were the app allowed to publish, this is the NCMD it would send.
    const request = encodeRebirthRequest(GROUP, 'gw-quay', T0 + 3);
    const rebirth = gateway.handleCommand(request.topic, request.payload, T0 + 3);
    feed(host, [...rebirth, ...gateway.encode(craneState(T0 + 4, { moves: 4 }))]);
    const node = nodeOf(host);
    expect(node.online).toBe(true);
    expect(valuesOf(node.devices.get('QC01')?.metrics).moves).toBe(4);
    expect(node.devices.get('T07')?.online).toBe(true);
  });

  it('counts an alias no birth declared and suggests a rebirth', () => {
    const { messages } = bornGateway();
    const host = createSparkplugHost();
    feed(host, messages);
    const payload = encodeTahuPayload({
      timestamp: T0,
      seq: 3, // NBIRTH 0, DBIRTH 1 and 2
      metrics: [
        { alias: 999, type: 'Double', value: 1 },
        { alias: 2, type: 'Float', value: -80 },
      ],
    });
    const [result] = feed(host, [{ topic: `spBv1.0/${GROUP}/NDATA/gw-quay`, payload }]);
    expect(result?.diagnostics.map((d) => d.kind)).toEqual(['unknownAlias']);
    expect(result?.rebirthSuggested).toEqual({ group: GROUP, edgeNode: 'gw-quay' });
    expect(result?.updates[0]?.metrics).toEqual([{ name: 'Link/RSRP', value: -80, timestamp: T0 }]);
    expect(nodeOf(host).counters.unknownAliases).toBe(1);
  });

  it('hands UInt64 counters past 2^53 over as exact decimal digits', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    const host = createSparkplugHost();
    feed(host, gateway.encode(craneState(T0, { moves: 2 ** 60 })));
    expect(nodeOf(host).devices.get('QC01')?.metrics.get('moves')?.value).toBe(
      Long.fromNumber(2 ** 60, true).toString(),
    );
  });

  it('counts undecodable payloads per node and other topics host-wide, never throwing', () => {
    const host = createSparkplugHost();
    const results = feed(host, [
      { topic: `spBv1.0/${GROUP}/NDATA/gw-quay`, payload: new Uint8Array([0x12, 0x50, 0x01]) },
      { topic: 'site/terminal/gw/gw-quay/link', payload: new Uint8Array([1]) },
      { topic: 'spBv1.0/g/NDATA', payload: new Uint8Array() },
      { topic: 'spBv1.0/STATE/scada', payload: new TextEncoder().encode('{"online":true}') },
      { topic: `spBv1.0/${GROUP}/NCMD/gw-quay`, payload: new Uint8Array([0xff]) },
    ]);
    expect(results.map((result) => result.diagnostics.map((d) => d.kind).join())).toEqual([
      'decodeError',
      'notSparkplug',
      'badTopic',
      '',
      '',
    ]);
    expect(nodeOf(host).counters.decodeErrors).toBe(1);
    expect(host.counters).toEqual({
      messages: 5,
      notSparkplug: 1,
      badTopics: 1,
      ignored: 2,
      internalErrors: 0,
    });
  });
});
