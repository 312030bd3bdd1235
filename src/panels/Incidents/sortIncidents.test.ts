import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../diagnostics/alarmTypes';
import { sortIncidents } from './sortIncidents';

const alarm = (
  id: string,
  since: number,
  clearedAt: number | undefined,
  severity: Alarm['severity'],
) =>
  ({
    id,
    ruleId: 'r',
    ruleKind: 'fault',
    assetId: id,
    severity,
    state: clearedAt === undefined ? 'active' : 'cleared',
    raisedAt: since,
    since,
    clearedAt,
    message: null,
    detail: { heldMs: 0 },
    hints: [],
  }) as Alarm;

describe('sortIncidents', () => {
  const list = [
    alarm('a', 30, 40, 'warning'),
    alarm('b', 10, 50, 'info'),
    alarm('c', 20, 25, 'critical'),
    alarm('d', 90, undefined, 'warning'),
  ];
  it('orders by time, by severity, and by how long each lasted', () => {
    expect(sortIncidents(list, 'time', 100).map((a) => a.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortIncidents(list, 'severity', 100).map((a) => a.id)).toEqual(['c', 'a', 'd', 'b']);
    // d never cleared: it lasted to the end of the recording.
    expect(sortIncidents(list, 'duration', 100).map((a) => a.id)).toEqual(['b', 'a', 'd', 'c']);
  });
});
