import { countAtOrBefore } from '../../lib/sortedSearch';
import type { GhostSource } from '../../scene/GhostLayer';
import type { PlannedRun } from './plannedRun';

/** Ghost colours by minutes behind the plan: ahead, on plan, behind, far behind. */
export const GHOST_COLORS = { ahead: 0x4da3ff, onPlan: 0x3ddc84, behind: 0xffb020, late: 0xff4d4d };
/** Within this of the plan counts as on it, min. */
const ON_PLAN_MINUTES = 2;
/** Behind by this much or more is late, min. */
const LATE_MINUTES = 10;
/** Colours are looked at this often (wall time): deviations move by the minute. */
const RECOLOR_MS = 500;

export function ghostColor(behindMinutes: number | undefined): number {
  if (behindMinutes === undefined || Math.abs(behindMinutes) < ON_PLAN_MINUTES)
    return GHOST_COLORS.onPlan;
  if (behindMinutes < 0) return GHOST_COLORS.ahead;
  return behindMinutes >= LATE_MINUTES ? GHOST_COLORS.late : GHOST_COLORS.behind;
}

/**
 * The planned run's moving assets as ghosts at the clock's time: positions between samples
 * interpolated (heading the short way round), before the first sample where it first stood,
 * after the last where it stopped. Colours from `behindMinutes` (an asset's own planned work,
 * else the site's), refreshed twice a second.
 */
export function createGhostSource(
  run: PlannedRun,
  clock: () => number,
  behindMinutes: (assetId: string, t: number) => number | undefined,
): GhostSource {
  const ids = run.tracks.map((track) => track.assetId);
  const colors = new Uint32Array(ids.length).fill(GHOST_COLORS.onPlan);
  let version = 0;
  let coloredAt = -Infinity;
  return {
    ids,
    poseAt(i, out) {
      const track = run.tracks[i];
      if (!track) return false;
      const t = clock();
      // The last sample at or before `t` (the first, before it).
      const k = Math.max(0, countAtOrBefore(track.t, t) - 1);
      const next = Math.min(k + 1, track.t.length - 1);
      const t0 = track.t[k] as number;
      const t1 = track.t[next] as number;
      const f = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 0;
      const a = k * 4;
      const b = next * 4;
      const p = track.pose;
      out[0] = (p[a] as number) + ((p[b] as number) - (p[a] as number)) * f;
      out[1] = (p[a + 1] as number) + ((p[b + 1] as number) - (p[a + 1] as number)) * f;
      out[2] = (p[a + 2] as number) + ((p[b + 2] as number) - (p[a + 2] as number)) * f;
      const turn = (((((p[b + 3] as number) - (p[a + 3] as number)) % 360) + 540) % 360) - 180;
      out[3] = (p[a + 3] as number) + turn * f;
      return true;
    },
    colorOf: (i) => colors[i] ?? GHOST_COLORS.onPlan,
    version() {
      const now = performance.now();
      if (now - coloredAt >= RECOLOR_MS) {
        coloredAt = now;
        const t = clock();
        let changed = false;
        for (let i = 0; i < ids.length; i++) {
          const c = ghostColor(behindMinutes(ids[i] as string, t));
          if (c !== colors[i]) {
            colors[i] = c;
            changed = true;
          }
        }
        if (changed) version++;
      }
      return version;
    },
  };
}
