import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from './plan';

const terminal = {
  schemaVersion: 1,
  id: 'p1',
  site: 'terminal',
  name: 'A plan',
  plan: {
    kind: 'terminal',
    vesselCalls: [
      {
        vesselId: 'V1',
        berth: 'berth-1',
        startOffsetMs: 0,
        discharge: [{ id: 'D1', containerId: 'MSCU1234565', targetSlot: 'A1-01-1-1', block: 'A1' }],
        load: [],
      },
    ],
    craneSplit: [{ craneId: 'QC01', vesselId: 'V1', bays: [2] }],
    trucks: { pool: ['T001'], policy: 'pooled' },
  },
};

const issues = (value: unknown) => {
  const result = parsePlanDocument(typeof value === 'string' ? value : JSON.stringify(value));
  return result.ok ? [] : result.issues;
};

describe('plan files', () => {
  it('read a valid plan with its defaults', () => {
    const result = parsePlanDocument(JSON.stringify(terminal));
    expect(result.ok && result.plan.seed).toBe(1);
    expect(
      result.ok && result.plan.plan.kind === 'terminal' && result.plan.plan.yardDeliveries,
    ).toEqual([]);
  });

  it('name the JSON path of every problem', () => {
    const bad = structuredClone(terminal);
    const call = bad.plan.vesselCalls[0] as { discharge: Array<Record<string, unknown>> };
    call.discharge[0]!.targetSlot = 5;
    bad.plan.craneSplit[0]!.bays = [-2];
    delete (bad.plan.trucks as { pool?: string[] }).pool;
    expect(
      issues(bad)
        .map((i) => i.path)
        .sort(),
    ).toEqual([
      'plan.craneSplit[0].bays[0]',
      'plan.trucks.pool',
      'plan.vesselCalls[0].discharge[0].targetSlot',
    ]);
  });

  it('refuse a plan of an unknown kind, a newer version, unknown keys and bad JSON', () => {
    expect(issues({ ...terminal, plan: { ...terminal.plan, kind: 'airport' } })[0]?.path).toBe(
      'plan.kind',
    );
    expect(issues({ ...terminal, schemaVersion: 2 })[0]?.path).toBe('schemaVersion');
    expect(issues({ ...terminal, extra: true })[0]?.message).toMatch(/extra/);
    expect(issues('{"schemaVersion": 1,')[0]).toMatchObject({
      path: '$',
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it('refuse keys that would pollute prototypes', () => {
    const text = JSON.stringify(terminal).replace('"site"', '"__proto__":{"polluted":true},"site"');
    expect(issues(text)[0]?.message).toMatch(/not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
