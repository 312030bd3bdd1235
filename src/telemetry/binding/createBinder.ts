import type { BindingConfig, FieldSourceConfig } from '../../config/binding';
import type { FieldValue } from '../../config/schema';
import { latLonToSite, type GeoPoint } from '../../lib/geo';
import { compileMetricName, compilePayloadPath, type PathReader } from '../../lib/payloadPath';
import type { AssetEvent, AssetSample } from '../samples';
import { compileTopicPattern, type TopicPattern } from './topicPattern';

/** What the binder needs to know about the site. */
export interface BinderSite {
  geoOrigin: GeoPoint;
  /** Asset id → the kind of value each of its fields holds (from the asset type's defaults). */
  fieldKinds: ReadonlyMap<string, Readonly<Record<string, FieldKind>>>;
}
export type FieldKind = 'number' | 'string' | 'boolean' | 'any';

/** Why a message did not become state; each is counted per binding. */
export type Rejection = 'unknownAsset' | 'badValue' | 'noAsset' | 'badPosition';

export type BindOutcome =
  | { kind: 'sample'; sample: AssetSample; binding: number }
  | { kind: 'event'; event: AssetEvent; binding: number }
  | { kind: 'rejected'; reason: Rejection; binding: number; detail: string };

interface Reader {
  read: PathReader;
  scale: number;
  offset: number;
}

interface CompiledBinding {
  config: BindingConfig;
  pattern: TopicPattern;
  time: PathReader | undefined;
  sequence: PathReader | undefined;
  position:
    | { kind: 'site'; x: Reader; y: Reader | undefined; z: Reader }
    | { kind: 'geo'; lat: PathReader; lon: PathReader }
    | undefined;
  heading: Reader | undefined;
  fields: Array<[string, Reader]>;
  event: { name: PathReader; code?: PathReader; severity?: PathReader } | undefined;
}

/** A binding whose topic pattern matched a topic, and what the pattern captured. */
export interface TopicMatch {
  readonly binding: number;
  readonly captures: Readonly<Record<string, string>>;
}

/** Topics whose matches are remembered (a full-scale terminal has ~1,500). */
const MATCH_CACHE_TOPICS = 8192;

/** Bindings compiled for one site: topic → asset samples and events. */
export interface Binder {
  /** Subscription filters, one per distinct pattern. */
  readonly filters: string[];
  readonly bindings: readonly BindingConfig[];
  /** Indexes of the bindings whose topic pattern matches, with their captures (shared: read only). */
  match(topic: string): readonly TopicMatch[];
  /** Turns one decoded payload, matched to a binding, into state. */
  bind(
    binding: number,
    captures: Readonly<Record<string, string>>,
    payload: unknown,
    receiveTime: number,
    sourceTimeFallback?: number,
  ): BindOutcome;
  /** The sequence number a payload carries, when the binding says where. */
  sequenceOf(binding: number, payload: unknown): number | undefined;
}

const SEVERITIES = new Set(['info', 'warning', 'critical']);

