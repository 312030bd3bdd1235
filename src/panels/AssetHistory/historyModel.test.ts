import { describe, expect, it } from 'vitest';
import {
  buildHistoryModel,
  fieldKind,
  MAX_SERIES_PER_CHART,
  stateColor,
  stateRuns,
} from './historyModel';

describe('fieldKind', () => {
  it('plots numbers and gaps, and draws any string or boolean as states', () => {
    expect(fieldKind([1, null, 2.5])).toBe('numeric');
    expect(fieldKind([null, null])).toBe('numeric');
    expect(fieldKind([1, 'idle', 2])).toBe('state');
    expect(fieldKind([true, false, null])).toBe('state');
  });
});

describe('stateRuns', () => {
  it('joins equal neighbours, ends runs at gaps and holds the last run', () => {
    expect(stateRuns([0, 0, 1, null, 1, 1])).toEqual({
      start: [0, 2, 4],
      end: [2, 3, -1],
      code: [0, 1, 1],
    });
    expect(stateRuns([null, null])).toEqual({ start: [], end: [], code: [] });
  });
});

describe('stateColor', () => {
  it('gives a state the same colour wherever it appears, and booleans their own pair', () => {
    expect(stateColor('working', false)).toBe(stateColor('working', false));
    expect(stateColor('true', true)).not.toBe(stateColor('false', true));
  });
});

describe('buildHistoryModel', () => {
  const t = [0, 1000, 2000];

  it('groups numeric fields by unit, keeps unitless ones alone and sends states to lanes', () => {
    const model = buildHistoryModel(
      [
        { name: 'trolley', unit: 'm', values: [1, 2, 3] },
        { name: 'mode', values: ['idle', 'idle', 'lift'] },
        { name: 'hoist', unit: 'm', values: [4, null, 6] },
        { name: 'load', unit: 't', values: [0, 30, 30] },
        { name: 'count', values: [1, 2, 3] },
        { name: 'ratio', values: [0.1, 0.2, 0.3] },
        { name: 'locked', values: [true, true, false] },
      ],
      t.length,
    );
    expect(model.charts.map((c) => c.series.map((s) => s.name))).toEqual([
      ['trolley', 'hoist'],
      ['load'],
      ['count'],
      ['ratio'],
    ]);
    expect(model.lanes.map((l) => l.name)).toEqual(['mode', 'locked']);
    expect(model.lanes[0]?.labels).toEqual(['idle', 'lift']);
    expect(model.lanes[0]?.codes).toEqual([0, 0, 1]);
    expect(model.lanes[1]?.labels).toEqual(['true', 'false']);
    expect(model.hasData).toBe(true);
    // Every line gets its own colour.
    const colors = model.charts.flatMap((c) => c.series.map((s) => s.color));
    expect(new Set(colors).size).toBe(colors.length);
  });

  it('starts a new chart when one unit has too many fields', () => {
    const fields = Array.from({ length: MAX_SERIES_PER_CHART + 1 }, (_, i) => ({
      name: `f${i}`,
      unit: 'm',
      values: [i, i, i],
    }));
    const model = buildHistoryModel(fields, t.length);
    expect(model.charts.map((c) => c.series.length)).toEqual([MAX_SERIES_PER_CHART, 1]);
  });

  it('turns non-finite numbers and a short tail into gaps, and ignores values past the time column', () => {
    const model = buildHistoryModel(
      [{ name: 'speed', values: [Number.NaN, 2, Infinity, 4] }],
      t.length,
    );
    expect(model.charts[0]?.series[0]?.values).toEqual([null, 2, null]);
    const short = buildHistoryModel([{ name: 'speed', values: [1] }], t.length);
    expect(short.charts[0]?.series[0]?.values).toEqual([1, null, null]);
  });

  it('has no data when every value is a gap or there are no timestamps', () => {
    expect(buildHistoryModel([{ name: 'a', values: [null, null, null] }], 3).hasData).toBe(false);
    expect(buildHistoryModel([{ name: 'a', values: [Number.NaN] }], 1).hasData).toBe(false);
    expect(buildHistoryModel([{ name: 'a', values: [1] }], 0).hasData).toBe(false);
    expect(buildHistoryModel([], 3).hasData).toBe(false);
  });

  it('keeps the structure key when only the data changes', () => {
    const a = buildHistoryModel([{ name: 'x', unit: 'm', values: [1, 2, 3] }], 3);
    const b = buildHistoryModel([{ name: 'x', unit: 'm', values: [7, 8, 9] }], 3);
    const c = buildHistoryModel([{ name: 'x', unit: 'm', values: ['a', 'b', 'c'] }], 3);
    expect(a.structureKey).toBe(b.structureKey);
    expect(c.structureKey).not.toBe(a.structureKey);
  });
});
