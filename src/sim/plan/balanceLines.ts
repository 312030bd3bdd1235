import type { FactoryPlan, LinePlan, StationPlan } from './factoryPlan';

/**
 * The same orders with each line's operators rebalanced: the most efficient operators go to the
 * operations with the most work per station (standard minutes over the stations that share the
 * operation), so the slowest station — the line's bottleneck — is as fast as this crew can make
 * it. Machines keep their operations; operators move with their efficiencies. The line balance a
 * planner compares with the crew as it stands.
 */
export function balanceLines(plan: FactoryPlan): FactoryPlan {
  return { ...plan, lines: plan.lines.map(balanceLine) };
}

function balanceLine(line: LinePlan): LinePlan {
  const smv = new Map(line.operations.map((op) => [op.id, op.smv]));
  const sharing = new Map<string, number>();
  for (const s of line.stations) sharing.set(s.operationId, (sharing.get(s.operationId) ?? 0) + 1);
  const workOf = (s: StationPlan) =>
    (smv.get(s.operationId) ?? 0) / (sharing.get(s.operationId) ?? 1);
  // Stations by work, heaviest first; operators by efficiency, best first; pair them in order.
  const stations = line.stations
    .map((station, index) => ({ station, index }))
    .sort((a, b) => workOf(b.station) - workOf(a.station) || a.index - b.index);
  const crew = line.stations
    .map((s) => ({ operator: s.operator, efficiency: s.efficiency }))
    .sort((a, b) => b.efficiency - a.efficiency);
  const balanced = line.stations.slice();
  stations.forEach(({ station, index }, k) => {
    const person = crew[k] ?? station;
    balanced[index] = { ...station, operator: person.operator, efficiency: person.efficiency };
  });
  return { ...line, stations: balanced };
}
