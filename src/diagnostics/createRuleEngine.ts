import type { RuleConfig } from '../config/rules';
import type { TwinConfig } from '../config/schema';
import type { AssetState } from '../twin/assetState';
import type { AlarmTransition } from './alarmTypes';
import { allHold } from './fieldTests';
import { compileCondition, type Condition, type ConditionContext } from './conditions';
import { selectAssets } from './selectAssets';

/** Whether a condition holds, since when, and whether it has raised: what durations run on. */
interface Timer {
  holds: boolean;
  /** Since when it holds (or, while raised, since when it stopped holding). */
  changedAt: number;
  raised: boolean;
}

/** One rule watching one asset. */
interface Cell extends Timer {
  asset: AssetState;
  /** `asset.version` when last evaluated (−1: never). */
  seen: number;
  /** What the condition measured when last evaluated (the value an alarm reports). */
  value: AlarmTransition['value'];
  /** Per-cell memory of conditions that need it (a counter's recent values). */
  memory: unknown;
}

/** A rule with `groupBy`: one timer per group, holding while any of its assets holds. */
interface Group extends Timer {
  /** The asset an alarm of the group names: the first (in config order) holding when it raised. */
  representative: Cell | null;
  /** Scratch of each evaluation: the first member found holding. */
  first: Cell | null;
}

interface CompiledRule {
  config: RuleConfig;
  condition: Condition;
  cells: Cell[];
  groups: Map<string, Group> | null;
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

export function createRuleEngine(
  config: TwinConfig,
  assets: readonly AssetState[],
  context: ConditionContext = {},
): RuleEngine {
  const rules: CompiledRule[] = [];
  for (const rule of config.rules) {
    const watched = selectAssets(rule.select, config, assets);
    if (watched.length === 0) continue;
    rules.push({
      config: rule,
      condition: compileCondition(rule, config, context),
      cells: watched.map((asset) => freshCell(asset)),
      groups: rule.groupBy === undefined ? null : new Map(),
    });
  }
  const out: AlarmTransition[] = [];
  const cells = rules.reduce((n, r) => n + r.cells.length, 0);

  const transition = (
    kind: AlarmTransition['kind'],
    rule: CompiledRule,
    cell: Cell,
    since: number,
    now: number,
  ) => {
    out.push({
      kind,
      ruleId: rule.config.id,
      assetId: cell.asset.id,
      t: now,
      since,
      severity: rule.condition.severity(cell.asset, cell.value),
      value: cell.value,
    });
  };

  /** Moves a timer on to `now`; the transition it makes, if any. */
  const advance = (timer: Timer, rule: RuleConfig, now: number): 'raised' | 'cleared' | null => {
    if (timer.holds && !timer.raised && now - timer.changedAt >= rule.forMs) {
      timer.raised = true;
      return 'raised';
    }
    if (!timer.holds && timer.raised && now - timer.changedAt >= rule.clearForMs) {
      timer.raised = false;
      return 'cleared';
    }
    return null;
  };
  const hold = (timer: Timer, holds: boolean, now: number) => {
    if (holds === timer.holds) return;
    timer.holds = holds;
    timer.changedAt = now;
  };

  /** Re-evaluates a cell's condition when its asset changed (or the condition runs on time). */
  const look = (rule: CompiledRule, cell: Cell, now: number): void => {
    const asset = cell.asset;
    if (asset.version === cell.seen && !rule.condition.timeDriven) return;
    cell.seen = asset.version;
    const armed = allHold(rule.config.while, asset.fields);
    if (!armed) rule.condition.disarm?.(cell);
    hold(cell, armed && rule.condition.holds(cell, now), now);
  };

  const evaluateCells = (rule: CompiledRule, now: number) => {
    for (const cell of rule.cells) {
      // Nothing changed and no duration is running: nothing to do for this pair.
      if (
        cell.asset.version === cell.seen &&
        cell.holds === cell.raised &&
        !rule.condition.timeDriven
      )
        continue;
      look(rule, cell, now);
      const since = cell.changedAt;
      const step = advance(cell, rule.config, now);
      if (step === null) continue;
      transition(step, rule, cell, step === 'raised' ? since : now, now);
      cell.changedAt = now;
    }
  };

  const evaluateGroups = (rule: CompiledRule, groups: Map<string, Group>, now: number) => {
    const field = rule.config.groupBy as string;
    for (const group of groups.values()) group.first = null;
    for (const cell of rule.cells) {
      look(rule, cell, now);
      if (!cell.holds) continue;
      const key = String(cell.asset.fields[field] ?? '');
      let group = groups.get(key);
      if (!group) {
        group = { holds: false, changedAt: now, raised: false, representative: null, first: null };
        groups.set(key, group);
      }
      group.first ??= cell;
    }
    for (const group of groups.values()) {
      hold(group, group.first !== null, now);
      const since = group.changedAt;
      const step = advance(group, rule.config, now);
      if (step === 'raised') group.representative = group.first;
      const named = group.representative;
      if (step === null || !named) continue;
      transition(step, rule, named, step === 'raised' ? since : now, now);
      group.changedAt = now;
      if (step === 'cleared') group.representative = null;
    }
  };

  return {
    watching: { rules: rules.length, cells },
    evaluate(now) {
      out.length = 0;
      for (const rule of rules) {
        if (rule.groups) evaluateGroups(rule, rule.groups, now);
        else evaluateCells(rule, now);
      }
      return out;
    },
    reset() {
      for (const rule of rules) {
        rule.cells = rule.cells.map((cell) => freshCell(cell.asset));
        rule.groups?.clear();
      }
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
