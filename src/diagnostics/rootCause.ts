import type { HintConfig } from '../config/rules';
import type { FieldValue, TwinConfig, ZoneConfig } from '../config/schema';
import { pointInPolygon, polygonBounds, type PolygonBounds } from '../lib/polygon';
import type { AssetState } from '../twin/assetState';
import type { Alarm } from './alarmTypes';

/**
 * Root-cause hints: what the data says about why an alarm raised, found when it raises (live
 * and in a recording alike) by the hints its rule asks for (docs/rules.md). Plain data: the
 * panels put it in words, and link its assets and moments.
 */
/** One rule's alarms on a linked asset within a hint's window. */
export interface LinkedAlarmTally {
  ruleId: string;
  count: number;
  heldMs: number;
  values: FieldValue[];
}

export type Hint =
  | {
      kind: 'linked';
      /** The assets working for the alarmed one, and what each was doing then, and where. */
      assets: LinkedAsset[];
      /** Assets of the same kind out of service then (in one of the hint's `downStates`). */
      down: string[];
      /** How many assets of that kind there are. */
      of: number;
    }
  | {
      kind: 'earlier';
      /** Alarms of the same asset that began within the window before this one. */
      alarms: Array<{
        id: string;
        ruleId: string;
        since: number;
        clearedAt?: number;
        value?: FieldValue;
      }>;
    }
  | {
      kind: 'linkedAlarms';
      /**
       * Linked assets with alarms in the window, the longest alarmed first: how long in all, and
       * per rule how many, how long and with which values (fault codes, readings).
       */
      assets: Array<{ id: string; heldMs: number; rules: LinkedAlarmTally[] }>;
      /** How many assets are linked. */
      of: number;
      /** The window looked at, before the alarm. */
      withinMs: number;
    }
  | {
      kind: 'shared';
      field: string;
      value: FieldValue | undefined;
      /** Other assets with the same value of `field` that were in the same state then. */
      alike: string[];
      /** How many other assets share that value. */
      of: number;
      /** Other assets of the alarmed asset's type in the same state then, and how many there are. */
      typeAlike: number;
      typeOf: number;
    };

export interface LinkedAsset {
  id: string;
  status: FieldValue | undefined;
  zone: string | null;
  /** Metres from the alarmed asset. */
  distance: number;
}

/** At most this many assets are named in one hint. */
const MAX_NAMED = 8;

interface CompiledZone {
  id: string;
  polygon: Array<[number, number]>;
  bounds: PolygonBounds;
  area: number;
}

