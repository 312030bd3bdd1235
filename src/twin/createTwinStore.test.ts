import { describe, expect, it } from 'vitest';
import { TwinConfig } from '../config/schema';
import { createTwinStore } from './createTwinStore';

const config = TwinConfig.parse({
  schemaVersion: 1,
  site: { id: 's', name: 'S', geoOrigin: { lat: 0, lon: 0 } },
  models: { m: { url: 'm.glb' }, hall: { url: 'h.glb' } },
  scenery: [{ model: 'hall', siteModel: true }],
  assetTypes: {
    crane: {
      name: 'Crane',
      category: 'quayCrane',
      model: 'm',
      fields: { hoist: { default: 10 }, status: { default: 'idle' } },
    },
    press: { name: 'Press', category: 'press' },
  },
  assets: [
    {
      id: 'a',
      type: 'crane',
      pose: { position: [1, 2, 3], headingDeg: 0 },
      fields: { status: 'working' },
    },
    { id: 'p', type: 'press', node: 'press-1' },
  ],
});

describe('createTwinStore', () => {
  it('builds asset state from config poses, field defaults and overrides', () => {
    const twin = createTwinStore();
    twin.getState().loadSite(config);
    const a = twin.getState().byId.get('a');
    expect(a?.position).toEqual([1, 2, 3]);
    expect(a?.headingDeg).toBe(0);
    expect(a?.fields).toEqual({ hoist: 10, status: 'working' });
    expect(twin.getState().byId.get('p')?.node).toBe('press-1');
  });

  it('bumps the revision on in-place changes without notifying subscribers', () => {
    const twin = createTwinStore();
    twin.getState().loadSite(config);
    let notified = 0;
    twin.subscribe(() => notified++);
    const before = twin.revision;
    const a = twin.getState().byId.get('a');
    if (a) a.position[0] = 5;
    twin.markChanged();
    expect(twin.revision).toBe(before + 1);
    expect(notified).toBe(0);
    twin.getState().select('a');
    expect(notified).toBe(1);
    expect(twin.getState().selectedId).toBe('a');
  });
});