export function createBinder(bindings: readonly BindingConfig[], site: BinderSite): Binder {
  const compiled = bindings.map((b) => compileBinding(b));
  const filters = [...new Set(compiled.map((c) => c.pattern.filter))];
  const _xz: [number, number] = [0, 0];
  // A site's topics repeat (one per asset and kind), so each is matched once; the cache is
  // emptied when it fills, so a flood of unknown topics cannot grow it.
  const matched = new Map<string, readonly TopicMatch[]>();

  return {
    filters,
    bindings,
    match(topic) {
      const known = matched.get(topic);
      if (known) return known;
      // Split the topic once, not once per binding.
      const parts = topic.split('/');
      const out: TopicMatch[] = [];
      for (let binding = 0; binding < compiled.length; binding++) {
        const captures = compiled[binding]?.pattern.matchLevels(parts);
        if (captures) out.push(Object.freeze({ binding, captures: Object.freeze(captures) }));
      }
      if (matched.size >= MATCH_CACHE_TOPICS) matched.clear();
      matched.set(topic, out);
      return out;
    },
    sequenceOf(binding, payload) {
      const value = compiled[binding]?.sequence?.(payload);
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    },
    bind(binding, captures, payload, receiveTime, sourceTimeFallback) {
      const c = compiled[binding] as CompiledBinding;
      const assetId = captures.assetId ?? c.config.asset;
      if (assetId === undefined) return rejected(binding, 'noAsset', 'the topic names no asset');
      const kinds = site.fieldKinds.get(assetId);
      if (!kinds) return rejected(binding, 'unknownAsset', `no asset "${assetId}" in this site`);
      const time = c.time?.(payload);
      const sourceTime =
        typeof time === 'number' && Number.isFinite(time)
          ? time
          : (sourceTimeFallback ?? receiveTime);
      const gateway = captures.gateway;

      const fields: Record<string, FieldValue> = {};
      for (const [name, reader] of c.fields) {
        const raw = reader.read(payload);
        if (raw === undefined) continue;
        const value = convert(raw, reader, kinds[name] ?? 'any');
        if (value === undefined)
          return rejected(
            binding,
            'badValue',
            `${name}: ${describe(raw)} is not a ${kinds[name] ?? 'value'}`,
          );
        fields[name] = value;
      }

      if (c.config.kind === 'event' && c.event) {
        const name = c.event.name(payload);
        if (typeof name !== 'string' || name === '')
          return rejected(binding, 'badValue', `event name: ${describe(name)}`);
        const code = c.event.code?.(payload);
        const severity = c.event.severity?.(payload);
        return {
          kind: 'event',
          binding,
          event: {
            assetId,
            gateway,
            sourceTime,
            receiveTime,
            name,
            code: typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
            severity:
              typeof severity === 'string' && SEVERITIES.has(severity)
                ? (severity as AssetEvent['severity'])
                : 'info',
            fields,
          },
        };
      }

      let position: [number, number, number] | undefined;
      if (c.position?.kind === 'site') {
        const x = numberOf(c.position.x, payload);
        const z = numberOf(c.position.z, payload);
        const y = c.position.y ? numberOf(c.position.y, payload) : 0;
        if (x !== undefined || z !== undefined) {
          if (x === undefined || z === undefined || y === undefined || Number.isNaN(x + y + z))
            return rejected(binding, 'badPosition', 'position needs finite x and z');
          position = [x, y, z];
        }
      } else if (c.position?.kind === 'geo') {
        const lat = c.position.lat(payload);
        const lon = c.position.lon(payload);
        if (lat !== undefined || lon !== undefined) {
          if (!isLatitude(lat) || !isLongitude(lon))
            return rejected(binding, 'badPosition', `lat/lon ${describe(lat)}, ${describe(lon)}`);
          latLonToSite(site.geoOrigin, lat, lon, _xz);
          position = [_xz[0], 0, _xz[1]];
        }
      }
      let headingDeg: number | undefined;
      if (c.heading) {
        const raw = c.heading.read(payload);
        if (raw !== undefined) {
          const h = convert(raw, c.heading, 'number');
          if (typeof h !== 'number')
            return rejected(binding, 'badValue', `heading: ${describe(raw)}`);
          headingDeg = h;
        }
      }
      return {
        kind: 'sample',
        binding,
        sample: {
          assetId,
          gateway,
          sourceTime,
          receiveTime,
          position,
          headingDeg,
          fields,
          staleAfterMs: c.config.staleAfterMs,
        },
      };
    },
  };
}

function rejected(binding: number, reason: Rejection, detail: string): BindOutcome {
  return { kind: 'rejected', reason, binding, detail };
}

function compileBinding(config: BindingConfig): CompiledBinding {
  const path = config.decoder === 'json' ? compilePayloadPath : compileMetricName;
  const reader = (source: FieldSourceConfig): Reader =>
    typeof source === 'string'
      ? { read: path(source), scale: 1, offset: 0 }
      : { read: path(source.path), scale: source.scale, offset: source.offset };
  const p = config.position;
  return {
    config,
    pattern: compileTopicPattern(config.topic),
    time: config.time === undefined ? undefined : path(config.time),
    sequence: config.sequence === undefined ? undefined : path(config.sequence),
    position:
      p === undefined
        ? undefined
        : 'lat' in p
          ? { kind: 'geo', lat: path(p.lat), lon: path(p.lon) }
          : {
              kind: 'site',
              x: reader(p.x),
              y: p.y === undefined ? undefined : reader(p.y),
              z: reader(p.z),
            },
    heading: config.heading === undefined ? undefined : reader(config.heading),
    fields: Object.entries(config.fields).map(([name, source]) => [name, reader(source)]),
    event: config.event && {
      name: path(config.event.name),
      code: config.event.code === undefined ? undefined : path(config.event.code),
      severity: config.event.severity === undefined ? undefined : path(config.event.severity),
    },
  };
}

/** A payload value in the field's terms, or undefined when it cannot be one. */
function convert(raw: unknown, reader: Reader, kind: FieldKind): FieldValue | undefined {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || (kind !== 'number' && kind !== 'any')) return undefined;
    const value = raw * reader.scale + reader.offset;
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof raw === 'string') {
    if (kind === 'string' || kind === 'any') return raw.length <= 256 ? raw : undefined;
    return undefined;
  }
  if (typeof raw === 'boolean') return kind === 'boolean' || kind === 'any' ? raw : undefined;
  return undefined;
}

function numberOf(reader: Reader, payload: unknown): number | undefined {
  const raw = reader.read(payload);
  if (raw === undefined) return undefined;
  const v = convert(raw, reader, 'number');
  return typeof v === 'number' ? v : Number.NaN;
}

const isLatitude = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= -90 && v <= 90;
const isLongitude = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= -180 && v <= 180;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
