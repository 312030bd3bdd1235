import type { Alarm } from '../../diagnostics/alarmTypes';

/** How the incident list is ordered. */
export type IncidentOrder = 'time' | 'severity' | 'duration';

const RANK = { critical: 0, warning: 1, info: 2 } as const;

/** How long an incident lasted (to `end` of the recording when it never cleared), ms. */
export const incidentDuration = (a: Alarm, end: number) => (a.clearedAt ?? end) - a.since;

/** The incidents in the chosen order: by time, worst first, or longest first (ties by time). */
export function sortIncidents(
  alarms: readonly Alarm[],
  order: IncidentOrder,
  end: number,
): Alarm[] {
  const byTime = (a: Alarm, b: Alarm) => a.since - b.since || a.id.localeCompare(b.id);
  const list = [...alarms];
  if (order === 'time') return list.sort(byTime);
  if (order === 'severity')
    return list.sort((a, b) => RANK[a.severity] - RANK[b.severity] || byTime(a, b));
  return list.sort((a, b) => incidentDuration(b, end) - incidentDuration(a, end) || byTime(a, b));
}
