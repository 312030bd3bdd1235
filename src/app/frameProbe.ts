import { addAfterEffect, addEffect } from '@react-three/fiber';
import { SampleRing } from '../lib/sampleRing';

const FRAMES = 600;
const LATENCIES = 4096;

/**
 * Measures the page's own work per frame — all JavaScript between the frame's first effect and
 * the end of its render call — and publish-to-pixel latency: for every sample applied, the time
 * from its source timestamp to the end of the frame that draws it. `npm run bench` reads both
 * through `twindeck.stats()`.
 */
export function createFrameProbe() {
  const frameJs = new SampleRing(FRAMES);
  const updateJs = new SampleRing(FRAMES);
  const latency = new SampleRing(LATENCIES);
  const pending = new Float64Array(LATENCIES);
  let pendingCount = 0;
  let start = 0;
  let updated = false;
  const removeStart = addEffect(() => {
    start = performance.now();
    updated = false;
  });
  const removeEnd = addAfterEffect(() => {
    frameJs.push(performance.now() - start);
    if (pendingCount > 0) {
      const now = Date.now();
      for (let i = 0; i < pendingCount; i++) latency.push(now - (pending[i] ?? now));
      pendingCount = 0;
    }
  });
  return {
    /**
     * Called as the frame's render begins (the scene's onBeforeRender): what came before is the
     * app's own update work — telemetry, poses, instance matrices — without the WebGL calls,
     * which under a software GPU block on rasterisation.
     */
    renderStarts() {
      if (updated) return;
      updated = true;
      updateJs.push(performance.now() - start);
    },
    /** A sample with this source time (ms epoch) was applied in the current frame. */
    applied(sourceTime: number) {
      if (pendingCount < pending.length) pending[pendingCount++] = sourceTime;
    },
    figures() {
      return {
        frameJsMsP50: frameJs.percentile(0.5),
        frameJsMsP95: frameJs.percentile(0.95),
        updateJsMsP50: updateJs.percentile(0.5),
        updateJsMsP95: updateJs.percentile(0.95),
        latencyMsP50: latency.percentile(0.5),
        latencyMsP95: latency.percentile(0.95),
      };
    },
    reset() {
      frameJs.clear();
      updateJs.clear();
      latency.clear();
    },
    dispose() {
      removeStart();
      removeEnd();
    },
  };
}

export type FrameProbe = ReturnType<typeof createFrameProbe>;
