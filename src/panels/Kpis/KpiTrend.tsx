import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { siteClock } from '../Timeline/siteClock';

export interface KpiTrendProps {
  t: number[];
  values: Array<number | null>;
  label: string;
  target: number | undefined;
  timeZone: string;
  /** Chart width, px (default: the width it is given). */
  width?: number;
  /** `light` for paper (the shift report). @default 'dark' */
  theme?: 'dark' | 'light';
}

/** One KPI over the shift (uPlot), with its target as a dashed line. */
export function KpiTrend({
  t,
  values,
  label,
  target,
  timeZone,
  width,
  theme = 'dark',
}: KpiTrendProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const clock = siteClock(timeZone);
    const ink = theme === 'light' ? '#555' : '#8da2b8';
    const grid = theme === 'light' ? '#ddd' : '#26384c';
    const line = theme === 'light' ? '#0b6e99' : '#38e1ff';
    const seconds = t.map((ms) => ms / 1000);
    const series: uPlot.Series[] = [
      {},
      { label, stroke: line, width: 2, spanGaps: true },
      ...(target !== undefined ? [{ label: '', stroke: '#ffb020', dash: [6, 4], width: 1 }] : []),
    ];
    const data: uPlot.AlignedData = [
      seconds,
      values,
      ...(target !== undefined ? [seconds.map(() => target)] : []),
    ];
    const plot = new uPlot(
      {
        width: width ?? (el.clientWidth || 480),
        height: 160,
        legend: { show: false },
        series,
        axes: [
          {
            stroke: ink,
            grid: { stroke: grid },
            values: (_u, splits) => splits.map((s) => clock.minutes(s * 1000)),
          },
          { stroke: ink, grid: { stroke: grid }, size: 44 },
        ],
      },
      data,
      el,
    );
    return () => plot.destroy();
  }, [t, values, label, target, timeZone, width, theme]);
  return (
    <div className="kpi-trend" data-testid="kpi-trend">
      <p className="muted">{label}</p>
      <div ref={box} />
    </div>
  );
}
