import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../diagnostics/alarmTypes';
import { filterAlarms } from './alarmFilter';

const alarm = (id: string, partial: Partial<Alarm>): Alarm => ({
  id,
  ruleId: 'r',
  ruleKind: 'fault',
  assetId: id,
  severity: 'warning',
  state: 'active',
  raisedAt: 0,
  since: 0,
  message: null,
  detail: { heldMs: 0 },
  hints: [],
  ...partial,
});

describe('filterAlarms', () => {
  const alarms = [
    alarm('QC1', { severity: 'warning', raisedAt: 3 }),
    alarm('QC2', { severity: 'critical', raisedAt: 1 }),
    alarm('T1', { state: 'cleared', raisedAt: 5, clearedAt: 6 }),
    alarm('T2', { state: 'acknowledged', severity: 'info', raisedAt: 4 }),
  ];
  const text = (a: Alarm) => `fault at ${a.assetId}`;
  const name = (id: string) => (id === 'QC2' ? 'Crane two' : id);

  it('puts open alarms first, the worst first, then history newest first', () => {
    const all = filterAlarms(alarms, { show: 'all', severity: 'any', search: '' }, text, name);
    expect(all.map((a) => a.id)).toEqual(['QC2', 'QC1', 'T2', 'T1']);
  });

  it('hides history, other severities and what does not match the search', () => {
    const open = filterAlarms(alarms, { show: 'open', severity: 'any', search: '' }, text, name);
    expect(open.map((a) => a.id)).toEqual(['QC2', 'QC1', 'T2']);
    const critical = filterAlarms(
      alarms,
      { show: 'all', severity: 'critical', search: '' },
      text,
      name,
    );
    expect(critical.map((a) => a.id)).toEqual(['QC2']);
    const byName = filterAlarms(
      alarms,
      { show: 'all', severity: 'any', search: 'crane TWO' },
      text,
      name,
    );
    expect(byName.map((a) => a.id)).toEqual(['QC2']);
  });
});
