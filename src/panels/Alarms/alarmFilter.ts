import type { Alarm } from '../../diagnostics/alarmTypes';
import type { SeverityLevel } from '../../config/rules';

/** What the alarm list shows: open alarms or all, of a severity or any, matching a search. */
export interface AlarmFilter {
  show: 'open' | 'all';
  severity: SeverityLevel | 'any';
  search: string;
}

const RANK: Record<SeverityLevel, number> = { critical: 0, warning: 1, info: 2 };

/**
 * The alarms a filter lets through, in the order people work them: open ones first (the worst
 * first, then the newest), then history, newest first. `text` gives what an alarm says.
 */
export function filterAlarms(
  alarms: readonly Alarm[],
  filter: AlarmFilter,
  text: (alarm: Alarm) => string,
  assetName: (id: string) => string,
): Alarm[] {
  const needle = filter.search.trim().toLowerCase();
  const open = (a: Alarm) => a.state !== 'cleared';
  return alarms
    .filter(
      (a) =>
        (filter.show === 'all' || open(a)) &&
        (filter.severity === 'any' || a.severity === filter.severity) &&
        (needle === '' ||
          a.assetId.toLowerCase().includes(needle) ||
          assetName(a.assetId).toLowerCase().includes(needle) ||
          text(a).toLowerCase().includes(needle)),
    )
    .sort(
      (a, b) =>
        Number(open(b)) - Number(open(a)) ||
        (open(a) ? RANK[a.severity] - RANK[b.severity] : 0) ||
        b.raisedAt - a.raisedAt,
    );
}
