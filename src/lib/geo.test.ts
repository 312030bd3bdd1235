import { describe, expect, it } from 'vitest';
import { headingToYaw, latLonToSite, siteToLatLon } from './geo';

describe('geo', () => {
  const origin = { lat: 22.48, lon: 113.87 };
  it('maps north to -z and east to +x', () => {
    const out: [number, number] = [0, 0];
    latLonToSite(origin, 22.481, 113.87, out);
    expect(out[0]).toBeCloseTo(0, 6);
    expect(out[1]).toBeCloseTo(-111.3, 0);
    latLonToSite(origin, 22.48, 113.871, out);
    expect(out[0]).toBeCloseTo(102.9, 0);
  });
  it('round-trips through site metres to a millimetre', () => {
    const out: [number, number] = [0, 0];
    latLonToSite(origin, 22.4853, 113.8791, out);
    const [lat, lon] = siteToLatLon(origin, out[0], out[1]);
    expect(lat).toBeCloseTo(22.4853, 8);
    expect(lon).toBeCloseTo(113.8791, 8);
  });
  it('turns compass headings into counter-clockwise yaw about +y', () => {
    expect(headingToYaw(90)).toBeCloseTo(0);
    expect(headingToYaw(0)).toBeCloseTo(Math.PI / 2);
    expect(headingToYaw(180)).toBeCloseTo(-Math.PI / 2);
  });
});
