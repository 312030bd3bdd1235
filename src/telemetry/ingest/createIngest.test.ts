import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpusPath } from '../../../tools/testing/corpora.mjs';
import { describe, expect, it } from 'vitest';
import { testBinding } from '../binding/testBindings';
import { createBinder, type FieldKind } from '../binding/createBinder';
import { createIngest } from './createIngest';

const ORIGIN = { lat: 22.48, lon: 113.87 };
const bindings = [
  testBinding({
    topic: 'site/t/gw/+gateway/truck/+assetId/state',
    decoder: 'json',
    time: 'ts',
    sequence: 'seq',
    position: { lat: 'gnss.lat', lon: 'gnss.lon' },
    heading: 'gnss.hdg',
    fields: { speed: { path: 'gnss.speed_kmh', scale: 1 / 3.6, offset: 0 }, status: 'data.status' },
  }),
  testBinding({
    topic: 'site/t/gw/+gateway/crane/+assetId/state',
    decoder: 'json',
    time: 'ts',
    position: { x: 'loc.x', z: 'loc.z' },
    fields: { trolley: { path: 'data.trolley_mm', scale: 0.001, offset: 0 } },
  }),
  testBinding({
    topic: 'site/t/gw/+gateway/+type/+assetId/event',
    decoder: 'json',
    kind: 'event',
    time: 'ts',
    event: { name: 'event', code: 'code', severity: 'severity' },
  }),
];
const kinds = new Map<string, Record<string, FieldKind>>([
  ['T1', { speed: 'number', status: 'string' }],
  ['QC1', { trolley: 'number' }],
]);

function setup() {
  return createIngest({ binder: createBinder(bindings, { geoOrigin: ORIGIN, fieldKinds: kinds }) });
}
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const TRUCK = 'site/t/gw/gw-t1/truck/T1/state';

describe('createIngest', () => {
  it('turns JSON state into samples in site terms, latest per asset per batch', () => {
    const ingest = setup();
    ingest.handle(
      TRUCK,
      bytes({
        ts: 1000,
        seq: 1,
        gnss: { lat: 22.48, lon: 113.87, hdg: 45, speed_kmh: 36 },
        data: { status: 'toQuay' },
      }),
      1100,
    );
    ingest.handle(
      TRUCK,
      bytes({ ts: 1500, seq: 2, gnss: { lat: 22.4801, lon: 113.87, hdg: 0 } }),
      1550,
    );
    ingest.handle(
      'site/t/gw/gw-q1/crane/QC1/state',
      bytes({ ts: 1500, loc: { x: 5, z: -3 }, data: { trolley_mm: 12500 } }),
      1560,
    );
    const batch = ingest.takeBatch();
    expect(batch?.samples).toHaveLength(2);
    const truck = batch?.samples.find((s) => s.assetId === 'T1');
    expect(truck?.fields).toEqual({ speed: 10, status: 'toQuay' });
    expect(truck?.headingDeg).toBe(0);
    expect(truck?.position?.[0]).toBeCloseTo(0, 6);
    expect(truck?.position?.[2]).toBeCloseTo(-11.13, 1); // 0.0001° north ≈ 11.1 m, north is -z
    expect(truck?.gateway).toBe('gw-t1');
    expect(batch?.samples.find((s) => s.assetId === 'QC1')?.fields).toEqual({ trolley: 12.5 });
    expect(ingest.takeBatch()).toBeNull();
    expect(ingest.stats(2000).gateways.find((g) => g.id === 'gw-t1')).toMatchObject({
      messages: 2,
      delayMsP50: 50,
    });
  });

  it('counts bad input and keeps the last good state', () => {
    const ingest = setup();
    ingest.handle(TRUCK, bytes({ ts: 1000, seq: 10, data: { status: 'waiting' } }), 1000);
    ingest.takeBatch();
    ingest.handle(
      TRUCK,
      new TextEncoder().encode('{"ts": 2000, "seq": 11, "data": {"status": '),
      2000,
    );
    ingest.handle(
      TRUCK,
      new TextEncoder().encode('{"ts":2001,"seq":12,"gnss":{"speed_kmh":1e400}}'),
      2001,
    );
    ingest.handle(TRUCK, bytes({ ts: 2002, seq: 13, data: { status: 7 } }), 2002);
    ingest.handle(TRUCK, bytes({ ts: 2003, seq: 14, gnss: { lat: 'north', lon: 113.87 } }), 2003);
    ingest.handle(TRUCK, bytes({ ts: 900, seq: 15, data: { status: 'old' } }), 2004);
    ingest.handle(TRUCK, bytes({ ts: 2005, seq: 15, data: { status: 'again' } }), 2005);
    ingest.handle(TRUCK, bytes({ ts: 2006, seq: 19, data: { status: 'gap' } }), 2006);
    ingest.handle(TRUCK, bytes({ ts: 99_000, seq: 20, data: { status: 'future' } }), 2007);
    ingest.handle(TRUCK, new Uint8Array(70_000), 2008);
    ingest.handle('site/t/gw/gw-t1/truck/T404/state', bytes({ ts: 2009 }), 2009);
    ingest.handle('somewhere/else', bytes({}), 2010);
    const { counters, unknownTopicExamples } = ingest.stats(3000);
    expect(counters).toMatchObject({
      messages: 12,
      decodeErrors: 1,
      badValues: 3,
      outOfOrder: 1,
      duplicates: 1,
      // 16–18, and 11: a payload that cannot be read cannot show its sequence number either.
      lost: 4,
      clockSkew: 1,
      tooLarge: 1,
      unknownAssets: 1,
      unknownTopics: 1,
    });
    expect(unknownTopicExamples).toEqual(['somewhere/else']);
    const samples = ingest.takeBatch()?.samples ?? [];
    expect(samples.map((s) => s.fields.status)).toEqual(['future']);
    expect(samples[0]?.sourceTime).toBe(2007);
  });

  it('keeps events in order', () => {
    const ingest = setup();
    const topic = 'site/t/gw/gw-q1/crane/QC1/event';
    ingest.handle(topic, bytes({ ts: 1, event: 'fault', code: 'E12', severity: 'critical' }), 5);
    ingest.handle(topic, bytes({ ts: 2, event: 'faultCleared', severity: 'bogus' }), 6);
    const events = ingest.takeBatch()?.events ?? [];
    expect(events.map((e) => [e.name, e.code, e.severity])).toEqual([
      ['fault', 'E12', 'critical'],
      ['faultCleared', undefined, 'info'],
    ]);
  });

  it('rejects every n_ case of JSONTestSuite as a decode error, without throwing', () => {
    const dir = corpusPath('JSONTestSuite/test_parsing');
    const cases = readdirSync(dir).filter((f) => f.startsWith('n_'));
    expect(cases.length).toBeGreaterThan(150);
    const ingest = setup();
    for (const file of cases) ingest.handle(TRUCK, readFileSync(resolve(dir, file)), 1);
    const { counters } = ingest.stats(1);
    // A few n_ files are valid JSON prefixes of nothing we bind, or too deep; all must be refused.
    expect(counters.decodeErrors + counters.tooLarge).toBe(cases.length);
    expect(ingest.takeBatch()).toBeNull();
  });
});
