import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RuleConfig } from '../config/rules';
import type { TwinConfig } from '../config/schema';
import type { AssetState } from '../twin/assetState';
import type { Alarm, AlarmTransition } from './alarmTypes';
import { compileCondition, type Condition } from './conditions';
import { renderLocalized, type DurationFormatter } from './messageTemplate';
import { createHintFinder } from './rootCause';

/** Alarms kept (active ones and history); the oldest cleared ones go first. */
export const MAX_ALARMS = 2000;

/** What panels subscribe to: changes at human speed (a raise, a clear, an acknowledgement). */
export interface AlarmStoreState {
  /** Every alarm kept, oldest raise first. Replaced (not mutated) on every change. */
  alarms: readonly Alarm[];
}

export interface AlarmStore extends StoreApi<AlarmStoreState> {
  /** Takes a rule engine's transitions: new alarms, cleared ones, expired shelving. */
  apply(transitions: readonly AlarmTransition[], now: number): void;
  /** Someone has seen it: `by` is who (a name, or "operator"), `now` when. */
  acknowledge(id: string, by: string, now: number): void;
  /** Hides a raised alarm until `until` (ms epoch); it returns then if it still holds. */
  shelve(id: string, until: number, by: string): void;
  unshelve(id: string): void;
  /** Replaces every alarm (a replay shows the alarms of the recording at its clock). */
  replace(alarms: readonly Alarm[]): void;
  /** Forgets every alarm (another site, another recording). */
  clear(): void;
}

interface AlarmStoreOptions {
  config: TwinConfig;
  /** The twin's assets (their state when an alarm raises gives its message and its hints). */
  assets: readonly AssetState[];
  duration: DurationFormatter;
}

/**
 * The alarms of one site: raised and cleared by a rule engine, acknowledged and shelved by
 * people. A vanilla store (React reads it through `useStore`); the same alarm has the same id
 * whether it was raised live or found in a recording.
 */
