import { describe, expect, it } from 'vitest';
import { Binding } from './binding';

const issuesOf = (value: unknown) => {
  const r = Binding.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('Binding', () => {
  it('accepts a JSON binding with captures, conversions and a GNSS position', () => {
    const r = Binding.safeParse({
      topic: 'site/terminal/gw/+gateway/truck/+assetId/state',
      decoder: 'json',
      time: 'ts',
      sequence: 'seq',
      position: { lat: 'gnss.lat', lon: 'gnss.lon' },
      heading: 'gnss.hdg',
      fields: {
        speed: { path: 'gnss.speed_kmh', scale: 1 / 3.6, unit: 'km/h' },
        status: 'data.status',
      },
    });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.fields.speed).toMatchObject({ scale: 1 / 3.6, offset: 0 });
  });

  it('accepts Sparkplug metric names, which are not JSON paths', () => {
    expect(
      issuesOf({
        topic: 'spBv1.0/twindeck-terminal/+/+gateway/+assetId',
        decoder: 'sparkplugb',
        position: { x: 'pos/x', z: 'pos/z' },
        fields: { rsrp: 'Link/RSRP', rebirth: 'Node Control/Rebirth' },
      }),
    ).toEqual([]);
  });

  it('names what is wrong with a topic, an asset and a path', () => {
    expect(
      issuesOf({
        topic: 'site/x+/#/+gateway',
        decoder: 'json',
        fields: { trolley: { path: 'data..trolley' } },
      }),
    ).toEqual([
      'topic: level "x+": use a name, +, +name or a final #',
      'topic: level "#": use a name, +, +name or a final #',
      'topic: capture the asset with +assetId, or name it in "asset"',
      'fields.trolley.path: payload path "data..trolley": cannot read from character 5',
    ]);
  });

  it('needs an event mapping for event bindings', () => {
    expect(issuesOf({ topic: 'a/+assetId/event', decoder: 'json', kind: 'event' })).toEqual([
      'event: an event binding needs "event"',
    ]);
  });
});
