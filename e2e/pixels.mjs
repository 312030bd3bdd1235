import { PNG } from 'pngjs';

/**
 * At or below this luminance variance (0–255 scale) the canvas counts as blank. Measured at
 * 640×360: a site with no assets scores 0 (one clear colour); two 4 m boxes (dropped-site.json)
 * score about 340, the bundled terminal about 1,200 and the factory about 4,700. 100 sits well
 * clear of both sides, and e2e/blankCanvas.e2e.mjs checks the low side stays true.
 */
export const BLANK_CANVAS_VARIANCE = 100;

/** Hides every element but the canvas, so overlays (toolbar, panels) do not count as drawing. */
const CANVAS_ONLY_CSS =
  'body * { visibility: hidden !important; } canvas { visibility: visible !important; }';

/**
 * The page's 3D canvas as it appears on screen, without the overlays above it, decoded to RGBA.
 * A screenshot rather than `toDataURL`: a WebGL canvas without preserveDrawingBuffer reads
 * back empty.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<PNG>}
 */
export async function canvasImage(page) {
  const style = await page.addStyleTag({ content: CANVAS_ONLY_CSS });
  try {
    return PNG.sync.read(await page.locator('canvas').first().screenshot());
  } finally {
    await style.evaluate((element) => element.remove());
  }
}

/** Luminance variance of a decoded RGBA image (Rec. 709 weights, 0–255 scale). */
export function luminanceVariance({ data, width, height }) {
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < data.length; i += 4) {
    const luminance = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    sum += luminance;
    sumOfSquares += luminance * luminance;
  }
  const count = width * height;
  const mean = sum / count;
  return sumOfSquares / count - mean * mean;
}

/** Saturated orange: the colour of e2e/fixtures/box.glb, absent from the app's own chrome. */
export const isOrange = (r, g, b) => r > g + 60 && g > b + 20;

/** Number of pixels of a decoded RGBA image for which `matches(r, g, b)` holds. */
export function countPixels({ data }, matches) {
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (matches(data[i], data[i + 1], data[i + 2])) count += 1;
  }
  return count;
}
