import type { RuleConfig, SeverityLevel } from '../config/rules';
import type { FieldValue, TwinConfig } from '../config/schema';
import { pointInPolygon, polygonBounds, type PolygonBounds } from '../lib/polygon';
import type { AssetState } from '../twin/assetState';
import type { RuleCell } from './createRuleEngine';
import { isSet } from './fieldTests';

/** One rule kind's test of one asset, compiled once per rule. */
export interface Condition {
  /** Whether the condition holds now; sets `cell.value` to what it measured. */
  holds(cell: RuleCell, now: number): boolean;
  /** Re-evaluated on every call even when the asset did not change (it depends on time). */
  timeDriven: boolean;
  /** The rule's `while` stopped holding: forget what was measured (a rate's window). */
  disarm?(cell: RuleCell): void;
  /** The alarm's severity, which may depend on what was measured (a fault code). */
  severity(asset: AssetState, value: FieldValue | undefined): SeverityLevel;
  /** The rule's limit, for the alarm's own words (a threshold, a standard rate). */
  limit(asset: AssetState): number | undefined;
  /** The field it watches, if any. */
  field: string | undefined;
}

/** What conditions may consult beyond the asset itself. */
export interface ConditionContext {
  /**
   * How far an asset's work is behind its plan at `now`, ms (negative: ahead); undefined when
   * there is no plan or the asset has no planned work (plan vs actual, docs/plans.md).
   */
  planBehindMs?(asset: AssetState, now: number): number | undefined;
}

export function compileCondition(
  rule: RuleConfig,
  config: TwinConfig,
  context: ConditionContext = {},
): Condition {
  const fixed = () => rule.severity;
  const none = () => undefined;
  switch (rule.kind) {
    case 'threshold': {
      const above = rule.above !== undefined;
      const limit = (above ? rule.above : rule.below) as number;
      const clearAt = rule.clearAt ?? limit;
      return {
        field: rule.field,
        timeDriven: false,
        severity: fixed,
        limit: () => limit,
        holds(cell) {
          const v = cell.asset.fields[rule.field];
          cell.value = v;
          if (typeof v !== 'number') return false;
          // Hysteresis: once raised, it holds until the value is back past `clearAt`.
          const bound = cell.raised ? clearAt : limit;
          return above ? v > bound : v < bound;
        },
      };
    }
    case 'fault': {
      const codes = rule.codes && new Set<FieldValue>(rule.codes);
      const ignore = new Set<FieldValue>(rule.ignore);
      return {
        field: rule.field,
        timeDriven: false,
        limit: none,
        severity: (_asset, value) => rule.severityByCode[String(value)] ?? rule.severity,
        holds(cell) {
          const v = cell.asset.fields[rule.field];
          cell.value = v;
          return isSet(v) && !ignore.has(v as FieldValue) && (!codes || codes.has(v as FieldValue));
        },
      };
    }
    case 'stateTooLong': {
      const states = new Set<FieldValue>(rule.in);
      return {
        field: rule.field,
        timeDriven: false,
        severity: fixed,
        limit: none,
        holds(cell) {
          const v = cell.asset.fields[rule.field];
          cell.value = v;
          return v !== undefined && states.has(v);
        },
      };
    }
    case 'stale':
      return {
        field: undefined,
        timeDriven: false,
        severity: fixed,
        limit: none,
        holds: (cell) => cell.asset.stale,
      };
    case 'geofence': {
      const zones = rule.zones
        .map((id) => config.zones.find((z) => z.id === id))
        .filter((z) => z !== undefined)
        .map((z) => ({ id: z.id, polygon: z.polygon, bounds: polygonBounds(z.polygon) }));
      const forbidden = rule.mode === 'forbidden';
      return {
        field: undefined,
        timeDriven: false,
        severity: fixed,
        limit: none,
        holds(cell) {
          const a = cell.asset;
          // An asset not heard from yet is where the config put it, not where it is.
          if (a.lastUpdate === 0) return false;
          const inside = zoneAt(a.position[0], a.position[2], zones);
          cell.value = inside ?? undefined;
          return forbidden ? inside !== null : inside === null;
        },
      };
    }
    case 'rateBelow':
      return rateBelow(rule);
    case 'planDeviation': {
      const behind = context.planBehindMs;
      // The value an alarm reports is whole minutes behind; without a plan it never holds.
      return {
        field: undefined,
        timeDriven: true,
        severity: fixed,
        limit: () => Math.round(rule.behindMs / 60_000),
        holds(cell, now) {
          const ms = behind?.(cell.asset, now);
          cell.value = ms === undefined ? undefined : Math.round(ms / 60_000);
          return ms !== undefined && ms >= rule.behindMs;
        },
      };
    }
  }
}

