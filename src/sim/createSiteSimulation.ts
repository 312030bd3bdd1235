import type { TwinConfig } from '../config/schema';
import { createFactorySimulation } from './factory/factorySimulation';
import type { FactoryPlan } from './plan/factoryPlan';
import type { TerminalPlan } from './plan/terminalPlan';
import type { SiteSimulation } from './simOutput';
import { createTerminalSimulation } from './terminal/terminalSimulation';

/** A plan for either kind of site; its `kind` must match the site's. */
export type SitePlan = TerminalPlan | FactoryPlan;

export interface SiteSimulationOptions {
  /** Same config, plan, seed and start → the same outputs. */
  seed: number;
  /** Simulation start, ms since the Unix epoch. */
  startTime: number;
  /** Defaults to the site's default plan for the seed. */
  plan?: SitePlan;
  /** Breakdowns and hold-ups at seeded times (the shift as it happens); false: as planned. @default true */
  disruptions?: boolean;
  /** How often moving assets are sampled, ms. @default 500 */
  movingSampleMs?: number;
}

/**
 * A deterministic, faster-than-real-time simulation of a site by its kind: a container terminal
 * or an apparel factory (docs/simulation.md). Throws for other kinds, or a plan of the wrong kind.
 */
export function createSiteSimulation(
  config: TwinConfig,
  options: SiteSimulationOptions,
): SiteSimulation {
  const { seed, startTime, plan, disruptions, movingSampleMs } = options;
  const kind = config.site.kind;
  if (plan && plan.kind !== kind)
    throw new Error(`a ${plan.kind} plan cannot run on site "${config.site.id}" of kind "${kind}"`);
  if (kind === 'terminal')
    return createTerminalSimulation(config, {
      seed,
      startTime,
      plan: plan as TerminalPlan | undefined,
      disruptions,
      movingSampleMs,
    });
  if (kind === 'factory')
    return createFactorySimulation(config, {
      seed,
      startTime,
      plan: plan as FactoryPlan | undefined,
      disruptions,
      movingSampleMs,
    });
  throw new Error(
    `no simulator for site "${config.site.id}" of kind "${kind}": only "terminal" and "factory" sites can be simulated`,
  );
}
