import { describe, expect, it } from 'vitest';
import { latLonToSite, type GeoPoint } from '../../lib/geo';
import type { GatewaySpec, SimOutput } from '../simOutput';
import { createJsonGateway } from './jsonGateway';
import type { MqttMessage } from './mqttMessage';

const ORIGIN: GeoPoint = { lat: 22.48, lon: 113.87 };
const SPEC: GatewaySpec = {
  id: 'gw-quay',
  protocol: 'json',
  assets: ['QC01', 'T07'],
  cell: 'C-QUAY-1',
};
const T0 = 1_763_683_200_000;

const crane: SimOutput = {
  kind: 'state',
  t: T0,
  gateway: 'gw-quay',
  assetId: 'QC01',
  assetType: 'quayCrane',
  position: [-239.30000000001, 0, 16.2],
  headingDeg: 90,
  fields: { trolley: 12.3456, hoist: 30, status: 'moving', moves: 42, locked: true },
};

const truck: SimOutput = {
  kind: 'state',
  t: T0 + 100,
  gateway: 'gw-quay',
  assetId: 'T07',
  assetType: 'truck',
  position: [123.456, 0, -987.654],
  headingDeg: 270,
  speed: 5.1389,
  fields: { status: 'driving', laden: true, containerId: 'MSKU1234565' },
};

const fault: SimOutput = {
  kind: 'event',
  t: T0 + 200,
  gateway: 'gw-quay',
  assetId: 'QC01',
  assetType: 'quayCrane',
  event: 'fault',
  severity: 'warning',
  code: 'E12',
  data: { hoist: 1.5 },
};

const link: SimOutput = {
  kind: 'link',
  t: T0 + 300,
  gateway: 'gw-quay',
  cell: 'C-QUAY-1',
  rsrpDbm: -92.5,
  sinrDb: 14.2,
  uplinkMbps: 38.1,
  delayMs: 0,
  lossRate: 0,
};

function text(message: MqttMessage): string {
  return new TextDecoder().decode(message.payload);
}

function only(messages: MqttMessage[]): MqttMessage {
  expect(messages).toHaveLength(1);
  const [message] = messages;
  if (!message) throw new Error('no message');
  return message;
}

describe('createJsonGateway', () => {
  it('writes a crane state with loc and trolley/hoist in integer millimetres', () => {
    const gateway = createJsonGateway(SPEC, 'terminal', { geoOrigin: ORIGIN });
    const message = only(gateway.encode(crane));
    expect(message.topic).toBe('site/terminal/gw/gw-quay/quayCrane/QC01/state');
    expect(message).toMatchObject({ qos: 0, retain: false, publishTime: T0 });
    // The exact bytes: key order and rounding are part of the contract.
    expect(text(message)).toBe(
      '{"ts":1763683200000,"seq":0,"loc":{"x":-239.3,"y":0,"z":16.2,"hdg":90},' +
        '"data":{"trolley_mm":12346,"hoist_mm":30000,"status":"moving","moves":42,"locked":true}}',
    );
  });

  it('writes a truck state as a GNSS fix that maps back to its site position within 1 cm', () => {
    const gateway = createJsonGateway(SPEC, 'terminal', { geoOrigin: ORIGIN });
    const payload = JSON.parse(text(only(gateway.encode(truck)))) as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual(['ts', 'seq', 'gnss', 'data']);
    const gnss = payload.gnss as { lat: number; lon: number; hdg: number; speed_kmh: number };
    expect(gnss.hdg).toBe(270);
    expect(gnss.speed_kmh).toBe(18.5);
    const [x, z] = latLonToSite(ORIGIN, gnss.lat, gnss.lon, [0, 0]);
    expect(Math.abs(x - 123.456)).toBeLessThan(0.01);
    expect(Math.abs(z - -987.654)).toBeLessThan(0.01);
    expect(payload.data).toEqual({ status: 'driving', laden: true, containerId: 'MSKU1234565' });
  });

  it('writes events and link figures as docs/topics.md shows them', () => {
    const gateway = createJsonGateway(SPEC, 'terminal', { geoOrigin: ORIGIN });
    const event = only(gateway.encode(fault));
    expect(event.topic).toBe('site/terminal/gw/gw-quay/quayCrane/QC01/event');
    expect(event.qos).toBe(1);
    expect(text(event)).toBe(
      '{"ts":1763683200200,"seq":0,"event":"fault","code":"E12","severity":"warning","data":{"hoist_mm":1500}}',
    );
    const withoutCode = only(
      gateway.encode({ ...fault, event: 'jobDone', code: undefined, data: undefined }),
    );
    expect(text(withoutCode)).toBe(
      '{"ts":1763683200200,"seq":1,"event":"jobDone","severity":"warning","data":{}}',
    );
    const linkMessage = only(gateway.encode(link));
    expect(linkMessage.topic).toBe('site/terminal/gw/gw-quay/link');
    expect(text(linkMessage)).toBe(
      '{"ts":1763683200300,"seq":2,"rsrp_dbm":-92.5,"sinr_db":14.2,"ul_mbps":38.1,"cell":"C-QUAY-1"}',
    );
  });

  it('counts seq over every topic and wraps it at 2^32', () => {
    const gateway = createJsonGateway(SPEC, 'terminal', {
      geoOrigin: ORIGIN,
      firstSeq: 2 ** 32 - 2,
    });
    const seqs = [crane, fault, link, truck].map((output) => {
      const payload = JSON.parse(text(only(gateway.encode(output)))) as { seq: number };
      return payload.seq;
    });
    expect(seqs).toEqual([2 ** 32 - 2, 2 ** 32 - 1, 0, 1]);
  });

  it('publishes a retained status and registers offline as its will, without using a seq', () => {
    const gateway = createJsonGateway(SPEC, 'terminal', { geoOrigin: ORIGIN });
    gateway.encode(crane);
    const online = gateway.status(true);
    expect(online).toMatchObject({
      topic: 'site/terminal/gw/gw-quay/status',
      qos: 1,
      retain: true,
    });
    expect(online.publishTime).toBe(T0);
    expect(text(online)).toBe('{"ts":1763683200000,"state":"online"}');
    expect(text(gateway.will())).toBe('{"ts":1763683200000,"state":"offline"}');
    expect(gateway.will().retain).toBe(true);
    const next = JSON.parse(text(only(gateway.encode(link)))) as { seq: number };
    expect(next.seq).toBe(1);
  });

  it("ignores other gateways' records and refuses ids that would break the topic", () => {
    const gateway = createJsonGateway(SPEC, 'terminal', { geoOrigin: ORIGIN });
    expect(gateway.encode({ ...link, gateway: 'gw-yard' })).toEqual([]);
    expect(() => gateway.encode({ ...crane, assetId: 'QC/01' })).toThrow(/topic level/);
    expect(() => createJsonGateway(SPEC, 'site+1', { geoOrigin: ORIGIN })).toThrow(/topic level/);
  });

  it('keeps a field named __proto__ as data', () => {
    const gateway = createJsonGateway(SPEC, 'terminal', { geoOrigin: ORIGIN });
    const fields = JSON.parse('{"__proto__": "x", "status": "idle"}') as Record<string, string>;
    const message = only(
      gateway.encode({ ...crane, position: undefined, headingDeg: undefined, fields }),
    );
    expect(text(message)).toBe(
      '{"ts":1763683200000,"seq":0,"data":{"__proto__":"x","status":"idle"}}',
    );
  });
});
