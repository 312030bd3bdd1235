import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModelLibrary } from './loadModelLibrary';

const ORIGIN = 'http://twin.local';
const truck = readFileSync('models/truck.glb');

/** Serves the repo's models/ folder, a truncated GLB and 404s, like a static server would. */
function serveModels() {
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = new URL(String(input));
    if (url.pathname === '/models/truck.glb') return new Response(new Uint8Array(truck));
    if (url.pathname === '/models/cut.glb')
      return new Response(new Uint8Array(truck.subarray(0, 400)));
    return new Response('not found', { status: 404, statusText: 'Not Found' });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('loadModelLibrary', () => {
  it('loads good models and explains each bad one without throwing', async () => {
    serveModels();
    const progress: number[] = [];
    const library = await loadModelLibrary(
      {
        truck: { url: '../models/truck.glb', scale: 1, upAxis: 'y' },
        gone: { url: '../models/gone.glb', scale: 1, upAxis: 'y' },
        cut: { url: '../models/cut.glb', scale: 1, upAxis: 'y' },
        foreign: { url: 'https://elsewhere.example/m.glb', scale: 1, upAxis: 'y' },
      },
      `${ORIGIN}/twin-configs/site.json`,
      (p) => progress.push(p.done),
    );
    expect([...library.models.keys()]).toEqual(['truck']);
    expect(library.models.get('truck')?.root.getObjectByName('body')).toBeDefined();
    const byId = Object.fromEntries(library.errors.map((e) => [e.id, e]));
    expect(byId.gone?.message).toBe('file not found (HTTP 404)');
    expect(byId.gone?.url).toBe('../models/gone.glb');
    expect(byId.cut?.message).toMatch(/truncated|corrupt|invalid/i);
    expect(byId.foreign?.message).toMatch(/origin/);
    expect(progress.at(-1)).toBe(4);
  });

  it('turns z-up models upright and applies the scale at the root', async () => {
    serveModels();
    const library = await loadModelLibrary(
      { truck: { url: '/models/truck.glb', scale: 0.5, upAxis: 'z' } },
      `${ORIGIN}/`,
      () => undefined,
    );
    const root = library.models.get('truck')?.root;
    expect(root?.rotation.x).toBeCloseTo(-Math.PI / 2);
    expect(root?.scale.x).toBe(0.5);
  });
});
