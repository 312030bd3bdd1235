import { describe, expect, it } from 'vitest';
import { createWorkTracker, type PlanWork } from './workTracker';

const work: PlanWork = {
  jobs: [
    { id: 'D1', assetId: 'BOX1', field: 'slot', by: 'QC01' },
    { id: 'L1', assetId: 'BOX2', field: 'onboard', equals: 'V1', by: 'QC02' },
  ],
  counters: [{ assetId: 'sew-L1-32', field: 'pieces', by: 'L1' }],
  totals: { QC01: 1, QC02: 1, L1: 100 },
};

describe('createWorkTracker', () => {
  it('marks a job done the first time its asset reports the field as wanted', () => {
    const tracker = createWorkTracker(work);
    tracker.observe('BOX1', { slot: '', truck: 'T01' }, 5);
    tracker.observe('BOX1', { truck: '' }, 6);
    expect(tracker.done()).toBe(0);
    tracker.observe('BOX1', { slot: 'A-01-02-1' }, 7);
    tracker.observe('BOX1', { slot: 'A-01-03-1' }, 8);
    tracker.observe('BOX2', { onboard: '' }, 9);
    tracker.observe('BOX2', { onboard: 'V1' }, 10);
    expect(tracker.log.jobs).toEqual({ D1: 7, L1: 10 });
    expect(tracker.log.units).toEqual({ QC01: [7], QC02: [10] });
    expect(tracker.done('QC01')).toBe(1);
  });

  it('counts each rise of a counter after its first report, ignoring resets', () => {
    const tracker = createWorkTracker(work);
    tracker.observe('sew-L1-32', { pieces: 40 }, 1);
    tracker.observe('sew-L1-32', { status: 'stitching' }, 2);
    tracker.observe('sew-L1-32', { pieces: 41 }, 3);
    tracker.observe('sew-L1-32', { pieces: 43 }, 4);
    tracker.observe('sew-L1-32', { pieces: 0 }, 5);
    tracker.observe('sew-L1-32', { pieces: 1 }, 6);
    expect(tracker.log.units.L1).toEqual([3, 4, 4, 6]);
    expect(tracker.done()).toBe(4);
  });
});
