import { describe, expect, it } from 'vitest';
import type { TwinConfig } from '../config/schema';
import { createSiteSimulation } from './createSiteSimulation';

const plantConfig = {
  schemaVersion: 1,
  site: {
    id: 'p',
    name: 'P',
    kind: 'plant',
    geoOrigin: { lat: 0, lon: 0, alt: 0 },
    timeZone: 'UTC',
  },
  models: {},
  scenery: [],
  assetTypes: {},
  assets: [],
  zones: [],
  cameraViews: [],
  bindings: [],
  rules: [],
  kpis: [],
  plans: [],
  wall: { dwellMs: 20_000, flyToCritical: true, alarmHoldMs: 120_000 },
  tours: [],
} as TwinConfig;

describe('createSiteSimulation', () => {
  it('refuses a site kind it cannot simulate, saying which', () => {
    expect(() => createSiteSimulation(plantConfig, { seed: 1, startTime: 0 })).toThrow(
      /site "p" of kind "plant"/,
    );
  });

  it('refuses a plan of the other kind', () => {
    const terminal = { ...plantConfig, site: { ...plantConfig.site, kind: 'terminal' as const } };
    expect(() =>
      createSiteSimulation(terminal, {
        seed: 1,
        startTime: 0,
        plan: {
          kind: 'factory',
          orders: [],
          lines: [],
          patrols: [],
          delivery: { bundleSize: 10, triggerBundles: 2, bundlesPerTrip: 2 },
        },
      }),
    ).toThrow(/factory plan cannot run/);
  });

  it('says what a terminal config lacks', () => {
    const terminal = { ...plantConfig, site: { ...plantConfig.site, kind: 'terminal' as const } };
    expect(() => createSiteSimulation(terminal, { seed: 1, startTime: 0 })).toThrow(
      /"road" or "truckLane"/,
    );
  });
});
