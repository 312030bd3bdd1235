import uPlot from 'uplot';
import { CHART_LAYOUT } from './chartLayout';
import { safeTimeZone } from './formatHistory';
import type { NumericChart, StateLane } from './historyModel';
import { indexAtOrBefore } from './historyWindow';

/** Colours of the app's dark theme (src/app/styles.css), for the canvas, which cannot read CSS variables. */
const MUTED = '#8da2b8';
const GRID = '#26384c';
const TEXT = '#e6edf5';
const FONT_FAMILY = "system-ui, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const FONT = `11px ${FONT_FAMILY}`;

/** What every chart in one panel shares. */
export interface PlotSetup {
  width: number;
  height: number;
  /** IANA zone of the site; ticks fall on its whole minutes and hours. */
  timeZone: string;
  /** Whether this chart carries the time axis (only the last one does). */
  timeAxis: boolean;
  /** Charts with the same key move their hover cursors together. */
  syncKey: string;
  formatTime(ms: number, incrMs: number): string;
  formatNumber(value: number): string;
  /** The x range, read whenever uPlot re-ranges (new data, resize). */
  xRange(): { from: number; to: number } | null;
  /** After every cursor move, whether by the clock or the mouse. */
  onCursor(u: uPlot): void;
}

function timeAxis(setup: PlotSetup): uPlot.Axis {
  return {
    stroke: MUTED,
    font: FONT,
    size: setup.timeAxis ? CHART_LAYOUT.axis : 0,
    gap: 2,
    space: 64,
    grid: { stroke: GRID, width: 1 },
    ticks: { show: setup.timeAxis, stroke: GRID, width: 1, size: 3 },
    // Upper charts keep the grid but leave the labels to the last one.
    values: setup.timeAxis
      ? (_u, splits, _axis, _space, incr) => splits.map((v) => setup.formatTime(v, incr))
      : (_u, splits) => splits.map(() => null),
  };
}

function baseOptions(
  setup: PlotSetup,
  yAxis: uPlot.Axis,
  series: uPlot.Series[],
  yScale: uPlot.Scale,
  draw?: (u: uPlot) => void,
): uPlot.Options {
  // A lane's y has no meaning, so a hover dot on it would mislead.
  const points: uPlot.Cursor.Points = draw ? { show: false } : { size: 6 };
  const zone = safeTimeZone(setup.timeZone);
  const pad = CHART_LAYOUT.padding;
  return {
    width: setup.width,
    height: setup.height,
    ms: 1,
    tzDate: (ts) => uPlot.tzDate(new Date(ts), zone),
    // Fixed padding (not uPlot's automatic one) keeps every plot's left and right edges aligned.
    padding: [pad, 16, setup.timeAxis ? 0 : pad, 0],
    legend: { show: false },
    cursor: {
      y: false,
      drag: { x: false, y: false, setScale: false },
      sync: { key: setup.syncKey },
      // The value the twin showed at that moment: the last sample at or before it.
      dataIdx: (u, _seriesIdx, _closestIdx, xValue) => {
        const idx = indexAtOrBefore(u.data[0], xValue);
        return idx < 0 ? null : idx;
      },
      points,
    },
    scales: {
      x: {
        time: true,
        range: (_u, min, max) => {
          const r = setup.xRange();
          return r ? [r.from, r.to] : [min, max];
        },
      },
      y: yScale,
    },
    axes: [timeAxis(setup), yAxis],
    series: [{}, ...series],
    hooks: { setCursor: [setup.onCursor], ...(draw ? { draw: [draw] } : {}) },
  };
}

/** A line chart of one or more numeric fields that share a unit. */
export function numericPlotOptions(setup: PlotSetup, chart: NumericChart): uPlot.Options {
  return baseOptions(
    setup,
    {
      stroke: MUTED,
      font: FONT,
      size: CHART_LAYOUT.yAxis,
      gap: 3,
      space: 18,
      grid: { stroke: GRID, width: 1 },
      ticks: { show: false },
      values: (_u, splits) => splits.map((v) => setup.formatNumber(v)),
    },
    chart.series.map((s) => ({
      label: s.name,
      stroke: s.color,
      width: 1.5,
      points: { size: 4, fill: s.color },
    })),
    {},
  );
}

/**
 * One state lane: the series draws nothing itself; a draw hook paints each run of equal state as
 * a band in its colour with its label when the band is wide enough. `lane()` returns the current
 * lane, so new data needs no new chart.
 */
export function lanePlotOptions(setup: PlotSetup, lane: () => StateLane): uPlot.Options {
  return baseOptions(
    setup,
    {
      size: CHART_LAYOUT.yAxis,
      grid: { show: false },
      ticks: { show: false },
      splits: () => [],
    },
    [{ label: lane().name, paths: () => null, points: { show: false } }],
    { auto: false, range: [0, 1] },
    (u) => drawLane(u, lane()),
  );
}

function drawLane(u: uPlot, lane: StateLane): void {
  const { ctx, bbox } = u;
  const xs = u.data[0];
  const { start, end, code } = lane.runs;
  const right = bbox.left + bbox.width;
  const ratio = uPlot.pxRatio;
  const inset = 4 * ratio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.font = `${Math.round(11 * ratio)}px ${FONT_FAMILY}`;
  // uPlot leaves its last axis alignment on the context.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const midY = bbox.top + bbox.height / 2;
  for (let r = 0; r < start.length; r++) {
    const first = xs[start[r] as number];
    if (first === undefined) continue;
    const endIdx = end[r] as number;
    const last = endIdx < 0 ? undefined : xs[endIdx];
    const x0 = Math.max(bbox.left, u.valToPos(first, 'x', true));
    const x1 = last === undefined ? right : Math.min(right, u.valToPos(last, 'x', true));
    if (x1 <= bbox.left || x0 >= right) continue;
    const c = code[r] as number;
    ctx.fillStyle = lane.colors[c] ?? GRID;
    // One device pixel between runs so neighbouring states stay distinguishable.
    ctx.fillRect(x0, bbox.top, Math.max(1, x1 - x0 - ratio), bbox.height);
    const label = lane.labels[c];
    const room = x1 - x0 - 2 * inset;
    if (label !== undefined && room > 12 * ratio && ctx.measureText(label).width <= room) {
      ctx.fillStyle = TEXT;
      ctx.fillText(label, x0 + inset, midY);
    }
  }
  ctx.restore();
}
