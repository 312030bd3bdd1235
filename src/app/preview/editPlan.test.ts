import { describe, expect, it } from 'vitest';
import { bundledPlan } from './bundledPlanForTests';
import { parsePlanDocument } from '../../config/plan';
import { editPlan, planKnobs } from './editPlan';

const bundled = bundledPlan;

describe('editing a plan', () => {
  it('offers a terminal plan’s truck pool and cranes per ship, and applies them to the same jobs', () => {
    const { config, document } = bundled('terminal', 'full');
    const knobs = planKnobs(config, document);
    if (knobs.kind !== 'terminal' || document.plan.kind !== 'terminal') throw new Error('terminal');
    expect(knobs.trucks).toMatchObject({ value: 32, max: 40 });
    expect(knobs.cranes).toEqual([
      { vesselId: 'V1', value: 3, max: 3 },
      { vesselId: 'V2', value: 3, max: 3 },
    ]);
    const edited = editPlan(config, document, { trucks: 24, cranes: { V1: 2 } }, 'full-edit-1');
    if (edited.plan.kind !== 'terminal') throw new Error('terminal');
    expect(edited.id).toBe('full-edit-1');
    expect(edited.plan.trucks.pool).toHaveLength(24);
    expect(edited.plan.craneSplit.filter((w) => w.vesselId === 'V1')).toHaveLength(2);
    expect(edited.plan.craneSplit.filter((w) => w.vesselId === 'V2')).toHaveLength(3);
    // The same bays, worked by fewer cranes; the same boxes.
    const bays = (plan: typeof edited.plan, vessel: string) =>
      plan.kind === 'terminal'
        ? plan.craneSplit.filter((w) => w.vesselId === vessel).flatMap((w) => w.bays)
        : [];
    expect(bays(edited.plan, 'V1')).toEqual(bays(document.plan, 'V1'));
    expect(edited.plan.vesselCalls).toEqual(document.plan.vesselCalls);
    expect(JSON.stringify(edited.name)).toContain('24 trucks');
    // More trucks than the plan had: the site's others join the pool.
    const more = editPlan(config, document, { trucks: 40 }, 'full-edit-2');
    expect(more.plan.kind === 'terminal' && new Set(more.plan.trucks.pool).size).toBe(40);
  });

  it('rebalances the chosen factory lines and changes the AGV policy', () => {
    const { config, document } = bundled('factory', 'as-set');
    const knobs = planKnobs(config, document);
    if (knobs.kind !== 'factory' || document.plan.kind !== 'factory') throw new Error('factory');
    expect(knobs.lines).toEqual(document.plan.lines.map((l) => l.lineId));
    const edited = editPlan(
      config,
      document,
      { balance: ['L1'], delivery: { triggerBundles: 3, bundlesPerTrip: 3 } },
      'as-set-edit-1',
    );
    if (edited.plan.kind !== 'factory') throw new Error('factory');
    const [l1, l2] = edited.plan.lines;
    expect(l1?.stations).not.toEqual(document.plan.lines[0]?.stations);
    // Operators move between stations; the crew is the same.
    const crew = (s: { operator: string }[]) => s.map((x) => x.operator).sort();
    expect(crew(l1?.stations ?? [])).toEqual(crew(document.plan.lines[0]?.stations ?? []));
    expect(l2).toEqual(document.plan.lines[1]);
    expect(edited.plan.delivery).toMatchObject({ triggerBundles: 3, bundlesPerTrip: 3 });
  });

  it('exports a plan file that reads back', () => {
    const { config, document } = bundled('terminal', 'lean');
    const edited = editPlan(config, document, { trucks: 30 }, 'lean-edit-1');
    const parsed = parsePlanDocument(JSON.stringify(edited));
    expect(parsed.ok && parsed.plan).toEqual(edited);
  });
});
