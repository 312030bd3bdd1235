import { describe, expect, it } from 'vitest';
import { appendPoint, emptySeries, MAX_POINTS, valuesAt } from './kpiSeries';

describe('kpiSeries', () => {
  it('keeps columns aligned when a KPI appears late, and reads the last point at or before a time', () => {
    const s = emptySeries();
    appendPoint(s, 100, { rtgUtilisation: 50 });
    appendPoint(s, 200, { rtgUtilisation: 60, qcGrossRate: 25 });
    expect(s.values).toEqual({ rtgUtilisation: [50, 60], qcGrossRate: [null, 25] });
    expect(valuesAt(s, 150)).toEqual({ rtgUtilisation: 50 });
    expect(valuesAt(s, 200)).toEqual({ rtgUtilisation: 60, qcGrossRate: 25 });
    expect(valuesAt(s, 99)).toEqual({});
  });

  it('drops the oldest points past the cap', () => {
    const s = emptySeries();
    for (let i = 0; i < MAX_POINTS + 5; i++) appendPoint(s, i, { agvUtilisation: i });
    expect(s.t).toHaveLength(MAX_POINTS);
    expect(s.t[0]).toBe(5);
    expect(s.values.agvUtilisation?.[0]).toBe(5);
  });
});
