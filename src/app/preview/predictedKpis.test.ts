import { describe, expect, it } from 'vitest';
import { predictedKpis } from './predictedKpis';

const H = 3600_000;

describe('predicted KPIs', () => {
  it('are the last value of each KPI, and the hour the last move was done', () => {
    const series = {
      t: [0, H, 2 * H, 3 * H],
      values: {
        qcGrossRate: [null, 28, 30, null],
        vesselMovesLeft: [100, 60, 0, 0],
        vesselHoursToGo: [4, 2, 0, 0],
      },
    };
    expect(predictedKpis(series, 0)).toEqual({
      qcGrossRate: 30,
      vesselMovesLeft: 0,
      vesselHoursToGo: 0,
      vesselCompletionHours: 2,
    });
  });

  it('estimate completion from the hours still to go when the preview ended first', () => {
    const series = { t: [0, H], values: { vesselMovesLeft: [100, 40], vesselHoursToGo: [5, 1.5] } };
    expect(predictedKpis(series, 0).vesselCompletionHours).toBe(2.5);
  });

  it('leave completion out for a site without ships', () => {
    expect(predictedKpis({ t: [0], values: { lineEfficiency: [0.8] } }, 0)).toEqual({
      lineEfficiency: 0.8,
    });
  });
});
