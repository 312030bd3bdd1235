/** Timing flags of docs/targets.md: frames as fast as they can go, nothing throttled. */
export const BENCH_ARGS = [
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync',
  '--enable-precise-memory-info',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
];

/**
 * Frames at the display's rate (60 Hz), not as fast as they can go: with drawing skipped
 * (`?draw=off`) each frame then carries one display interval of telemetry, as it would on a GPU
 * that draws the full-scale site within the frame.
 */
export const CADENCE_ARGS = [
  '--enable-precise-memory-info',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
];
