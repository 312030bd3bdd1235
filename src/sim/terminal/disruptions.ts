import { pick, shuffle, uniform, type Random } from '../../lib/random';

/**
 * What goes wrong on a real terminal shift, at seeded times, so that the bundled shifts carry
 * the incidents a twin must catch (docs/simulation.md): quay cranes that break down, trucks that
 * break down all at once (a truck shortage), a truck that strays to the gate, and a gateway
 * whose 5G modem drops out. A plan previewed without them shows the shift as planned.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A fault: its code, what it is, how long the repair takes (min) and how bad it is. */
export interface FaultKind {
  code: string;
  what: string;
  repairMin: readonly [number, number];
  severity: 'warning' | 'critical';
}

export const QUAY_CRANE_FAULTS: readonly FaultKind[] = [
  { code: 'S12', what: 'spreader twistlock fault', repairMin: [8, 18], severity: 'warning' },
  { code: 'H31', what: 'hoist brake fault', repairMin: [15, 30], severity: 'critical' },
  { code: 'G07', what: 'gantry drive overload', repairMin: [6, 14], severity: 'warning' },
];

export const TRUCK_FAULTS: readonly FaultKind[] = [
  { code: 'T04', what: 'flat tyre', repairMin: [25, 45], severity: 'warning' },
  { code: 'T11', what: 'engine fault', repairMin: [30, 55], severity: 'warning' },
];

/** When and what: drawn once at the start of a simulation from its own random stream. */
export interface TerminalDisruptions {
  /** Quay crane id → when it breaks down (at the end of the move under way) and how. */
  craneFaults: Map<string, { at: number; fault: FaultKind; repairMs: number }>;
  /** Trucks that break down once freed after `at`: a shortage the cranes feel. */
  truckBreakdowns: { at: number; trucks: Map<string, { fault: FaultKind; repairMs: number }> };
  /** A truck sent to the gate by mistake once freed after `at`, staying `stayMs` there. */
  stray: { at: number; stayMs: number };
  /** A gateway that goes silent (its modem restarts): no message gets through. */
  outage: { gateway: string; at: number; durationMs: number } | null;
}

export function drawTerminalDisruptions(
  random: Random,
  start: number,
  quayCranes: readonly string[],
  poolTrucks: readonly string[],
  truckGateways: readonly string[],
): TerminalDisruptions {
  const craneFaults = new Map<string, { at: number; fault: FaultKind; repairMs: number }>();
  // About half the cranes break down once in the shift, none in its first 40 minutes.
  for (const id of shuffle([...quayCranes], random).slice(0, Math.ceil(quayCranes.length / 2))) {
    const fault = pick(random, QUAY_CRANE_FAULTS);
    craneFaults.set(id, {
      at: start + uniform(random, 0.7, 6.5) * HOUR,
      fault,
      repairMs: uniform(random, fault.repairMin[0], fault.repairMin[1]) * MINUTE,
    });
  }
  // Two trucks in five break down within the same hour: the shortage of the shift.
  const broken = shuffle([...poolTrucks], random).slice(0, Math.ceil(poolTrucks.length * 0.4));
  const trucks = new Map<string, { fault: FaultKind; repairMs: number }>();
  for (const id of broken) {
    const fault = pick(random, TRUCK_FAULTS);
    trucks.set(id, {
      fault,
      repairMs: uniform(random, fault.repairMin[0], fault.repairMin[1]) * MINUTE,
    });
  }
  const gateways = [...truckGateways].sort();
  return {
    craneFaults,
    truckBreakdowns: { at: start + uniform(random, 2, 3) * HOUR, trucks },
    stray: { at: start + uniform(random, 1, 1.5) * HOUR, stayMs: uniform(random, 3, 6) * MINUTE },
    outage:
      gateways.length > 0
        ? {
            gateway: pick(random, gateways),
            at: start + uniform(random, 3.5, 4.5) * HOUR,
            durationMs: uniform(random, 2, 4) * MINUTE,
          }
        : null,
  };
}
