/** One field's samples, aligned with the time column; `null` is a gap. */
export interface HistoryField {
  /** Field name as the twin config spells it. */
  name: string;
  /** Display unit of numeric values, e.g. `m` or `t`. */
  unit?: string;
  /** One value per timestamp; a missing tail is read as gaps. */
  values: ReadonlyArray<number | string | boolean | null>;
}

/** A numeric field ready for uPlot: non-finite numbers became gaps. */
export interface NumericSeries {
  name: string;
  unit?: string;
  /** Same length as the time column. */
  values: Array<number | null>;
  /** Line colour. */
  color: string;
}

/** One chart: numeric fields that share a unit (at most {@link MAX_SERIES_PER_CHART}). */
export interface NumericChart {
  /** Stable across data updates while the same fields are shown. */
  key: string;
  unit?: string;
  series: NumericSeries[];
}

/** Runs of one state, as parallel arrays of sample indices (no per-run objects). */
export interface StateRuns {
  /** Index of the run's first sample. */
  start: number[];
  /** Index of the first sample after the run (a change or a gap); -1 when the state holds to the end. */
  end: number[];
  /** Index into the lane's `labels`. */
  code: number[];
}

/** A string or boolean field, drawn as coloured bands of its states — never as numbers. */
export interface StateLane {
  key: string;
  name: string;
  unit?: string;
  /** Distinct states in order of first appearance. */
  labels: string[];
  /** Band colour per label. */
  colors: string[];
  /** Per sample: index into `labels`, or null for a gap. */
  codes: Array<number | null>;
  runs: StateRuns;
  /** The raw values, for the legend. */
  values: ReadonlyArray<number | string | boolean | null>;
}

/** What the panel draws: numeric charts first, then state lanes. */
export interface HistoryModel {
  charts: NumericChart[];
  lanes: StateLane[];
  /** False when no field has a single value in the window. */
  hasData: boolean;
  /** Changes only when the set of charts and lanes changes, not when their data does. */
  structureKey: string;
}

/** More lines than this in one small chart are hard to tell apart. */
export const MAX_SERIES_PER_CHART = 4;

/** Line colours on the dark panel; the first is the app's accent. */
export const SERIES_COLORS = [
  '#38e1ff',
  '#ffb020',
  '#3ddc84',
  '#c792ea',
  '#ff7a90',
  '#7aa2ff',
  '#e6d85c',
  '#5fd4c4',
] as const;

/** Band colours, dark enough for light text on top. */
export const STATE_COLORS = [
  '#1f6f8b',
  '#8a5a12',
  '#6b4a8a',
  '#8a3a48',
  '#3e5a9a',
  '#7a7330',
  '#2f7a72',
  '#6a4d32',
] as const;

const TRUE_COLOR = '#2a7a4b';
const FALSE_COLOR = '#34465a';

/**
 * Whether a field is plotted as a line (`numeric`: every value is a number or a gap) or drawn as a
 * state lane (`state`: any string or boolean). A field with no values at all counts as numeric.
 */
export function fieldKind(values: HistoryField['values']): 'numeric' | 'state' {
  for (const v of values) {
    if (v !== null && typeof v !== 'number') return 'state';
  }
  return 'numeric';
}

/** A state's band colour: booleans green/grey, strings by a hash so a state keeps its colour. */
export function stateColor(label: string, isBoolean: boolean): string {
  if (isBoolean) return label === 'true' ? TRUE_COLOR : FALSE_COLOR;
  // FNV-1a: stable across windows and reloads, unlike order of appearance.
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return STATE_COLORS[(hash >>> 0) % STATE_COLORS.length] ?? STATE_COLORS[0];
}

/** Splits codes into runs of equal state; a gap ends a run and starts none. */
export function stateRuns(codes: ReadonlyArray<number | null>): StateRuns {
  const runs: StateRuns = { start: [], end: [], code: [] };
  let i = 0;
  while (i < codes.length) {
    const code = codes[i];
    if (code === null || code === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < codes.length && codes[j] === code) j++;
    runs.start.push(i);
    runs.end.push(j < codes.length ? j : -1);
    runs.code.push(code);
    i = j;
  }
  return runs;
}

function numericValues(values: HistoryField['values'], length: number): Array<number | null> {
  const out = new Array<number | null>(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    out[i] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}

function stateLane(field: HistoryField, length: number): StateLane {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Array<number | null>(length);
  let allBoolean = true;
  for (let i = 0; i < length; i++) {
    const v = field.values[i];
    if (v === null || v === undefined) {
      codes[i] = null;
      continue;
    }
    if (typeof v !== 'boolean') allBoolean = false;
    const label = String(v);
    let code = index.get(label);
    if (code === undefined) {
      code = labels.length;
      index.set(label, code);
      labels.push(label);
    }
    codes[i] = code;
  }
  return {
    key: `state:${field.name}`,
    name: field.name,
    unit: field.unit,
    labels,
    colors: labels.map((label) => stateColor(label, allBoolean)),
    codes,
    runs: stateRuns(codes),
    values: field.values,
  };
}

/**
 * Sorts fields into numeric charts (grouped by unit, unitless fields alone) and state lanes, in the
 * order the fields came. `length` is the time column's length; values beyond it are ignored.
 */
export function buildHistoryModel(fields: readonly HistoryField[], length: number): HistoryModel {
  const charts: NumericChart[] = [];
  const lanes: StateLane[] = [];
  const openByUnit = new Map<string, NumericChart>();
  let hasData = false;
  let colorIndex = 0;
  for (const field of fields) {
    for (let i = 0; i < length && !hasData; i++) {
      const v = field.values[i];
      if (v !== null && v !== undefined && !(typeof v === 'number' && !Number.isFinite(v)))
        hasData = true;
    }
    if (fieldKind(field.values) === 'state') {
      lanes.push(stateLane(field, length));
      continue;
    }
    const series: NumericSeries = {
      name: field.name,
      unit: field.unit,
      values: numericValues(field.values, length),
      color: SERIES_COLORS[colorIndex++ % SERIES_COLORS.length] ?? SERIES_COLORS[0],
    };
    const open = field.unit ? openByUnit.get(field.unit) : undefined;
    if (open && open.series.length < MAX_SERIES_PER_CHART) {
      open.series.push(series);
      open.key += `+${field.name}`;
      continue;
    }
    const chart: NumericChart = {
      key: `numeric:${field.name}`,
      unit: field.unit,
      series: [series],
    };
    charts.push(chart);
    if (field.unit) openByUnit.set(field.unit, chart);
  }
  const structureKey = [...charts.map((c) => c.key), ...lanes.map((l) => l.key)].join('|');
  return { charts, lanes, hasData: hasData && length > 0, structureKey };
}
