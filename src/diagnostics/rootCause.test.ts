import { describe, expect, it } from 'vitest';
import type { Alarm } from './alarmTypes';
import { createHintFinder } from './rootCause';
import { report, testSite } from './testSite';

const T0 = Date.UTC(2025, 0, 6, 8);
const MIN = 60_000;

/** A site of one quay crane served by four trucks, two of them broken down. */
function scenario() {
  const { config, assets } = testSite([]);
  const extra = ['T2', 'T3', 'T4'].map((id) => ({
    ...assets.find((a) => a.id === 'T1')!,
    id,
    fields: {},
    position: [0, 0, 0] as [number, number, number],
  }));
  const all = [...assets, ...extra];
  const byId = (id: string) => all.find((a) => a.id === id)!;
  report(byId('QC1'), T0, { status: 'waiting' }, [50, 0, 10]);
  report(byId('T1'), T0, { status: 'toQuay', crane: 'QC1', gateway: 'g1' }, [50, 0, 14]);
  report(byId('T2'), T0, { status: 'toYard', crane: 'QC1', gateway: 'g2' }, [250, 0, 10]);
  report(byId('T3'), T0, { status: 'fault', crane: '', gateway: 'g3' }, [50, 0, 3]);
  report(byId('T4'), T0, { status: 'fault', crane: '', gateway: 'g3' }, [400, 0, 3]);
  return { config, assets: all, byId };
}

const alarm = (id: string, partial: Partial<Alarm>): Alarm => ({
  id,
  ruleId: 'r',
  ruleKind: 'fault',
  assetId: 'QC1',
  severity: 'warning',
  state: 'cleared',
  raisedAt: 0,
  since: 0,
  message: null,
  detail: { heldMs: 0 },
  hints: [],
  ...partial,
});

describe('root-cause hints', () => {
  it('name the trucks working for a waiting crane, nearest first, where they are, and those broken down', () => {
    const { config, assets, byId } = scenario();
    const finder = createHintFinder(config, assets);
    const [hint] = finder.find(
      [{ kind: 'linked', select: { types: ['truck'] }, field: 'crane', downStates: ['fault'] }],
      byId('QC1'),
      { id: 'w', since: T0, raisedAt: T0 + 2 * MIN, ruleId: 'wait' },
      [],
    );
    expect(hint).toEqual({
      kind: 'linked',
      assets: [
        { id: 'T1', status: 'toQuay', zone: 'quay', distance: 4 },
        { id: 'T2', status: 'toYard', zone: null, distance: 200 },
      ],
      down: ['T3', 'T4'],
      of: 4,
    });
  });

  it('name the alarms of the same asset in the window before, and not older or other ones', () => {
    const { config, assets, byId } = scenario();
    const finder = createHintFinder(config, assets);
    const earlier = [
      alarm('old', {
        ruleId: 'crane-fault',
        since: T0 - 3 * 60 * MIN,
        clearedAt: T0 - 2 * 60 * MIN,
      }),
      alarm('fault', {
        ruleId: 'crane-fault',
        since: T0 - 40 * MIN,
        clearedAt: T0 - 20 * MIN,
        detail: { heldMs: 0, value: 'H31' },
      }),
      alarm('other', { ruleId: 'crane-fault', assetId: 'QC2', since: T0 - 30 * MIN }),
      alarm('quiet', { ruleId: 'stale', since: T0 - 10 * MIN }),
    ];
    const hints = finder.find(
      [{ kind: 'earlier', rules: ['crane-fault'], withinMs: 60 * MIN }],
      byId('QC1'),
      { id: 'slow', since: T0, raisedAt: T0, ruleId: 'rate' },
      earlier,
    );
    expect(hints).toEqual([
      {
        kind: 'earlier',
        alarms: [
          {
            id: 'fault',
            ruleId: 'crane-fault',
            since: T0 - 40 * MIN,
            clearedAt: T0 - 20 * MIN,
            value: 'H31',
          },
        ],
      },
    ]);
  });

  it('name the linked assets with alarms before, by a field they share, the longest first', () => {
    const { config, assets, byId } = scenario();
    const finder = createHintFinder(config, assets);
    const machines = [
      alarm('m1a', {
        assetId: 'M1',
        ruleId: 'machine-fault',
        since: T0 - 50 * MIN,
        clearedAt: T0 - 45 * MIN,
        detail: { heldMs: 0, value: 'E21' },
      }),
      alarm('m2a', {
        assetId: 'M2',
        ruleId: 'machine-fault',
        since: T0 - 40 * MIN,
        clearedAt: T0 - 20 * MIN,
        detail: { heldMs: 0, value: 'E31' },
      }),
      alarm('m1b', {
        assetId: 'M1',
        ruleId: 'machine-fault',
        since: T0 - 10 * MIN,
        clearedAt: T0 - 8 * MIN,
        detail: { heldMs: 0, value: 'E21' },
      }),
      alarm('old', {
        assetId: 'M2',
        ruleId: 'machine-fault',
        since: T0 - 3 * 60 * MIN,
        clearedAt: T0 - 2 * 60 * MIN,
      }),
    ];
    const [hint] = finder.find(
      [
        {
          kind: 'linkedAlarms',
          select: { types: ['sewing'] },
          field: 'line',
          rules: ['machine-fault'],
          withinMs: 60 * MIN,
        },
      ],
      byId('L1'),
      { id: 'slow', since: T0, raisedAt: T0, ruleId: 'line-rate' },
      machines,
    );
    expect(hint).toEqual({
      kind: 'linkedAlarms',
      assets: [
        {
          id: 'M2',
          heldMs: 20 * MIN,
          rules: [{ ruleId: 'machine-fault', count: 1, heldMs: 20 * MIN, values: ['E31'] }],
        },
        {
          id: 'M1',
          heldMs: 7 * MIN,
          rules: [{ ruleId: 'machine-fault', count: 2, heldMs: 7 * MIN, values: ['E21'] }],
        },
      ],
      of: 2,
      withinMs: 60 * MIN,
    });
  });

  it('tell a silent asset alone from one silent with the others of its gateway', () => {
    const { config, assets, byId } = scenario();
    const finder = createHintFinder(config, assets);
    byId('T3').stale = true;
    const alone = finder.find(
      [{ kind: 'shared', field: 'gateway' }],
      byId('T3'),
      { id: 's', since: T0, raisedAt: T0, ruleId: 'stale' },
      [],
    );
    expect(alone).toEqual([
      { kind: 'shared', field: 'gateway', value: 'g3', alike: [], of: 1, typeAlike: 0, typeOf: 3 },
    ]);
    byId('T4').stale = true;
    const both = finder.find(
      [{ kind: 'shared', field: 'gateway' }],
      byId('T3'),
      { id: 's', since: T0, raisedAt: T0, ruleId: 'stale' },
      [],
    );
    expect(both[0]).toMatchObject({ alike: ['T4'], of: 1, typeAlike: 1 });
  });
});
