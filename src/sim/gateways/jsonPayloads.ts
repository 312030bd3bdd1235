import type { FieldValue } from '../../config/schema';
import { siteToLatLon, type GeoPoint } from '../../lib/geo';
import type { SimEvent, SimLink, SimState } from '../simOutput';

/** The JSON payloads of docs/topics.md ("JSON gateways"), one builder per topic kind. */

/** Position on the site grid: metres (x east, y up, z south) and compass heading. */
export interface JsonLoc {
  x?: number;
  y?: number;
  z?: number;
  hdg?: number;
}

/** A GNSS fix: WGS 84 degrees, compass heading, ground speed. */
export interface JsonGnss {
  lat: number;
  lon: number;
  hdg?: number;
  speed_kmh?: number;
}

/** `.../<assetType>/<asset>/state` */
export interface JsonStatePayload {
  ts: number;
  seq: number;
  loc?: JsonLoc;
  gnss?: JsonGnss;
  data: Record<string, FieldValue>;
}

/** `.../<assetType>/<asset>/event` */
export interface JsonEventPayload {
  ts: number;
  seq: number;
  event: string;
  code?: string;
  severity: SimEvent['severity'];
  data: Record<string, FieldValue>;
}

/** `site/<site>/gw/<gateway>/link` */
export interface JsonLinkPayload {
  ts: number;
  seq: number;
  rsrp_dbm: number;
  sinr_db: number;
  ul_mbps: number;
  cell: string;
}

/** How one asset type is written: GNSS instead of `loc`, crane travel in millimetres. */
export interface JsonAssetStyle {
  gnss: boolean;
  crane: boolean;
}

/** Crane fields sent as integer millimetres (docs/topics.md: `trolley_mm`, `hoist_mm`). */
const CRANE_MILLIMETRE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['trolley', 'trolley_mm'],
  ['hoist', 'hoist_mm'],
]);

const MS_TO_KMH = 3.6;

// A gateway reports what its sensors resolve, not float noise: millimetres on the grid, ~1 mm of
// latitude/longitude (8 decimals), hundredths of a degree or km/h.
function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export function statePayload(
  state: SimState,
  seq: number,
  style: JsonAssetStyle,
  geoOrigin: GeoPoint,
): JsonStatePayload {
  const { position, headingDeg, speed } = state;
  const data = encodeData(state.fields, style);
  // Key order as in docs/topics.md: ts, seq, loc or gnss, data.
  if (style.gnss) {
    if (!position) return { ts: state.t, seq, data };
    const [lat, lon] = siteToLatLon(geoOrigin, position[0], position[2]);
    const gnss: JsonGnss = { lat: round(lat, 8), lon: round(lon, 8) };
    if (headingDeg !== undefined) gnss.hdg = round(headingDeg, 2);
    if (speed !== undefined) gnss.speed_kmh = round(speed * MS_TO_KMH, 2);
    return { ts: state.t, seq, gnss, data };
  }
  if (!position && headingDeg === undefined) return { ts: state.t, seq, data };
  const loc: JsonLoc = {};
  if (position) {
    loc.x = round(position[0], 3);
    loc.y = round(position[1], 3);
    loc.z = round(position[2], 3);
  }
  if (headingDeg !== undefined) loc.hdg = round(headingDeg, 2);
  return { ts: state.t, seq, loc, data };
}

export function eventPayload(
  event: SimEvent,
  seq: number,
  style: JsonAssetStyle,
): JsonEventPayload {
  const { t: ts, code, severity } = event;
  const data = encodeData(event.data ?? {}, style);
  // Key order as in docs/topics.md: ts, seq, event, code, severity, data.
  return code === undefined
    ? { ts, seq, event: event.event, severity, data }
    : { ts, seq, event: event.event, code, severity, data };
}

export function linkPayload(link: SimLink, seq: number): JsonLinkPayload {
  return {
    ts: link.t,
    seq,
    rsrp_dbm: link.rsrpDbm,
    sinr_db: link.sinrDb,
    ul_mbps: link.uplinkMbps,
    cell: link.cell,
  };
}

function encodeData(
  fields: Readonly<Record<string, FieldValue>>,
  style: JsonAssetStyle,
): Record<string, FieldValue> {
  // A null prototype: a field named `__proto__` stays a plain key instead of replacing it.
  const data: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>;
  for (const [name, value] of Object.entries(fields)) {
    const millimetreName = style.crane ? CRANE_MILLIMETRE_FIELDS.get(name) : undefined;
    if (millimetreName !== undefined && typeof value === 'number') {
      data[millimetreName] = Math.round(value * 1000);
    } else {
      data[name] = value;
    }
  }
  return data;
}
