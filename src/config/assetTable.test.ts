import { describe, expect, it } from 'vitest';
import { validateTwinConfig } from './loadTwinConfig';

function configWith(tables: unknown[], assets: unknown[] = []): Record<string, unknown> {
  return {
    schemaVersion: 1,
    site: { id: 'yard', name: 'Yard', geoOrigin: { lat: 22.48, lon: 113.87 } },
    models: { box: { url: 'box.glb' } },
    assetTypes: {
      container40: { name: '40 ft', category: 'container', model: 'box' },
    },
    zones: [
      {
        id: 'A1',
        name: 'Block A1',
        polygon: [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
      },
    ],
    assets,
    assetTables: tables,
  };
}

const columns = ['id', 'zone', 'x', 'y', 'z', 'owner', 'reefer'];

describe('asset tables', () => {
  it('become assets after the objects, with pose defaults and null cells left out', () => {
    const result = validateTwinConfig(
      configWith(
        [
          {
            type: 'container40',
            columns,
            rows: [
              ['MSKU1234565', 'A1', 1, 0, 2, 'Maersk', null],
              ['MSKU7654321', 'A1', 3, 2.6, 2, 'Maersk', true],
            ],
          },
        ],
        [{ id: 'T1', type: 'container40', pose: { position: [0, 0, 0] } }],
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.assets.map((a) => a.id)).toEqual(['T1', 'MSKU1234565', 'MSKU7654321']);
    expect(result.config.assets[1]).toEqual({
      id: 'MSKU1234565',
      type: 'container40',
      zone: 'A1',
      pose: { position: [1, 0, 2], headingDeg: 90, pitchDeg: 0, rollDeg: 0 },
      fields: { owner: 'Maersk' },
    });
    expect(result.config.assets[2]?.fields).toEqual({ owner: 'Maersk', reefer: true });
    expect('assetTables' in result.config).toBe(false);
  });

  it('names the cell of a bad value and the columns a table lacks', () => {
    const result = validateTwinConfig(
      configWith([
        {
          type: 'container40',
          columns,
          rows: [
            ['OK1', 'A1', 1, 0, 2, 'x', null],
            ['OK2', 'A1', 1, 'up', 2, 'x', null],
          ],
        },
        { type: 'container40', columns: ['id', 'x', 'y'], rows: [] },
        { type: 'container40', columns: ['id', 'x', 'y', 'z', 'constructor'], rows: [] },
        { type: 'container40', columns, rows: [['SHORT', 'A1', 1, 0]] },
      ]),
    );
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'assetTables[0].rows[1][3]', message: expect.stringMatching(/number/) },
      { path: 'assetTables[1].columns', message: 'needs all of "x", "y", "z"' },
      { path: 'assetTables[2].columns', message: 'column "constructor" is not allowed' },
      { path: 'assetTables[3].rows[0]', message: expect.stringMatching(/7/) },
    ]);
  });

  it('points cross-reference problems at the row and column they come from', () => {
    const result = validateTwinConfig(
      configWith(
        [{ type: 'container40', columns, rows: [['T1', 'B9', 1, 0, 2, 'x', null]] }],
        [{ id: 'T1', type: 'container40', pose: { position: [0, 0, 0] } }],
      ),
    );
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'assetTables[0].rows[0][0]', message: 'duplicate id "T1" (also assets[0].id)' },
      { path: 'assetTables[0].rows[0][1]', message: 'unknown zone "B9"' },
    ]);
  });

  it('reports at most a hundred row problems per table, then how many more', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`C${i}`, 'A1', 'x', 0, 0, 'o', null]);
    const result = validateTwinConfig(configWith([{ type: 'container40', columns, rows }]));
    const issues = result.ok ? [] : result.issues;
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)).toEqual({
      path: 'assetTables[0].rows',
      message: 'and 50 more problems in rows',
    });
  });
});