export function createAlarmStore({ config, assets, duration }: AlarmStoreOptions): AlarmStore {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const asset = (id: string) => byId.get(id);
  const hints = createHintFinder(config, assets);
  const rules = new Map<string, { rule: RuleConfig; condition: Condition }>(
    config.rules.map((rule) => [rule.id, { rule, condition: compileCondition(rule, config) }]),
  );
  /** Raised alarm per (rule, asset): the one a clear closes. */
  const open = new Map<string, string>();
  const store = createStore<AlarmStoreState>()(() => ({ alarms: [] }));

  const update = (changes: Map<string, Alarm>, added: Alarm[]) => {
    let alarms = store.getState().alarms.map((a) => changes.get(a.id) ?? a);
    if (added.length > 0) alarms = alarms.concat(added);
    if (alarms.length > MAX_ALARMS) alarms = trim(alarms);
    store.setState({ alarms });
  };

  const raise = (t: AlarmTransition): Alarm | null => {
    const entry = rules.get(t.ruleId);
    if (!entry) return null;
    const { rule, condition } = entry;
    const a = asset(t.assetId);
    const heldMs = t.t - t.since;
    const limit = a ? condition.limit(a) : undefined;
    const message = rule.message
      ? renderLocalized(
          rule.message,
          {
            id: t.assetId,
            name: a?.name ?? t.assetId,
            zone: a?.zone,
            field: condition.field,
            value: t.value,
            limit,
            heldMs,
            fields: a?.fields ?? {},
          },
          duration,
        )
      : null;
    const id = `${t.ruleId}:${t.assetId}:${t.t}`;
    return {
      id,
      ruleId: t.ruleId,
      ruleKind: rule.kind,
      assetId: t.assetId,
      severity: t.severity,
      state: 'active',
      raisedAt: t.t,
      since: t.since,
      message,
      detail: {
        ...(condition.field !== undefined && { field: condition.field }),
        ...(t.value !== undefined && { value: t.value }),
        ...(limit !== undefined && { limit }),
        heldMs,
      },
      hints:
        a && rule.hints.length > 0
          ? hints.find(rule.hints, a, { id, since: t.since, raisedAt: t.t, ruleId: t.ruleId }, [
              ...store.getState().alarms,
              ...pending,
            ])
          : [],
    };
  };
  /** Alarms raised earlier in the same `apply` (not in the store yet), for hints. */
  let pending: Alarm[] = [];

  const alarmStore = Object.assign(store, {
    apply(transitions: readonly AlarmTransition[], now: number) {
      const changes = new Map<string, Alarm>();
      const added: Alarm[] = [];
      pending = added;
      const current = (id: string) =>
        changes.get(id) ??
        added.find((a) => a.id === id) ??
        store.getState().alarms.find((a) => a.id === id);
      for (const t of transitions) {
        const key = `${t.ruleId}\n${t.assetId}`;
        if (t.kind === 'raised') {
          const alarm = raise(t);
          if (!alarm) continue;
          open.set(key, alarm.id);
          added.push(alarm);
          continue;
        }
        const id = open.get(key);
        if (id === undefined) continue;
        open.delete(key);
        const alarm = current(id);
        if (!alarm) continue;
        const cleared: Alarm = { ...alarm, state: 'cleared', clearedAt: t.t };
        const at = added.indexOf(alarm);
        if (at >= 0) added[at] = cleared;
        else changes.set(id, cleared);
      }
      // Shelving ends on its own.
      for (const a of store.getState().alarms) {
        if (a.state === 'shelved' && a.shelvedUntil !== undefined && a.shelvedUntil <= now) {
          const base = changes.get(a.id) ?? a;
          if (base.state === 'shelved')
            changes.set(a.id, {
              ...base,
              state: a.acknowledgedAt !== undefined ? 'acknowledged' : 'active',
            });
        }
      }
      if (changes.size > 0 || added.length > 0) update(changes, added);
    },
    acknowledge(id: string, by: string, now: number) {
      const alarm = store.getState().alarms.find((a) => a.id === id);
      if (!alarm || alarm.acknowledgedAt !== undefined) return;
      const state = alarm.state === 'active' ? 'acknowledged' : alarm.state;
      update(new Map([[id, { ...alarm, state, acknowledgedAt: now, acknowledgedBy: by }]]), []);
    },
    shelve(id: string, until: number, by: string) {
      const alarm = store.getState().alarms.find((a) => a.id === id);
      if (!alarm || alarm.state === 'cleared') return;
      update(
        new Map([[id, { ...alarm, state: 'shelved', shelvedUntil: until, shelvedBy: by }]]),
        [],
      );
    },
    unshelve(id: string) {
      const alarm = store.getState().alarms.find((a) => a.id === id);
      if (!alarm || alarm.state !== 'shelved') return;
      const state = alarm.acknowledgedAt !== undefined ? 'acknowledged' : 'active';
      update(new Map([[id, { ...alarm, state, shelvedUntil: undefined }]]), []);
    },
    replace(alarms: readonly Alarm[]) {
      open.clear();
      for (const a of alarms)
        if (a.clearedAt === undefined) open.set(`${a.ruleId}\n${a.assetId}`, a.id);
      store.setState({ alarms: alarms.length > MAX_ALARMS ? trim(alarms) : alarms });
    },
    clear() {
      open.clear();
      store.setState({ alarms: [] });
    },
  });
  return alarmStore;
}

/** The newest MAX_ALARMS, keeping every alarm that has not cleared. */
function trim(alarms: readonly Alarm[]): Alarm[] {
  let drop = alarms.length - MAX_ALARMS;
  return alarms.filter((a) => {
    if (drop > 0 && a.state === 'cleared') {
      drop--;
      return false;
    }
    return true;
  });
}

/** Alarms that still hold at `t` (raised at or before it, not cleared by then). */
export function holdingAt(alarms: readonly Alarm[], t: number): Alarm[] {
  return alarms.filter((a) => a.raisedAt <= t && (a.clearedAt === undefined || a.clearedAt > t));
}
