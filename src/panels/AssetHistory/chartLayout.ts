/** Fixed sizes of the stacked charts, in CSS pixels. */
export const CHART_LAYOUT = {
  /** Legend line above each chart. */
  legend: 18,
  /** Height of one state lane's band. */
  lane: 16,
  /** Time axis under the last chart. */
  axis: 22,
  /** Space above and below each plot. */
  padding: 4,
  /** Numeric plots never get shorter than this; the stack scrolls instead. */
  minPlot: 36,
  /** Nor taller than this, so two fields on a tall screen do not become two walls. */
  maxPlot: 160,
  /** Width of every y axis, so all plots line up on the time axis. */
  yAxis: 44,
} as const;

/** uPlot heights (plot plus axis, without the legend line) for each kind of chart. */
export interface ChartHeights {
  numeric: number;
  lane: number;
  /** Added to whichever chart is last, which carries the time axis. */
  axis: number;
}

/**
 * Shares the panel body's height between `numericCount` charts and `laneCount` state lanes:
 * lanes are fixed, numeric charts split the rest within `[minPlot, maxPlot]`.
 */
export function chartHeights(
  bodyHeight: number,
  numericCount: number,
  laneCount: number,
): ChartHeights {
  const { legend, lane, axis, padding, minPlot, maxPlot } = CHART_LAYOUT;
  const laneHeight = lane + 2 * padding;
  const result = { numeric: 0, lane: laneHeight, axis };
  if (numericCount <= 0) return result;
  const fixed = (numericCount + laneCount) * legend + laneCount * laneHeight + axis;
  const perChart = (Math.max(0, bodyHeight) - fixed) / numericCount - 2 * padding;
  const plot = Math.min(maxPlot, Math.max(minPlot, Math.floor(perChart)));
  result.numeric = plot + 2 * padding;
  return result;
}
