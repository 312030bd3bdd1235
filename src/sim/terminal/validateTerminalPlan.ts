import type { TerminalPlan } from '../plan/terminalPlan';
import { parseStowage, vesselBayOf } from './stowage';
import type { TerminalSite } from './terminalSite';
import { parseSlot } from './yardGeometry';

/** Checks a plan against the site; throws listing every problem (the first 20). */
export function validateTerminalPlan(plan: TerminalPlan, site: TerminalSite): void {
  const problems: string[] = [];
  const cranes = new Set(site.quayCranes.map((c) => c.asset.id));
  const trucks = new Set(site.trucks.map((t) => t.id));
  const vessels = new Set(site.vessels.map((v) => v.asset.id));
  const seen = new Set<string>();
  const once = (id: string, where: string): void => {
    if (seen.has(id)) problems.push(`${where}: container ${id} is moved by more than one job`);
    seen.add(id);
  };
  for (const w of plan.craneSplit) {
    if (!cranes.has(w.craneId)) problems.push(`craneSplit: ${w.craneId} is not a quay crane`);
    if (!plan.vesselCalls.some((c) => c.vesselId === w.vesselId))
      problems.push(`craneSplit: ${w.craneId} works ${w.vesselId}, which has no vessel call`);
  }
  for (const call of plan.vesselCalls) {
    if (!vessels.has(call.vesselId)) problems.push(`vesselCalls: ${call.vesselId} is not a vessel`);
    const bays = new Set(
      plan.craneSplit.filter((w) => w.vesselId === call.vesselId).flatMap((w) => w.bays),
    );
    const freed = new Map<string, number>();
    for (const job of call.discharge) {
      once(job.containerId, job.id);
      const box = site.boxes.get(job.containerId);
      const slot = parseSlot(job.targetSlot);
      if (!box) problems.push(`${job.id}: unknown container ${job.containerId}`);
      else if (box.fields.onboard !== call.vesselId || box.fields.present !== false)
        problems.push(`${job.id}: ${job.containerId} is not aboard ${call.vesselId}`);
      else {
        const s = parseStowage(String(box.fields.stowage ?? ''));
        const bay = s ? vesselBayOf(s.bay) : -1;
        if (!bays.has(bay)) problems.push(`${job.id}: no crane works vessel bay ${bay}`);
        const key = `${bay}/${box.size}`;
        freed.set(key, (freed.get(key) ?? 0) + 1);
      }
      if (!slot || !site.blocks.has(slot.block))
        problems.push(`${job.id}: target slot "${job.targetSlot}" is not in a known block`);
      else if (slot.block !== job.block)
        problems.push(`${job.id}: target slot ${job.targetSlot} is not in block ${job.block}`);
    }
    for (const job of call.load) {
      once(job.containerId, job.id);
      const box = site.boxes.get(job.containerId);
      const slot = parseSlot(String(box?.fields.slot ?? ''));
      if (!box || !slot) problems.push(`${job.id}: ${job.containerId} is not in the yard`);
      else {
        if (slot.block !== job.block)
          problems.push(
            `${job.id}: ${job.containerId} is in block ${slot.block}, not ${job.block}`,
          );
        if (!bays.has(job.vesselBay))
          problems.push(`${job.id}: no crane works vessel bay ${job.vesselBay}`);
        const key = `${job.vesselBay}/${box.size}`;
        const left = (freed.get(key) ?? 0) - 1;
        freed.set(key, left);
        if (left < 0)
          problems.push(
            `${job.id}: more ${box.size} ft loads into bay ${job.vesselBay} of ${call.vesselId} than discharges free`,
          );
      }
    }
  }
  for (const t of plan.trucks.pool)
    if (!trucks.has(t)) problems.push(`trucks.pool: ${t} is not a truck`);
  for (const d of plan.yardDeliveries) {
    once(d.containerId, d.id);
    const truck = site.trucks.find((t) => t.id === d.truckId);
    if (!truck || truck.fields.containerId !== d.containerId)
      problems.push(`${d.id}: ${d.containerId} is not on truck ${d.truckId}`);
    const slot = parseSlot(d.targetSlot);
    if (!slot || !site.blocks.has(slot.block))
      problems.push(`${d.id}: target slot "${d.targetSlot}" is not in a known block`);
  }
  if (problems.length > 0)
    throw new Error(
      `terminal plan does not fit the site:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
}
