/** How often live rules look at the twin: alarms within half a second, at human speed. */
export const LIVE_RULES_EVERY_MS = 500;
