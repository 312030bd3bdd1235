/**
 * How a preview runs a plan: as planned (no breakdowns, no radio losses — a plan is judged on its
 * own, and a preview must say the same thing twice), moving assets sampled every 2 s instead of
 * the gateways' 0.5 s (the same run, a third of the messages; the player glides between samples),
 * until the work is done and ten minutes more, or a day at most.
 */
export const PREVIEW_SETTINGS = {
  disruptions: false,
  radio: false,
  movingSampleMs: 2000,
  stopAfterWorkMs: 10 * 60_000,
  maxHours: 24,
  /** A factory plan is a shift's: its orders rarely end within it. */
  factoryHours: 8,
  /** From the live state: the next hours, "if we go on like this". */
  fromLiveHours: 2,
} as const;

/** The plan id of a preview from the live state (the Plans panel, `preview('live')`). */
export const LIVE_PLAN_ID = 'live';
