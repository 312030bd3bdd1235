import { useEffect, useId, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './AssetHistory.css';
import { useLocale, useT } from '../../ui/i18n';
import { chartHeights } from './chartLayout';
import {
  createAxisNumberFormatter,
  createAxisTimeFormatter,
  createClockFormatter,
  formatLegendValue,
  type ClockFormatter,
  safeTimeZone,
} from './formatHistory';
import {
  buildHistoryModel,
  type HistoryField,
  type HistoryModel,
  type NumericChart,
  type StateLane,
} from './historyModel';
import { indexAtOrBefore, plotRange, type TimeSpan } from './historyWindow';
import { lanePlotOptions, numericPlotOptions, type PlotSetup } from './plotOptions';
import { CloseButton } from '../common/CloseButton';

/** Props of {@link AssetHistory}: everything comes from the caller (later the player). */
export interface AssetHistoryProps {
  /** Shown in the header. */
  assetName: string;
  /** Time column, ms epoch, ascending. Keep the array stable between renders for the same data. */
  t: Float64Array | number[];
  /** One series per field: numbers are plotted, strings and booleans drawn as state lanes; null is a gap. */
  fields: HistoryField[];
  /**
   * The replay clock, ms epoch. Polled once per animation frame outside React; the cursor moves
   * only when the time lands on another pixel, so a paused clock costs one call per frame.
   */
  getTime: () => number;
  /** IANA zone of the site; axis labels and the clock read-out use it. */
  timeZone: string;
  /** The x range to show, default the extent of `t` (e.g. the `historyWindow` the data was cut to). */
  range?: TimeSpan;
  /** Data is on its way; charts already shown stay, with a note. */
  loading?: boolean;
  /** Replaces the charts with this message. */
  error?: string;
  /** A click on a chart asks to move the clock there. */
  onSeek?(t: number): void;
  /** The close button and Esc. */
  onClose?(): void;
}

/** One live uPlot chart and what its legend needs; plain mutable state, never React state. */
interface PlotEntry {
  plot: uPlot;
  /** Set for a line chart. */
  chart: NumericChart | null;
  /** Set for a state lane. */
  lane: StateLane | null;
  /** Legend value elements, one per series. */
  valueEls: HTMLElement[];
  /** Cursor pixel last set from the clock; NaN forces the next frame to set it. */
  cursorLeft: number;
  /** Sample index the legend shows; NaN forces a refresh. */
  legendIdx: number;
}

/** Shared between the effects, the uPlot hooks and the frame loop. */
interface LiveState {
  entries: PlotEntry[];
  times: Float64Array | number[];
  range: TimeSpan | null;
  /** The pointer is over a plot: the mouse owns the cursor, the clock waits. */
  hovering: boolean;
  /** Re-place the cursors on the next frame even if the clock stood still. */
  dirty: boolean;
  /** Rewrite the clock read-out on the next frame even within the same second. */
  readoutDirty: boolean;
  none: string;
  clock: ClockFormatter | null;
}

/** Reused for every setCursor call so the frame loop allocates nothing. */
const _cursor = { left: 0, top: 0 };

/**
 * Time-series charts of one asset's fields around the replay clock: a small line chart per
 * numeric field (fields sharing a unit share a chart), a coloured state lane per string or boolean
 * field, all on one time axis in the site's zone. The clock is a vertical cursor moved by a frame
 * loop through uPlot's `setCursor`; React renders only when props change. Hovering a chart shows
 * the values under the mouse instead; clicking seeks; Esc closes.
 */
export function AssetHistory({
  assetName,
  t: times,
  fields,
  getTime,
  timeZone,
  range,
  loading = false,
  error,
  onSeek,
  onClose,
}: AssetHistoryProps) {
  const t = useT();
  const locale = useLocale();
  const syncKey = `asset-history-${useId()}`;
  const model = useMemo(() => buildHistoryModel(fields, times.length), [fields, times]);
  const rangeFrom = range?.from;
  const rangeTo = range?.to;
  const xRange = useMemo(
    () =>
      plotRange(
        times,
        rangeFrom !== undefined && rangeTo !== undefined
          ? { from: rangeFrom, to: rangeTo }
          : undefined,
      ),
    [times, rangeFrom, rangeTo],
  );
  const showCharts = !error && model.hasData && xRange !== null;
  const zone = useMemo(() => safeTimeZone(timeZone), [timeZone]);
  const none = t('history.none');
  const seekTip = t('history.seekTip');
  const closable = onClose !== undefined;

  const bodyRef = useRef<HTMLDivElement>(null);
  const dateRef = useRef<HTMLSpanElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const latest = useRef({ getTime, onSeek, onClose, model, times, xRange });
  useEffect(() => {
    latest.current = { getTime, onSeek, onClose, model, times, xRange };
  });
  const live = useRef<LiveState>({
    entries: [],
    times,
    range: xRange,
    hovering: false,
    dirty: true,
    readoutDirty: true,
    none,
    clock: null,
  });

  useEffect(() => {
    const state = live.current;
    state.none = none;
    state.clock = createClockFormatter(locale, zone);
    state.readoutDirty = true;
    for (const e of state.entries) e.legendIdx = NaN;
    state.dirty = true;
  }, [none, locale, zone]);

  // Charts are built when the set of fields, the zone or the language changes; new data for the
  // same fields goes through setData below.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || !showCharts) return;
    const state = live.current;
    const { model: current, times: builtTimes, xRange: builtRange } = latest.current;
    state.times = builtTimes;
    state.range = builtRange;
    const sections = body.querySelectorAll<HTMLElement>('[data-testid="asset-history-chart"]');
    const formatTime = createAxisTimeFormatter(locale, zone);
    const formatNumber = createAxisNumberFormatter(locale);
    const count = current.charts.length + current.lanes.length;
    const entries: PlotEntry[] = [];

    const addEntry = (
      index: number,
      chart: NumericChart | null,
      lane: StateLane | null,
      build: (setup: PlotSetup, entry: () => PlotEntry | undefined) => uPlot.Options,
      data: uPlot.AlignedData,
    ) => {
      const section = sections[index];
      const target = section?.querySelector<HTMLElement>('.asset-history-plot');
      if (!section || !target) return;
      // The hooks may fire while uPlot is being built, before the entry exists.
      const slot: { entry?: PlotEntry } = {};
      const setup: PlotSetup = {
        width: Math.max(1, Math.floor(body.clientWidth)),
        height: 1,
        timeZone: zone,
        timeAxis: index === count - 1,
        syncKey,
        formatTime,
        formatNumber,
        xRange: () => state.range,
        onCursor: (u) => {
          if (slot.entry) updateLegend(slot.entry, u, state);
        },
      };
      const plot = new uPlot(
        build(setup, () => slot.entry),
        data,
        target,
      );
      const entry: PlotEntry = {
        plot,
        chart,
        lane,
        valueEls: [...section.querySelectorAll<HTMLElement>('[data-value]')],
        cursorLeft: NaN,
        legendIdx: NaN,
      };
      slot.entry = entry;
      const over = plot.over;
      over.title = seekTip;
      over.addEventListener('pointerenter', () => {
        state.hovering = true;
        body.dataset.hovering = '';
      });
      over.addEventListener('pointerleave', () => {
        state.hovering = false;
        delete body.dataset.hovering;
        state.dirty = true;
        for (const e of state.entries) e.cursorLeft = NaN;
      });
      over.addEventListener('click', (event) => {
        const seek = latest.current.onSeek;
        const r = state.range;
        if (!seek || !r) return;
        const time = plot.posToVal(event.clientX - over.getBoundingClientRect().left, 'x');
        seek(Math.min(r.to, Math.max(r.from, time)));
      });
      entries.push(entry);
    };

    current.charts.forEach((chart, i) =>
      addEntry(i, chart, null, (setup) => numericPlotOptions(setup, chart), [
        builtTimes,
        ...chart.series.map((s) => s.values),
      ]),
    );
    current.lanes.forEach((lane, j) =>
      addEntry(
        current.charts.length + j,
        null,
        lane,
        (setup, entry) => lanePlotOptions(setup, () => entry()?.lane ?? lane),
        [builtTimes, lane.codes],
      ),
    );
    state.entries = entries;

    const resize = () => {
      const width = Math.max(1, Math.floor(body.clientWidth));
      const heights = chartHeights(body.clientHeight, current.charts.length, current.lanes.length);
      entries.forEach((e, i) => {
        const base = e.lane ? heights.lane : heights.numeric;
        const height = base + (i === entries.length - 1 ? heights.axis : 0);
        if (e.plot.width !== width || e.plot.height !== height) e.plot.setSize({ width, height });
        e.cursorLeft = NaN;
        e.legendIdx = NaN;
      });
      state.dirty = true;
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(body);

    return () => {
      observer.disconnect();
      for (const e of entries) e.plot.destroy();
      state.entries = [];
      state.hovering = false;
      delete body.dataset.hovering;
    };
  }, [model.structureKey, showCharts, zone, locale, syncKey, seekTip]);

  // New data for the same fields: swap it into the existing charts.
  useEffect(() => {
    const state = live.current;
    if (state.times === times && state.range === xRange && showsModel(state.entries, model)) return;
    state.times = times;
    state.range = xRange;
    state.entries.forEach((e, i) => {
      const chart = e.chart ? model.charts[i] : undefined;
      const lane = e.lane ? model.lanes[i - model.charts.length] : undefined;
      if (chart) {
        e.chart = chart;
        e.plot.setData([times, ...chart.series.map((s) => s.values)]);
      } else if (lane) {
        e.lane = lane;
        e.plot.setData([times, lane.codes]);
      }
      e.cursorLeft = NaN;
      e.legendIdx = NaN;
    });
    state.dirty = true;
  }, [model, times, xRange]);

  // The clock: one frame loop for all charts; a still clock skips the charts entirely.
  useEffect(() => {
    let frame = 0;
    let lastTime = NaN;
    let lastSecond = NaN;
    const tick = () => {
      frame = requestAnimationFrame(tick);
      const state = live.current;
      const now = latest.current.getTime();
      if (!Number.isFinite(now)) return;
      const second = Math.floor(now / 1000);
      if (state.readoutDirty || second !== lastSecond) {
        lastSecond = second;
        state.readoutDirty = false;
        if (state.clock && dateRef.current && timeRef.current) {
          dateRef.current.textContent = state.clock.date(now);
          timeRef.current.textContent = state.clock.time(now);
        }
      }
      if (state.hovering || (now === lastTime && !state.dirty)) return;
      lastTime = now;
      state.dirty = false;
      const entries = state.entries;
      for (let i = 0; i < entries.length; i++) placeClock(entries[i] as PlotEntry, now);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, []);

  // Esc closes this panel first and goes no further, so the same key press does not also
  // deselect the asset underneath.
  useEffect(() => {
    if (!closable) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
        return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.onClose?.();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [closable]);

  return (
    <aside
      className="panel asset-history"
      data-testid="asset-history"
      aria-label={t('history.title')}
    >
      <header className="panel-header asset-history-header">
        <div className="asset-history-titles">
          <span className="asset-history-kicker">{t('history.title')}</span>
          <h2 title={assetName}>{assetName}</h2>
        </div>
        {loading && showCharts && (
          <span className="muted asset-history-note" data-testid="asset-history-loading">
            {t('history.loading')}
          </span>
        )}
        <span className="mono asset-history-clock" title={t('history.clockTip', { zone })}>
          <span ref={dateRef} className="asset-history-date" /> <span ref={timeRef} />
        </span>
        {onClose && <CloseButton onClick={onClose} label={t('history.close')} />}
      </header>
      <div className="asset-history-body" ref={bodyRef}>
        {error ? (
          <p className="error-text asset-history-message" data-testid="asset-history-error">
            {t('history.error', { message: error })}
          </p>
        ) : !showCharts ? (
          loading ? (
            <p className="muted asset-history-message" data-testid="asset-history-loading">
              {t('history.loading')}
            </p>
          ) : (
            <p className="muted asset-history-message" data-testid="asset-history-empty">
              {t('history.empty')}
            </p>
          )
        ) : (
          <>
            {model.charts.map((chart) => (
              <section
                key={chart.key}
                className="asset-history-chart"
                data-testid="asset-history-chart"
                data-kind="numeric"
                aria-label={t('history.chart', {
                  name: chart.series.map((s) => s.name).join(', '),
                })}
              >
                <div className="asset-history-legend">
                  {chart.series.map((s) => (
                    <span key={s.name} className="asset-history-entry" data-field={s.name}>
                      <i className="asset-history-swatch" style={{ background: s.color }} />
                      <span className="asset-history-name" title={s.name}>
                        {s.name}
                      </span>
                      <span className="mono asset-history-value" data-value={s.name} />
                    </span>
                  ))}
                </div>
                <div className="asset-history-plot" />
              </section>
            ))}
            {model.lanes.map((lane) => (
              <section
                key={lane.key}
                className="asset-history-chart asset-history-lane"
                data-testid="asset-history-chart"
                data-kind="state"
                aria-label={t('history.chart', { name: lane.name })}
              >
                <div className="asset-history-legend">
                  <span className="asset-history-entry" data-field={lane.name}>
                    <span className="asset-history-name" title={lane.name}>
                      {lane.name}
                    </span>
                    <span className="mono asset-history-value" data-value={lane.name} />
                  </span>
                </div>
                <div className="asset-history-plot" />
              </section>
            ))}
          </>
        )}
      </div>
    </aside>
  );
}

/** Moves one chart's cursor to the clock, or hides it when the clock is off the chart. */
function placeClock(entry: PlotEntry, now: number): void {
  const u = entry.plot;
  const x = u.scales.x;
  const inside = x?.min !== undefined && x.max !== undefined && now >= x.min && now <= x.max;
  const left = inside ? Math.round(u.valToPos(now, 'x')) : -10;
  if (left === entry.cursorLeft) return;
  entry.cursorLeft = left;
  _cursor.left = left;
  _cursor.top = 0;
  u.setCursor(_cursor);
}

/** Writes the values at the cursor (clock or mouse) into the legend when the sample changes. */
function updateLegend(entry: PlotEntry, u: uPlot, state: LiveState): void {
  const left = u.cursor.left ?? -1;
  const idx = left < 0 ? -1 : indexAtOrBefore(state.times, u.posToVal(left, 'x'));
  if (idx === entry.legendIdx) return;
  entry.legendIdx = idx;
  const { chart, lane, valueEls } = entry;
  for (let i = 0; i < valueEls.length; i++) {
    const series = chart?.series[i];
    const values = series ? series.values : lane?.values;
    const value = idx < 0 || !values ? null : values[idx];
    (valueEls[i] as HTMLElement).textContent = formatLegendValue(
      value,
      series ? series.unit : lane?.unit,
      state.none,
    );
  }
}

/** Whether the charts already show exactly this model's arrays. */
function showsModel(entries: PlotEntry[], model: HistoryModel): boolean {
  return entries.every((e, i) =>
    e.chart ? e.chart === model.charts[i] : e.lane === model.lanes[i - model.charts.length],
  );
}
