import { describe, expect, it } from 'vitest';
import type { AlarmTransition } from './alarmTypes';
import { createAlarmStore, holdingAt, MAX_ALARMS } from './createAlarmStore';
import { testSite } from './testSite';

const T0 = Date.UTC(2025, 0, 6, 8);
const MIN = 60_000;

function setup() {
  const site = testSite([
    {
      id: 'qc-waiting',
      kind: 'stateTooLong',
      select: { types: ['qc'] },
      in: ['waiting'],
      forMs: 3 * MIN,
      severity: 'critical',
      message: { en: '{name} waiting for {duration} ({value})', 'zh-CN': '{name} 等待 {duration}' },
    },
    { id: 'quiet', kind: 'stale', select: { types: ['truck'] } },
  ]);
  const store = createAlarmStore({
    config: site.config,
    assets: site.assets,
    duration: (ms, locale) => `${ms / MIN} ${locale === 'en' ? 'min' : '分钟'}`,
  });
  return { store };
}

const raised = (ruleId: string, assetId: string, t: number, since = t): AlarmTransition => ({
  kind: 'raised',
  ruleId,
  assetId,
  t,
  since,
  severity: 'critical',
  value: 'waiting',
});
const cleared = (ruleId: string, assetId: string, t: number): AlarmTransition => ({
  ...raised(ruleId, assetId, t),
  kind: 'cleared',
});

describe('createAlarmStore', () => {
  it('raises an alarm with its message in every language, and clears it', () => {
    const { store } = setup();
    store.apply([raised('qc-waiting', 'QC1', T0 + 3 * MIN, T0)], T0 + 3 * MIN);
    const [alarm] = store.getState().alarms;
    expect(alarm).toMatchObject({
      id: `qc-waiting:QC1:${T0 + 3 * MIN}`,
      state: 'active',
      severity: 'critical',
      ruleKind: 'stateTooLong',
      since: T0,
      message: { en: 'QC1 waiting for 3 min (waiting)', 'zh-CN': 'QC1 等待 3 分钟' },
      detail: { field: 'status', value: 'waiting', heldMs: 3 * MIN },
    });
    store.apply([cleared('qc-waiting', 'QC1', T0 + 10 * MIN)], T0 + 10 * MIN);
    expect(store.getState().alarms[0]).toMatchObject({
      state: 'cleared',
      clearedAt: T0 + 10 * MIN,
    });
  });

  it('keeps who acknowledged an alarm and when, through its clear', () => {
    const { store } = setup();
    store.apply([raised('quiet', 'T1', T0)], T0);
    const id = store.getState().alarms[0]!.id;
    store.acknowledge(id, 'operator', T0 + MIN);
    expect(store.getState().alarms[0]).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'operator',
      acknowledgedAt: T0 + MIN,
    });
    store.acknowledge(id, 'someone else', T0 + 2 * MIN);
    expect(store.getState().alarms[0]?.acknowledgedBy).toBe('operator');
    store.apply([cleared('quiet', 'T1', T0 + 5 * MIN)], T0 + 5 * MIN);
    expect(store.getState().alarms[0]).toMatchObject({
      state: 'cleared',
      acknowledgedAt: T0 + MIN,
    });
  });

  it('shelves an alarm until a time, then shows it again if it still holds', () => {
    const { store } = setup();
    store.apply([raised('quiet', 'T1', T0)], T0);
    const id = store.getState().alarms[0]!.id;
    store.shelve(id, T0 + 30 * MIN, 'operator');
    store.apply([], T0 + 29 * MIN);
    expect(store.getState().alarms[0]?.state).toBe('shelved');
    store.apply([], T0 + 30 * MIN);
    expect(store.getState().alarms[0]?.state).toBe('active');
  });

  it('raises the same rule again for the same asset as a new alarm', () => {
    const { store } = setup();
    store.apply([raised('quiet', 'T1', T0), cleared('quiet', 'T1', T0 + MIN)], T0 + MIN);
    store.apply([raised('quiet', 'T1', T0 + 2 * MIN)], T0 + 2 * MIN);
    const alarms = store.getState().alarms;
    expect(alarms.map((a) => a.state)).toEqual(['cleared', 'active']);
    expect(holdingAt(alarms, T0 + 30_000).map((a) => a.raisedAt)).toEqual([T0]);
    expect(holdingAt(alarms, T0 + 90_000)).toEqual([]);
  });

  it('keeps at most MAX_ALARMS, dropping the oldest cleared ones and never an active one', () => {
    const { store } = setup();
    store.apply([raised('qc-waiting', 'QC1', T0 - 1)], T0);
    const flaps: AlarmTransition[] = [];
    for (let k = 0; k < MAX_ALARMS + 10; k++)
      flaps.push(raised('quiet', 'T1', T0 + 2 * k), cleared('quiet', 'T1', T0 + 2 * k + 1));
    store.apply(flaps, T0 + 1e6);
    const alarms = store.getState().alarms;
    expect(alarms).toHaveLength(MAX_ALARMS);
    expect(alarms[0]?.assetId).toBe('QC1');
    expect(alarms.at(-1)?.raisedAt).toBe(T0 + 2 * (MAX_ALARMS + 9));
  });
});