function zoneAt(
  x: number,
  z: number,
  zones: ReadonlyArray<{ id: string; polygon: Array<[number, number]>; bounds: PolygonBounds }>,
): string | null {
  for (const zone of zones) {
    const b = zone.bounds;
    if (x < b.minX || x > b.maxX || z < b.minZ || z > b.maxZ) continue;
    if (pointInPolygon(x, z, zone.polygon)) return zone.id;
  }
  return null;
}

/** Readings of a counter kept for a rate: at most this many in a window. */
const RATE_READINGS = 48;

/** A counter's recent readings, oldest first (a small ring). */
interface CounterWindow {
  t: Float64Array;
  v: Float64Array;
  start: number;
  count: number;
}

function rateBelow(rule: Extract<RuleConfig, { kind: 'rateBelow' }>): Condition {
  const spacing = rule.windowMs / RATE_READINGS;
  const standard = (asset: AssetState) => {
    if (rule.perHour !== undefined) return rule.perHour;
    const v = asset.fields[rule.perHourField as string];
    return typeof v === 'number' && v > 0 ? v : undefined;
  };
  return {
    field: rule.field,
    timeDriven: true,
    severity: () => rule.severity,
    limit: standard,
    disarm(cell) {
      const w = cell.memory as CounterWindow | undefined;
      if (w) w.count = 0;
    },
    holds(cell, now) {
      const raw = cell.asset.fields[rule.field];
      if (typeof raw !== 'number') return false;
      let w = cell.memory as CounterWindow | undefined;
      if (!w) {
        w = {
          t: new Float64Array(RATE_READINGS + 1),
          v: new Float64Array(RATE_READINGS + 1),
          start: 0,
          count: 0,
        };
        cell.memory = w;
      }
      const size = w.t.length;
      const newest = (w.start + w.count - 1) % size;
      // A counter that went down was reset (a new shift, a replaced controller): start again.
      if (w.count > 0 && raw < (w.v[newest] as number)) w.count = 0;
      if (w.count === 0 || now - (w.t[(w.start + w.count - 1) % size] as number) >= spacing) {
        if (w.count === size) {
          w.start = (w.start + 1) % size;
          w.count--;
        }
        const at = (w.start + w.count) % size;
        w.t[at] = now;
        w.v[at] = raw;
        w.count++;
      }
      // Drop readings older than the window, but keep one at or before its start.
      while (w.count > 1 && (w.t[(w.start + 1) % size] as number) <= now - rule.windowMs) {
        w.start = (w.start + 1) % size;
        w.count--;
      }
      const t0 = w.t[w.start] as number;
      const v0 = w.v[w.start] as number;
      // Judged only over a full window: a crane that just started has no rate yet.
      if (now - t0 < rule.windowMs * 0.95) {
        cell.value = undefined;
        return false;
      }
      const perHour = ((raw - v0) * 3_600_000) / (now - t0);
      cell.value = Math.round(perHour * 100) / 100;
      const target = standard(cell.asset);
      return target !== undefined && perHour < target;
    },
  };
}
