import type { RuleConfig } from '../config/rules';
import type { TwinConfig } from '../config/schema';
import type { AssetState } from '../twin/assetState';
import type { AlarmTransition } from './alarmTypes';
import { allHold } from './fieldTests';
import { compileCondition, type Condition } from './conditions';
import { selectAssets } from './selectAssets';

/** One rule watching one asset. */
interface Cell {
  asset: AssetState;
  /** `asset.version` when last evaluated (−1: never). */
  seen: number;
  /** Whether the condition held at the last evaluation. */
  holds: boolean;
  /** Since when it holds (or, while raised, since when it stopped holding). */
  changedAt: number;
  raised: boolean;
  /** What the condition measured when last evaluated (the value an alarm reports). */
  value: AlarmTransition['value'];
  /** Per-cell memory of conditions that need it (a counter's recent values). */
  memory: unknown;
}

interface CompiledRule {
  config: RuleConfig;
  condition: Condition;
  cells: Cell[];
}

/**
 * Evaluates a site's rules over its assets, on any clock: live telemetry calls `evaluate` a few
 * times a second with the wall clock; a replay pass calls it every second of recording time.
 * An asset whose `version` did not move is not looked at again unless a duration is running or
 * its condition depends on time (a rate). Output is the transitions of this call (raised or
 * cleared), in rule order; the returned array is reused by the next call.
 */
export interface RuleEngine {
  evaluate(now: number): readonly AlarmTransition[];
  /** Rules that watch at least one asset, and the (rule, asset) pairs watched. */
  readonly watching: { rules: number; cells: number };
  /** Forgets every condition's state (the twin was reset: a new site, a seek). */
  reset(): void;
}

export function createRuleEngine(config: TwinConfig, assets: readonly AssetState[]): RuleEngine {
  const rules: CompiledRule[] = [];
  for (const rule of config.rules) {
    const watched = selectAssets(rule.select, config, assets);
    if (watched.length === 0) continue;
    rules.push({
      config: rule,
      condition: compileCondition(rule, config),
      cells: watched.map((asset) => freshCell(asset)),
    });
  }
  const out: AlarmTransition[] = [];
  const cells = rules.reduce((n, r) => n + r.cells.length, 0);

  const transition = (
    kind: AlarmTransition['kind'],
    rule: CompiledRule,
    cell: Cell,
    now: number,
  ) => {
    out.push({
      kind,
      ruleId: rule.config.id,
      assetId: cell.asset.id,
      t: now,
      since: kind === 'raised' ? cell.changedAt : now,
      severity: rule.condition.severity(cell.asset, cell.value),
      value: cell.value,
    });
  };

  return {
    watching: { rules: rules.length, cells },
    evaluate(now) {
      out.length = 0;
      for (const rule of rules) {
        const { forMs, clearForMs } = rule.config;
        const { condition } = rule;
        for (const cell of rule.cells) {
          const asset = cell.asset;
          const changed = asset.version !== cell.seen;
          const timing = cell.holds !== cell.raised;
          if (!changed && !timing && !condition.timeDriven) continue;
          if (changed || condition.timeDriven) {
            cell.seen = asset.version;
            const armed = allHold(rule.config.while, asset.fields);
            const holds = armed && condition.holds(cell, now);
            if (!armed) condition.disarm?.(cell);
            if (holds !== cell.holds) {
              cell.holds = holds;
              cell.changedAt = now;
            }
          }
          if (cell.holds && !cell.raised && now - cell.changedAt >= forMs) {
            cell.raised = true;
            transition('raised', rule, cell, now);
            cell.changedAt = now;
          } else if (!cell.holds && cell.raised && now - cell.changedAt >= clearForMs) {
            cell.raised = false;
            transition('cleared', rule, cell, now);
            cell.changedAt = now;
          }
        }
      }
      return out;
    },
    reset() {
      for (const rule of rules) rule.cells = rule.cells.map((cell) => freshCell(cell.asset));
    },
  };
}

function freshCell(asset: AssetState): Cell {
  return {
    asset,
    seen: -1,
    holds: false,
    changedAt: 0,
    raised: false,
    value: undefined,
    memory: undefined,
  };
}

export type { Cell as RuleCell };