/** The hints of a site's rules, found against its assets and the alarms raised so far. */
export function createHintFinder(config: TwinConfig, assets: readonly AssetState[]) {
  const zones: CompiledZone[] = config.zones
    .map((z) => compileZone(z))
    .sort((a, b) => a.area - b.area);
  const byType = new Map<string, AssetState[]>();
  for (const a of assets) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
  const categoryOf = (type: string) => config.assetTypes[type]?.category ?? '';

  /** The smallest zone around a point: the most specific place (a lane within a block). */
  const zoneAt = (x: number, z: number): string | null => {
    for (const zone of zones) {
      const b = zone.bounds;
      if (x < b.minX || x > b.maxX || z < b.minZ || z > b.maxZ) continue;
      if (pointInPolygon(x, z, zone.polygon)) return zone.id;
    }
    return null;
  };

  const matching = (hint: HintConfig & { kind: 'linked' | 'linkedAlarms' }) =>
    assets.filter(
      (a) =>
        (!hint.select.types || hint.select.types.includes(a.type)) &&
        (!hint.select.categories || hint.select.categories.includes(categoryOf(a.type))) &&
        (!hint.select.ids || hint.select.ids.includes(a.id)),
    );
  /** The value linked assets name the alarmed one by: its id, or one of its fields. */
  const key = (asset: AssetState, matchField: string | undefined) =>
    matchField === undefined ? asset.id : asset.fields[matchField];

  return {
    /** The hints for an alarm of `ruleId` on `asset` raising now; `alarms` are those so far. */
    find(
      hints: readonly HintConfig[],
      asset: AssetState,
      alarm: Pick<Alarm, 'id' | 'since' | 'raisedAt' | 'ruleId'>,
      alarms: readonly Alarm[],
    ): Hint[] {
      const out: Hint[] = [];
      for (const hint of hints) {
        if (hint.kind === 'linked') {
          const pool = matching(hint);
          const wanted = key(asset, hint.matchField);
          const linked = pool
            .filter(
              (a) => a.id !== asset.id && wanted !== undefined && a.fields[hint.field] === wanted,
            )
            .map((a) => ({
              id: a.id,
              status: a.fields.status,
              zone: zoneAt(a.position[0], a.position[2]),
              distance: Math.round(
                Math.hypot(a.position[0] - asset.position[0], a.position[2] - asset.position[2]),
              ),
            }))
            .sort((a, b) => a.distance - b.distance)
            .slice(0, MAX_NAMED);
          const down = pool
            .filter(
              (a) => a.fields.status !== undefined && hint.downStates.includes(a.fields.status),
            )
            .map((a) => a.id);
          out.push({ kind: 'linked', assets: linked, down, of: pool.length });
        } else if (hint.kind === 'linkedAlarms') {
          const wanted = key(asset, hint.matchField);
          const linked = new Set(
            matching(hint)
              .filter((a) => wanted !== undefined && a.fields[hint.field] === wanted)
              .map((a) => a.id),
          );
          const rules = new Set(hint.rules);
          const from = alarm.since - hint.withinMs;
          const per = new Map<string, { id: string; heldMs: number; rules: LinkedAlarmTally[] }>();
          for (const a of alarms) {
            if (!linked.has(a.assetId) || !rules.has(a.ruleId)) continue;
            const until = Math.min(a.clearedAt ?? alarm.raisedAt, alarm.raisedAt);
            if (until < from || a.since > alarm.raisedAt) continue;
            const held = until - Math.max(a.since, from);
            const entry = per.get(a.assetId) ?? { id: a.assetId, heldMs: 0, rules: [] };
            entry.heldMs += held;
            let tally = entry.rules.find((r) => r.ruleId === a.ruleId);
            if (!tally) {
              tally = { ruleId: a.ruleId, count: 0, heldMs: 0, values: [] };
              entry.rules.push(tally);
            }
            tally.count++;
            tally.heldMs += held;
            if (a.detail.value !== undefined && !tally.values.includes(a.detail.value))
              tally.values.push(a.detail.value);
            per.set(a.assetId, entry);
          }
          const worst = [...per.values()].sort((a, b) => b.heldMs - a.heldMs).slice(0, MAX_NAMED);
          for (const w of worst) w.rules.sort((a, b) => b.heldMs - a.heldMs);
          out.push({
            kind: 'linkedAlarms',
            assets: worst,
            of: linked.size,
            withinMs: hint.withinMs,
          });
        } else if (hint.kind === 'earlier') {
          const rules = new Set(hint.rules);
          const from = alarm.since - hint.withinMs;
          const earlier = alarms
            .filter(
              (a) =>
                a.assetId === asset.id &&
                a.id !== alarm.id &&
                rules.has(a.ruleId) &&
                (a.clearedAt ?? Infinity) >= from &&
                a.since <= alarm.raisedAt,
            )
            .slice(-MAX_NAMED)
            .map((a) => ({
              id: a.id,
              ruleId: a.ruleId,
              since: a.since,
              ...(a.clearedAt !== undefined && { clearedAt: a.clearedAt }),
              ...(a.detail.value !== undefined && { value: a.detail.value }),
            }));
          if (earlier.length > 0) out.push({ kind: 'earlier', alarms: earlier });
        } else {
          const value = asset.fields[hint.field];
          // "Alike": in the same state as the alarmed asset (stale, or holding the same alarm).
          const open = new Set(
            alarms
              .filter((a) => a.ruleId === alarm.ruleId && a.clearedAt === undefined)
              .map((a) => a.assetId),
          );
          const alikeAsset = (a: AssetState) => (asset.stale && a.stale) || open.has(a.id);
          const peers = assets.filter(
            (a) => a.id !== asset.id && value !== undefined && a.fields[hint.field] === value,
          );
          const sameType = (byType.get(asset.type) ?? []).filter((a) => a.id !== asset.id);
          out.push({
            kind: 'shared',
            field: hint.field,
            value,
            alike: peers
              .filter(alikeAsset)
              .map((a) => a.id)
              .slice(0, MAX_NAMED),
            of: peers.length,
            typeAlike: sameType.filter(alikeAsset).length,
            typeOf: sameType.length,
          });
        }
      }
      return out;
    },
  };
}

function compileZone(zone: ZoneConfig): CompiledZone {
  let area = 0;
  const p = zone.polygon;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++)
    area += (p[j]![0] + p[i]![0]) * (p[j]![1] - p[i]![1]);
  return { id: zone.id, polygon: p, bounds: polygonBounds(p), area: Math.abs(area / 2) };
}

export type HintFinder = ReturnType<typeof createHintFinder>;
