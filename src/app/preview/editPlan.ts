import type { PlanDocument } from '../../config/plan';
import type { TwinConfig } from '../../config/schema';
import type { PlanEdits, PlanKnobs } from '../../panels/Plans/planKnobs';
import { balanceLines } from '../../sim/plan/balanceLines';
import type { FactoryPlan } from '../../sim/plan/factoryPlan';
import { withFewerCranes, withTruckPool } from '../../sim/plan/terminalPlan';
import { readTerminalSite } from '../../sim/terminal/terminalSite';

/**
 * The numbers a planner changes in a plan, as they stand (docs/plans.md "Editing a plan"): the
 * truck pool (up to every truck of the site), the quay cranes on each ship (up to the crane runs
 * the plan splits the ship into: runs are joined, never split, so each yard stack keeps one
 * crane), which lines to rebalance by standard minutes, and the AGV delivery policy.
 */
export function planKnobs(config: TwinConfig, document: PlanDocument): PlanKnobs {
  const plan = document.plan;
  if (plan.kind === 'terminal') {
    const siteTrucks = readTerminalSite(config).trucks.length;
    return {
      kind: 'terminal',
      trucks: {
        value: plan.trucks.pool.length,
        min: Math.max(1, plan.yardDeliveries.length),
        max: siteTrucks,
      },
      cranes: plan.vesselCalls.map((call) => {
        const runs = plan.craneSplit.filter((w) => w.vesselId === call.vesselId).length;
        return { vesselId: call.vesselId, value: runs, max: runs };
      }),
    };
  }
  return {
    kind: 'factory',
    lines: plan.lines.map((line) => line.lineId),
    delivery: {
      triggerBundles: plan.delivery.triggerBundles,
      bundlesPerTrip: plan.delivery.bundlesPerTrip,
    },
  };
}

/** A new plan document from `document` with the edits applied, under a new id and name. */
export function editPlan(
  config: TwinConfig,
  document: PlanDocument,
  edits: PlanEdits,
  id: string,
): PlanDocument {
  const plan = document.plan;
  let edited: PlanDocument['plan'];
  const changes: string[] = [];
  if (plan.kind === 'terminal') {
    let next = plan;
    if (edits.cranes) {
      next = withFewerCranes(next, edits.cranes, next.trucks.pool.length);
      for (const [vessel, n] of Object.entries(edits.cranes)) changes.push(`${vessel}: ${n} QC`);
    }
    if (edits.trucks !== undefined) {
      next = withTruckPool(next, config, edits.trucks);
      changes.push(`${next.trucks.pool.length} trucks`);
    }
    edited = next;
  } else {
    let next: FactoryPlan = plan;
    if (edits.balance && edits.balance.length > 0) {
      const wanted = new Set(edits.balance);
      const balanced = balanceLines({
        ...next,
        lines: next.lines.filter((l) => wanted.has(l.lineId)),
      });
      const byId = new Map(balanced.lines.map((l) => [l.lineId, l]));
      next = { ...next, lines: next.lines.map((l) => byId.get(l.lineId) ?? l) };
      changes.push(`balanced ${edits.balance.join(', ')}`);
    }
    if (edits.delivery) {
      next = { ...next, delivery: { ...next.delivery, ...edits.delivery } };
      changes.push(
        `AGV at ≤ ${edits.delivery.triggerBundles} bundles, ${edits.delivery.bundlesPerTrip} a trip`,
      );
    }
    edited = next;
  }
  const what = changes.length > 0 ? changes.join('; ') : 'unchanged';
  const suffix = (text: string) => `${text} (${what})`;
  const name =
    typeof document.name === 'string'
      ? suffix(document.name)
      : Object.fromEntries(Object.entries(document.name).map(([k, v]) => [k, suffix(String(v))]));
  return { ...document, id, name: name as PlanDocument['name'], plan: edited };
}
