import { addAfterEffect, addEffect } from '@react-three/fiber';
import { SampleRing } from '../lib/sampleRing';

const FRAMES = 600;
/**
 * Latencies kept: at the full-scale load a 60 Hz frame applies ~120 samples, so this covers
 * about 9 s — a whole bench run, as the bare page's 1-in-64 sample does, not only its end.
 */
const LATENCIES = 65_536;
/** Samples applied in one frame whose latency is taken (a drawn software frame folds ~10k). */
const PER_FRAME = 16_384;

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
  const appLatency = new SampleRing(LATENCIES);
  const frameInterval = new SampleRing(FRAMES);
  const pending = new Float64Array(PER_FRAME);
  const pendingReceive = new Float64Array(PER_FRAME);
  let pendingCount = 0;
  let start = 0;
  let lastStart = 0;
  let updated = false;
  const removeStart = addEffect(() => {
    start = performance.now();
    if (lastStart > 0) frameInterval.push(start - lastStart);
    lastStart = start;
    updated = false;
  });
  const removeEnd = addAfterEffect(() => {
    // A frame that drew nothing (`?draw=off`) was update work only.
    if (!updated) updateJs.push(performance.now() - start);
    frameJs.push(performance.now() - start);
    if (pendingCount > 0) {
      const now = Date.now();
      for (let i = 0; i < pendingCount; i++) {
        latency.push(now - (pending[i] ?? now));
        appLatency.push(now - (pendingReceive[i] ?? now));
      }
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
    /** A sample with these source and receive times (ms epoch) was applied in this frame. */
    applied(sourceTime: number, receiveTime: number) {
      if (pendingCount >= pending.length) return;
      pending[pendingCount] = sourceTime;
      pendingReceive[pendingCount++] = receiveTime;
    },
    figures() {
      return {
        frameJsMsP50: frameJs.percentile(0.5),
        frameJsMsP95: frameJs.percentile(0.95),
        updateJsMsP50: updateJs.percentile(0.5),
        updateJsMsP95: updateJs.percentile(0.95),
        latencyMsP50: latency.percentile(0.5),
        latencyMsP95: latency.percentile(0.95),
        /** The app's own share: from the ingest worker receiving a message to the frame's end. */
        appLatencyMsP50: appLatency.percentile(0.5),
        appLatencyMsP95: appLatency.percentile(0.95),
        frameIntervalMsP50: frameInterval.percentile(0.5),
        frameIntervalMsP95: frameInterval.percentile(0.95),
      };
    },
    reset() {
      frameJs.clear();
      updateJs.clear();
      latency.clear();
      appLatency.clear();
      frameInterval.clear();
      lastStart = 0;
    },
    dispose() {
      removeStart();
      removeEnd();
    },
  };
}

export type FrameProbe = ReturnType<typeof createFrameProbe>;
