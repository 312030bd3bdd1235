/** Geodesy for site frames: x east, y up, z south, metres from the site's geo origin. */

const EARTH_RADIUS_M = 6_378_137;
const DEG = Math.PI / 180;

/** Latitude/longitude of a site's origin. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/**
 * Converts latitude/longitude to site metres (local tangent plane, equirectangular).
 * Good to centimetres across a few kilometres, which is the size of a terminal.
 * Writes into `out` ([x, z]) so hot paths allocate nothing.
 */
export function latLonToSite(
  origin: GeoPoint,
  lat: number,
  lon: number,
  out: [number, number],
): [number, number] {
  const east = (lon - origin.lon) * DEG * EARTH_RADIUS_M * Math.cos(origin.lat * DEG);
  const north = (lat - origin.lat) * DEG * EARTH_RADIUS_M;
  out[0] = east;
  out[1] = -north;
  return out;
}

/** Inverse of latLonToSite; returns [lat, lon]. */
export function siteToLatLon(origin: GeoPoint, x: number, z: number): [number, number] {
  const lat = origin.lat + -z / EARTH_RADIUS_M / DEG;
  const lon = origin.lon + x / (EARTH_RADIUS_M * Math.cos(origin.lat * DEG)) / DEG;
  return [lat, lon];
}

/**
 * Compass heading (0 north, 90 east, clockwise) of a model's +x axis → rotation about +y in
 * radians (three.js, counter-clockwise seen from above).
 */
export function headingToYaw(headingDeg: number): number {
  return (90 - headingDeg) * DEG;
}
