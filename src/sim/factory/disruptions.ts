import { pick, uniform, type Random } from '../../lib/random';

/**
 * What goes wrong on a factory shift, at seeded times (docs/simulation.md): the aisle out of the
 * cutting room blocked while an AGV is on its way to a line (the line head starves), and an
 * operator at a line's bottleneck replaced by a much slower stand-in (the line falls below its
 * target). Sewing-machine faults
 * happen on their own (sewingStation.ts). A plan previewed without these shows it as planned.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface FactoryDisruptions {
  /** After each of these times, the next delivery to a line is held up for `ms`. */
  blockages: Array<{ at: number; ms: number }>;
  /** From `at`, the bottleneck station of line `lineId` works at `factor` of its operator's pace. */
  slowOperator: { at: number; lineId: string; factor: number } | null;
}

export function drawFactoryDisruptions(
  random: Random,
  start: number,
  /** Lines that may get the slow operator. */
  lineIds: readonly string[],
): FactoryDisruptions {
  return {
    blockages: [
      { at: start + uniform(random, 1.5, 3) * HOUR, ms: uniform(random, 10, 16) * MINUTE },
      { at: start + uniform(random, 4.5, 6) * HOUR, ms: uniform(random, 10, 16) * MINUTE },
    ],
    slowOperator:
      lineIds.length > 0
        ? {
            at: start + uniform(random, 2, 3.5) * HOUR,
            lineId: pick(random, lineIds),
            // A trainee: well under the planned pace, so the line visibly falls behind.
            factor: uniform(random, 0.35, 0.45),
          }
        : null,
  };
}
