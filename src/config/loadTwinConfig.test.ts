import { describe, expect, it } from 'vitest';
import { parseTwinConfig, peekModels, validateTwinConfig } from './loadTwinConfig';

function minimalConfig(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    site: { id: 'demo', name: 'Demo', geoOrigin: { lat: 22.48, lon: 113.87 } },
    models: { crane: { url: 'crane.glb' }, hall: { url: 'hall.glb' } },
    scenery: [{ model: 'hall', siteModel: true }],
    assetTypes: {
      crane: {
        name: 'Crane',
        category: 'quayCrane',
        model: 'crane',
        parts: { trolley: { node: 'trolley', field: 'trolley', axis: 'x' } },
      },
      press: { name: 'Press', category: 'press' },
    },
    zones: [
      {
        id: 'z1',
        name: 'Quay',
        polygon: [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
      },
    ],
    assets: [
      { id: 'qc1', type: 'crane', zone: 'z1', pose: { position: [1, 0, 2] } },
      { id: 'p1', type: 'press', node: 'press-1' },
    ],
  };
}

describe('validateTwinConfig', () => {
  it('accepts a minimal valid config and fills defaults', () => {
    const result = validateTwinConfig(minimalConfig());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.site.timeZone).toBe('UTC');
    expect(result.config.assets[0]?.pose?.headingDeg).toBe(90);
    expect(result.config.assetTypes.crane?.parts.trolley?.scale).toBe(1);
    // A site without a wall section tours every view, 20 s each, and stops for critical alarms.
    expect(result.config.wall).toEqual({
      dwellMs: 20_000,
      flyToCritical: true,
      alarmHoldMs: 120_000,
    });
  });

  it('checks the wall tour: known views, a sensible dwell', () => {
    const config = minimalConfig();
    config.cameraViews = [{ id: 'quay', name: 'Quay', position: [0, 50, 50], target: [0, 0, 0] }];
    config.wall = { tour: ['quay', 'yard'], dwellMs: 500 };
    const result = validateTwinConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['wall.dwellMs']);
    config.wall = { tour: ['quay', 'yard'] };
    const second = validateTwinConfig(config);
    expect(second.ok ? [] : second.issues).toEqual([
      { path: 'wall.tour[1]', message: 'unknown camera view "yard"' },
    ]);
  });

  it('names the JSON path of every schema violation', () => {
    const config = minimalConfig();
    (config.site as Record<string, unknown>).geoOrigin = { lat: 120, lon: 'x' };
    (config.assets as Array<Record<string, unknown>>)[0] = {
      id: 'qc1',
      type: 'crane',
      pose: { position: [1, 'a', 2] },
    };
    const result = validateTwinConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'site.geoOrigin.lat',
        'site.geoOrigin.lon',
        'assets[0].pose.position[1]',
      ]),
    );
  });

  it('reports unknown references, duplicates and missing poses', () => {
    const config = minimalConfig();
    const assets = config.assets as Array<Record<string, unknown>>;
    assets.push({ id: 'qc1', type: 'ghost', zone: 'nowhere' }, { id: 'qc2', type: 'crane' });
    const result = validateTwinConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: 'assets[2].id', message: 'duplicate id "qc1" (also assets[0].id)' },
        { path: 'assets[2].type', message: 'unknown asset type "ghost"' },
        { path: 'assets[2].zone', message: 'unknown zone "nowhere"' },
        { path: 'assets[3].pose', message: 'required unless the asset binds to a site-model node' },
      ]),
    );
  });

  it('lets assets of a virtual type go without model, pose or node', () => {
    const config = minimalConfig();
    (config.assetTypes as Record<string, unknown>).gateway = {
      name: '5G gateway',
      category: 'gateway5g',
      virtual: true,
    };
    (config.assets as unknown[]).push({ id: 'gw-1', type: 'gateway', fields: { cell: 'C1' } });
    expect(validateTwinConfig(config).ok).toBe(true);
    delete (config.assetTypes as Record<string, Record<string, unknown>>).gateway?.virtual;
    expect(validateTwinConfig(config).ok).toBe(false);
  });

  it('refuses prototype-polluting keys before touching them', () => {
    const result = parseTwinConfig(
      '{"schemaVersion":1,"models":{"__proto__":{"polluted":true}},"assetTypes":{},"assets":[]}',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'models.__proto__', message: 'key "__proto__" is not allowed' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names every polluting key at its own path, however deep', () => {
    const result = parseTwinConfig(
      '{"assets":[{},{"fields":{"a":1,"constructor":2}}],"x":[[{"prototype":0}]],"schemaVersion":1}',
    );
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'assets[1].fields.constructor',
      'x[0][0].prototype',
    ]);
  });

  it('finds a polluting key spelled with escapes', () => {
    const result = parseTwinConfig('{"models":{"\\u005f_proto__":{}},"schemaVersion":1}');
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['models.__proto__']);
  });

  it('reports unknown keys and JSON syntax errors', () => {
    const config = minimalConfig();
    (config.site as Record<string, unknown>).colour = 'red';
    const unknownKey = validateTwinConfig(config);
    expect(unknownKey.ok).toBe(false);
    if (!unknownKey.ok) expect(unknownKey.issues[0]?.path).toBe('site');
    const syntax = parseTwinConfig('{"schemaVersion": 1,');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.issues[0]?.path).toBe('$');
  });
});

describe('peekModels', () => {
  it('reads a valid models section with defaults even when the rest is invalid', () => {
    const config = minimalConfig();
    config.assets = 'not an array';
    expect(peekModels(config)).toEqual({
      crane: { url: 'crane.glb', scale: 1, upAxis: 'y' },
      hall: { url: 'hall.glb', scale: 1, upAxis: 'y' },
    });
  });
  it('gives nothing for a bad models section or a polluting key in it', () => {
    expect(peekModels({ models: { m: { url: 3 } } })).toBeNull();
    expect(peekModels(JSON.parse('{"models":{"m":{"url":"m.glb","__proto__":{}}}}'))).toBeNull();
    expect(peekModels('text')).toBeNull();
  });
});
