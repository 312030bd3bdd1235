import { describe, expect, it } from 'vitest';
// Telemetry never imports the simulator, except here: its Sparkplug gateway is the reference
// publisher the ingest pipeline must understand.
// eslint-disable-next-line boundaries/dependencies
import { createSparkplugGateway } from '../../sim/gateways/sparkplugGateway';
import { createBinder, type FieldKind } from '../binding/createBinder';
import { testBinding } from '../binding/testBindings';
import { createIngest } from './createIngest';
import { createSparkplugAdapter } from './sparkplugAdapter';

const binder = createBinder(
  [
    testBinding({
      topic: 'spBv1.0/twindeck-t/+/+gateway/+assetId',
      decoder: 'sparkplugb',
      position: { x: 'pos/x', y: 'pos/y', z: 'pos/z' },
      heading: 'pos/heading',
      fields: { trolley: 'trolley', status: 'status', moves: 'moves' },
    }),
    testBinding({
      topic: 'spBv1.0/twindeck-t/+/+assetId',
      decoder: 'sparkplugb',
      kind: 'link',
      fields: { rsrpDbm: 'Link/RSRP' },
    }),
  ],
  {
    geoOrigin: { lat: 0, lon: 0 },
    fieldKinds: new Map<string, Record<string, FieldKind>>([
      ['QC1', { trolley: 'number', status: 'string', moves: 'number' }],
      ['gw-q1', { rsrpDbm: 'number' }],
    ]),
  },
);

const spec = { id: 'gw-q1', protocol: 'sparkplugb' as const, assets: ['QC1'], cell: 'C1' };
const state = (t: number, trolley: number, moves: number) => ({
  kind: 'state' as const,
  t,
  gateway: 'gw-q1',
  assetId: 'QC1',
  assetType: 'quayCrane',
  position: [10, 0, -5] as [number, number, number],
  headingDeg: 90,
  fields: { trolley, status: 'working', moves },
});

describe('Sparkplug B through the ingest pipeline', () => {
  it('binds births and aliased data, counts gaps per gateway, and reports deaths', () => {
    const gw = createSparkplugGateway(spec, 't');
    const ingest = createIngest({ binder, sparkplug: createSparkplugAdapter() });
    gw.startSession(1000);
    for (const m of gw.birth(1000)) ingest.handle(m.topic, m.payload, 1001);
    for (const m of gw.encode(state(1100, 12.5, 7))) ingest.handle(m.topic, m.payload, 1150);
    const first = ingest.takeBatch();
    const crane = first?.samples.find((s) => s.assetId === 'QC1');
    expect(crane).toMatchObject({
      gateway: 'gw-q1',
      position: [10, 0, -5],
      headingDeg: 90,
      fields: { trolley: 12.5, status: 'working', moves: 7 },
    });
    expect(crane?.sourceTime).toBe(1100);

    gw.encode(state(1200, 14, 8)); // published but lost on the radio
    for (const m of gw.encode(state(1300, 16, 9))) ingest.handle(m.topic, m.payload, 1320);
    expect(ingest.takeBatch()?.samples[0]?.fields).toMatchObject({ trolley: 16, moves: 9 });
    const stats = ingest.stats(2000);
    expect(stats.counters.lost).toBe(1);
    expect(stats.gateways.find((g) => g.id === 'gw-q1')?.lost).toBe(1);

    const death = gw.will();
    ingest.handle(death.topic, death.payload, 1400);
    expect(ingest.takeBatch()?.offline).toEqual(['gw-q1', 'QC1']);
    expect(ingest.stats(2000).gateways.find((g) => g.id === 'gw-q1')?.online).toBe(false);
  });

  it('counts garbage on Sparkplug topics as decode errors', () => {
    const ingest = createIngest({ binder, sparkplug: createSparkplugAdapter() });
    ingest.handle('spBv1.0/twindeck-t/DDATA/gw-q1/QC1', new Uint8Array([0xff, 0x01, 0x02]), 1);
    expect(ingest.stats(1).counters.decodeErrors).toBe(1);
    expect(ingest.takeBatch()).toBeNull();
  });
});
