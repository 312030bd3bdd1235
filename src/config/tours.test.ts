import { describe, expect, it } from 'vitest';
import { validateTwinConfig } from './loadTwinConfig';
import { DEFAULT_STOP_DWELL_MS } from './tours';

/** A small site with one view, one crane and one (virtual) gateway, and the tours given. */
function siteWithTours(tours: unknown): Record<string, unknown> {
  return {
    schemaVersion: 1,
    site: { id: 'demo', name: 'Demo', geoOrigin: { lat: 22.48, lon: 113.87 } },
    models: { crane: { url: 'crane.glb' } },
    assetTypes: {
      crane: { name: 'Crane', category: 'quayCrane', model: 'crane' },
      gateway: { name: 'Gateway', category: 'gateway5g', virtual: true },
    },
    assets: [
      { id: 'qc1', type: 'crane', pose: { position: [1, 0, 2] } },
      { id: 'gw1', type: 'gateway' },
    ],
    cameraViews: [{ id: 'quay', name: 'Quay', position: [0, 50, 50], target: [0, 0, 0] }],
    tours,
  };
}

const issuesOf = (tours: unknown) => {
  const result = validateTwinConfig(siteWithTours(tours));
  return result.ok ? [] : result.issues;
};

describe('tours in the twin config', () => {
  it('are optional, and fill a stop dwell when none is given', () => {
    const none = validateTwinConfig({ ...siteWithTours(undefined), tours: undefined });
    expect(none.ok && none.config.tours).toEqual([]);
    const result = validateTwinConfig(
      siteWithTours([
        {
          id: 'intro',
          name: { en: 'Intro', 'zh-CN': '入门' },
          stops: [
            { view: 'quay', note: { en: 'The quay', 'zh-CN': '岸线' } },
            { follow: 'qc1', note: 'A crane', dwellMs: 5000, at: '2025-01-06T09:15:00+08:00' },
            { camera: { position: [0, 10, 10], target: [0, 0, 0] }, note: 'Close up' },
          ],
        },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.tours[0]?.stops.map((s) => s.dwellMs)).toEqual([
      DEFAULT_STOP_DWELL_MS,
      5000,
      DEFAULT_STOP_DWELL_MS,
    ]);
  });

  it('name the JSON path of an unknown view or asset, and of a gateway to follow', () => {
    const stops = [
      { view: 'quay', note: 'ok' },
      { follow: 'qc1', note: 'ok' },
      { view: 'yard', note: 'no such view' },
      { follow: 'QC9', note: 'no such crane' },
      { follow: 'gw1', note: 'not drawn' },
    ];
    expect(issuesOf([{ id: 't', name: 'T', stops }])).toEqual([
      { path: 'tours[0].stops[2].view', message: 'unknown camera view "yard"' },
      { path: 'tours[0].stops[3].follow', message: 'unknown asset "QC9"' },
      {
        path: 'tours[0].stops[4].follow',
        message: 'asset "gw1" is virtual (not drawn), so the camera cannot follow it',
      },
    ]);
  });

  it('refuse a duplicate tour id', () => {
    const tour = { id: 't', name: 'T', stops: [{ view: 'quay', note: 'n' }] };
    expect(issuesOf([tour, tour])).toEqual([{ path: 'tours[1].id', message: 'duplicate id "t"' }]);
  });

  it('want exactly one of view, camera and follow in each stop', () => {
    const issues = issuesOf([
      {
        id: 't',
        name: 'T',
        stops: [{ note: 'nowhere' }, { view: 'quay', follow: 'qc1', note: 'two places' }],
      },
    ]);
    expect(issues).toEqual([
      {
        path: 'tours[0].stops[0]',
        message: 'a stop needs exactly one of view, camera or follow (it has none)',
      },
      {
        path: 'tours[0].stops[1]',
        message: 'a stop needs exactly one of view, camera or follow (it has view and follow)',
      },
    ]);
  });

  it('want a recording time with its offset, a sane dwell, a note and at least one stop', () => {
    const issues = issuesOf([
      {
        id: 't',
        name: 'T',
        stops: [
          { view: 'quay', note: 'local time', at: '2025-01-06T09:15:00' },
          { view: 'quay', note: 'too short', dwellMs: 100 },
          { view: 'quay' },
        ],
      },
      { id: 'u', name: 'U', stops: [] },
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      'tours[0].stops[0].at',
      'tours[0].stops[1].dwellMs',
      'tours[0].stops[2].note',
      'tours[1].stops',
    ]);
  });
});
