import { describe, expect, it } from 'vitest';
import { report, testSite } from '../testSite';
import { createKpiTracker } from './createKpiTracker';

const T0 = Date.UTC(2025, 0, 6, 8);
const MIN = 60_000;

/** Replays a script of field changes (minute → asset → fields), calling update at each minute. */
function run(
  script: Record<number, Record<string, Record<string, string | number>>>,
  until: number,
) {
  const { config, assets } = testSite([]);
  const tracker = createKpiTracker(config, assets);
  const byId = (id: string) => assets.find((a) => a.id === id)!;
  for (let m = 0; m <= until; m++) {
    for (const [id, fields] of Object.entries(script[m] ?? {}))
      report(byId(id), T0 + m * MIN, fields);
    tracker.update(T0 + m * MIN);
  }
  return { tracker, at: T0 + until * MIN };
}

describe('createKpiTracker', () => {
  it('computes crane rates, the vessel still to go, truck cycles and RTG use as worked by hand', () => {
    const { tracker, at } = run(
      {
        0: {
          QC1: { status: 'working', vessel: 'V1', movesPlanned: 40, moves: 0 },
          T1: { status: 'waiting' },
          R1: { status: 'working' },
        },
        5: { T1: { status: 'toQuay' } },
        10: { T1: { status: 'queued' } },
        13: { T1: { status: 'underCrane' } },
        15: { T1: { status: 'toYard' } },
        20: { T1: { status: 'underRtg' } },
        24: { T1: { status: 'waiting' } },
        30: { QC1: { status: 'waiting', moves: 12 } },
        40: { QC1: { status: 'working' } },
        45: { R1: { status: 'idle' } },
        60: { QC1: { moves: 24 } },
      },
      60,
    );
    const v = tracker.values(at);
    // 24 moves in the hour the crane had a vessel, 50 minutes of it working.
    expect(v.qcGrossRate).toBe(24);
    expect(v.qcNetRate).toBe(28.8);
    expect(v.vesselMovesLeft).toBe(16);
    expect(v.vesselHoursToGo).toBe(0.67);
    // One cycle: left waiting at 5, back at 24; queued 10–13, at the RTG 20–24.
    expect(v.truckTurnMinutes).toBe(19);
    expect(v.truckWaitAtCraneMinutes).toBe(3);
    expect(v.truckWaitAtYardMinutes).toBe(4);
    expect(v.rtgUtilisation).toBe(75);
  });

  it('computes line output, efficiency, machine and AGV use and the bottleneck as worked by hand', () => {
    const { tracker, at } = run(
      {
        0: {
          M1: { status: 'stitching', pieces: 0 },
          M2: { status: 'stitching', pieces: 0 },
          A1: { status: 'moving' },
        },
        30: { M2: { status: 'handling' }, A1: { status: 'idle' } },
        45: { M2: { status: 'idle' } },
        60: { M1: { pieces: 50 }, M2: { pieces: 20 } },
      },
      60,
    );
    const v = tracker.values(at);
    expect(v.lineOutputPerHour).toBe(20);
    // Earned (50 × 1 + 20 × 2 = 90 standard minutes) over attended (2 × 60).
    expect(v.lineEfficiency).toBe(75);
    expect(v.machineUtilisation).toBe(75);
    expect(tracker.bottleneck(at)).toBe('M1');
    expect(v.bottleneckUtilisation).toBe(100);
    expect(v.agvUtilisation).toBe(50);
  });

  it('leaves out the KPIs a site has no assets or data for', () => {
    const { tracker, at } = run({ 0: { R1: { status: 'working' } } }, 5);
    expect(Object.keys(tracker.values(at))).toEqual(['rtgUtilisation']);
  });
});
