/**
 * Makes every animation frame wait until the GPU has finished the frame before it.
 *
 * With the frame-rate limit and vsync off (docs/targets.md), headless Chromium runs
 * requestAnimationFrame without waiting for SwiftShader: measured here, a page of 50k instanced
 * boxes ran rAF every 0.4 ms while each frame took the GPU 600 ms, so work queued without bound
 * and every later step of the run waited behind it. Reading back one pixel is a round trip that
 * waits for all queued GL work, so with it each rAF interval holds exactly one frame's cost, CPU
 * and GPU — what a real display's backpressure would give.
 *
 * Only frames that drew wait: a context that is made early and idles (the app makes its canvas
 * while a site loads) would otherwise be read back in a tight loop, a GPU round trip per
 * unthrottled rAF, taking the CPU the page is loading with.
 *
 * Runs in the page before the page's own scripts: installed with `context.addInitScript`.
 */
export function waitForGpuEachFrame() {
  const contexts = [];
  const drew = new Set();
  const DRAWS = [
    'clear',
    'drawArrays',
    'drawElements',
    'drawArraysInstanced',
    'drawElementsInstanced',
  ];
  const getContext = window.HTMLCanvasElement.prototype.getContext;
  window.HTMLCanvasElement.prototype.getContext = function (type, ...options) {
    const context = getContext.call(this, type, ...options);
    if (context && String(type).startsWith('webgl') && !contexts.includes(context)) {
      contexts.push(context);
      for (const name of DRAWS) {
        const draw = context[name];
        if (typeof draw !== 'function') continue;
        context[name] = function (...args) {
          drew.add(context);
          return draw.apply(context, args);
        };
      }
    }
    return context;
  };
  const pixel = new Uint8Array(4);
  const sync = () => {
    for (const gl of contexts) {
      if (!drew.delete(gl)) continue;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    }
    window.requestAnimationFrame(sync);
  };
  window.requestAnimationFrame(sync);
}
