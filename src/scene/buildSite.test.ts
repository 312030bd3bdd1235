import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwinConfig } from '../config/schema';
import { createTwinStore } from '../twin/createTwinStore';
import { buildSite } from './buildSite';
import { loadModelLibrary } from './loadModelLibrary';

const ORIGIN = 'http://twin.local';

function serve(files: Record<string, Buffer>) {
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const body = files[new URL(String(input)).pathname];
    return body ? new Response(new Uint8Array(body)) : new Response('', { status: 404 });
  });
}
afterEach(() => vi.unstubAllGlobals());

const config = TwinConfig.parse({
  schemaVersion: 1,
  site: { id: 'mini', name: 'Mini', geoOrigin: { lat: 29.87, lon: 121.55 } },
  models: {
    hall: { url: '/models/factory-hall.glb' },
    agv: { url: '/models/agv.glb' },
    ghost: { url: '/models/ghost.glb' },
  },
  scenery: [{ model: 'hall', siteModel: true }],
  assetTypes: {
    agv: {
      name: 'AGV',
      category: 'agv',
      model: 'agv',
      colorBy: { field: 'fleet', colors: { a: '#ff0000' } },
    },
    ghost: { name: 'Ghost', category: 'robot', model: 'ghost' },
    press: { name: 'Press', category: 'press' },
  },
  assets: [
    { id: 'agv-1', type: 'agv', pose: { position: [1, 0, 2] }, fields: { fleet: 'a' } },
    { id: 'agv-2', type: 'agv', pose: { position: [5, 0, 2] } },
    { id: 'ghost-1', type: 'ghost', pose: { position: [0, 0, 0] } },
    { id: 'press-1', type: 'press', node: 'press-1' },
    { id: 'press-x', type: 'press', node: 'no-such-node' },
  ],
});

describe('buildSite', () => {
  it('instances posed assets by type, binds site-model nodes and reports what it cannot draw', async () => {
    serve({
      '/models/factory-hall.glb': readFileSync('models/factory-hall.glb'),
      '/models/agv.glb': readFileSync('models/agv.glb'),
    });
    const library = await loadModelLibrary(config.models, `${ORIGIN}/`, () => undefined);
    const twin = createTwinStore();
    twin.getState().loadSite(config);
    const site = buildSite(config, library, twin.getState().assets);

    expect(site.instanced.map((t) => [t.typeId, t.assets.length])).toEqual([
      ['agv', 2],
      ['ghost', 1],
    ]);
    // The ghost's model failed: a one-box placeholder stands in.
    expect(site.instanced[1]?.rig.groups).toHaveLength(1);
    // colorBy: agv-1 is red, agv-2 falls back to white.
    expect(Array.from(site.instanced[0]?.baseColors ?? [])).toEqual([1, 0, 0, 1, 1, 1]);
    expect(site.nodeBound.map((b) => b.asset.id)).toEqual(['press-1']);
    const press = twin.getState().byId.get('press-1');
    expect(press?.position.some((v) => v !== 0)).toBe(true);
    expect(site.issues).toEqual([
      { subject: 'press-x', message: 'node "no-such-node" not found in the site model' },
    ]);
    expect(site.bounds.isEmpty()).toBe(false);
    site.dispose();
  });
});
