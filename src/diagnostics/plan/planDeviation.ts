import { countAtOrBefore } from '../../lib/sortedSearch';

/**
 * How far reality is behind its plan at `t`, ms (negative: ahead), from when the plan finished
 * each unit of work (sorted) and how many units reality has finished by `t`:
 * - behind: the plan finished the unit reality is working on at `planned[done]`, that long ago;
 * - level (as many done as planned by now): 0;
 * - ahead: the plan only finishes reality's last unit at `planned[done − 1]`, that far ahead.
 */
export function behindPlanMs(planned: ArrayLike<number>, done: number, t: number): number {
  if (planned.length === 0) return 0;
  const plannedByNow = countAtOrBefore(planned, t);
  if (done === plannedByNow) return 0;
  if (done < plannedByNow) return t - (planned[done] as number);
  return t - (planned[Math.min(done, planned.length) - 1] as number);
}

export { countAtOrBefore };
