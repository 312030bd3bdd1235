import type { PlanDocument } from '../../config/plan';
import type { TwinConfig } from '../../config/schema';
import type { PlanCounter, PlanJob, PlanWork } from '../../diagnostics/plan/workTracker';
import { createTerminalSimulation } from '../../sim/terminal/terminalSimulation';

/**
 * A plan's work as telemetry shows it done, for plan vs actual (docs/plans.md): on a terminal
 * every box of a ship call, done when it lands in a yard slot (discharge) or reports itself aboard
 * (load), counted to the quay crane the crane split gives its bay; in a factory the pieces off
 * each line, counted at the stations of the line's last operation.
 */
export function planWork(config: TwinConfig, document: PlanDocument): PlanWork {
  const plan = document.plan;
  const totals: Record<string, number> = {};
  if (plan.kind === 'terminal') {
    // The crane split says which crane works which bays; the simulator's own reading of it says
    // which crane moves which box, so the attribution cannot drift from what is simulated.
    const sim = createTerminalSimulation(config, {
      seed: document.seed,
      startTime: 0,
      plan,
      disruptions: false,
    });
    const jobs: PlanJob[] = [];
    for (const crane of sim.quayCranes) {
      const vesselId = crane.vesselId;
      for (const move of crane.moves) {
        jobs.push(
          move.kind === 'discharge'
            ? { id: move.job.id, assetId: move.job.containerId, field: 'slot', by: crane.id }
            : {
                id: move.job.id,
                assetId: move.job.containerId,
                field: 'onboard',
                equals: vesselId,
                by: crane.id,
              },
        );
        totals[crane.id] = (totals[crane.id] ?? 0) + 1;
      }
    }
    return { jobs, counters: [], totals };
  }
  const counters: PlanCounter[] = [];
  for (const line of plan.lines) {
    const last = line.operations[line.operations.length - 1];
    for (const station of line.stations)
      if (station.operationId === last?.id)
        counters.push({ assetId: station.machineId, field: 'pieces', by: line.lineId });
    totals[line.lineId] = plan.orders.find((o) => o.id === line.orderId)?.quantity ?? 0;
  }
  return { jobs: [], counters, totals };
}
