import { describe, expect, it } from 'vitest';
import { CHART_LAYOUT, chartHeights } from './chartLayout';

const { legend, lane, axis, padding, minPlot, maxPlot } = CHART_LAYOUT;

/** Height the stack takes with these chart heights. */
function total(bodyHeight: number, numeric: number, lanes: number): number {
  const h = chartHeights(bodyHeight, numeric, lanes);
  return (numeric + lanes) * legend + numeric * h.numeric + lanes * h.lane + h.axis;
}

describe('chartHeights', () => {
  it('fills the body when there is room', () => {
    expect(total(400, 2, 1)).toBeLessThanOrEqual(400);
    expect(total(400, 2, 1)).toBeGreaterThan(400 - 2);
  });
  it('keeps numeric plots readable on a small screen, so the stack scrolls', () => {
    const h = chartHeights(120, 3, 2);
    expect(h.numeric).toBe(minPlot + 2 * padding);
    expect(h.lane).toBe(lane + 2 * padding);
    expect(h.axis).toBe(axis);
  });
  it('caps numeric plots on a tall screen', () => {
    expect(chartHeights(2000, 1, 0).numeric).toBe(maxPlot + 2 * padding);
  });
  it('needs no numeric height when there are only lanes', () => {
    expect(chartHeights(300, 0, 2).numeric).toBe(0);
  });
});
