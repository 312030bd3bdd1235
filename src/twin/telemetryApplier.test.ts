import { describe, expect, it } from 'vitest';
import { TwinConfig } from '../config/schema';
import type { AssetSample } from '../telemetry/samples';
import { createTwinStore } from './createTwinStore';
import { createTelemetryApplier, shortestTurn } from './telemetryApplier';

const config = TwinConfig.parse({
  schemaVersion: 1,
  site: { id: 's', name: 'S', geoOrigin: { lat: 0, lon: 0 } },
  models: { m: { url: 'm.glb' } },
  assetTypes: {
    truck: { name: 'Truck', category: 'truck', model: 'm' },
    crane: {
      name: 'Crane',
      category: 'quayCrane',
      model: 'm',
      parts: { trolley: { node: 'trolley', field: 'trolley', axis: 'x' } },
      fields: { trolley: { default: 0 }, moves: { default: 0 } },
    },
  },
  assets: [
    { id: 'T1', type: 'truck', pose: { position: [0, 0, 0], headingDeg: 350 } },
    { id: 'Q1', type: 'crane', pose: { position: [100, 0, 0] } },
  ],
});

function setup() {
  const twin = createTwinStore();
  twin.getState().loadSite(config);
  const applier = createTelemetryApplier(twin, (asset) =>
    Object.values(config.assetTypes[asset.type]?.parts ?? {}).map((p) => p.field),
  );
  return { twin, applier, asset: (id: string) => twin.getState().byId.get(id)! };
}

const sample = (assetId: string, patch: Partial<AssetSample>): AssetSample => ({
  assetId,
  gateway: 'gw-1',
  sourceTime: 0,
  receiveTime: 0,
  position: undefined,
  headingDeg: undefined,
  fields: {},
  staleAfterMs: 5000,
  ...patch,
});
const batch = (...samples: AssetSample[]) => ({ samples, events: [], offline: [] });

describe('createTelemetryApplier', () => {
  it('glides to each sample over the sample interval, the short way round, then holds', () => {
    const { applier, asset } = setup();
    applier.apply(batch(sample('T1', { position: [0, 0, 0], headingDeg: 350 })), 0);
    applier.apply(batch(sample('T1', { position: [10, 0, 0], headingDeg: 10 })), 500);
    applier.step(750);
    expect(asset('T1').position[0]).toBeCloseTo(5);
    expect(asset('T1').headingDeg).toBeCloseTo(360); // 350 → 370, never back through 180
    applier.step(1000);
    expect(asset('T1').position[0]).toBeCloseTo(10);
    applier.step(1250); // carried on at the last velocity (10 m per 500 ms)…
    expect(asset('T1').position[0]).toBeCloseTo(15);
    applier.step(5000); // …for at most a second
    expect(asset('T1').position[0]).toBeCloseTo(30);
  });

  it('glides articulated fields, sets the others at once, and snaps long jumps', () => {
    const { applier, asset } = setup();
    applier.apply(batch(sample('Q1', { fields: { trolley: 0, moves: 1 } })), 0);
    applier.apply(batch(sample('Q1', { fields: { trolley: 40, moves: 2 } })), 400);
    expect(asset('Q1').fields.moves).toBe(2);
    applier.step(600);
    expect(asset('Q1').fields.trolley).toBeCloseTo(20);
    applier.apply(batch(sample('Q1', { position: [900, 0, 0] })), 700);
    applier.step(710);
    expect(asset('Q1').position[0]).toBe(900);
  });

  it('marks assets stale when their data stops, when their gateway dies, and when offline', () => {
    const { applier, asset } = setup();
    applier.apply(batch(sample('T1', { fields: {} }), sample('Q1', { gateway: 'gw-2' })), 0);
    applier.step(1000);
    expect(asset('T1').stale).toBe(false);
    applier.apply(batch(sample('Q1', { gateway: 'gw-2' })), 5500);
    expect(applier.step(6000)).toBe(true);
    expect([asset('T1').stale, asset('Q1').stale]).toEqual([true, false]);
    applier.apply({ samples: [], events: [], offline: ['gw-2'] }, 6100);
    expect(asset('Q1').stale).toBe(true);
    applier.apply(batch(sample('T1', {}), sample('Q1', { gateway: 'gw-2' })), 6200);
    applier.setConnected(false);
    applier.step(6300);
    expect([asset('T1').stale, asset('Q1').stale]).toEqual([true, true]);
    applier.setConnected(true);
    applier.apply(batch(sample('T1', {})), 6400);
    expect(asset('T1').stale).toBe(false);
  });

  it('counts changes per asset type, so untouched types skip their work', () => {
    const { twin, applier } = setup();
    const trucks = twin.typeRevision('truck');
    const cranes = twin.typeRevision('crane');
    applier.apply(batch(sample('T1', { position: [1, 0, 0] })), 0);
    applier.step(10);
    expect(twin.typeRevision('truck')).toBeGreaterThan(trucks);
    expect(twin.typeRevision('crane')).toBe(cranes);
  });

  it('turns the short way', () => {
    expect(shortestTurn(350, 10)).toBe(20);
    expect(shortestTurn(10, 350)).toBe(-20);
    expect(shortestTurn(0, 180)).toBe(180);
  });
});
