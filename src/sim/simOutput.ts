import type { FieldValue } from '../config/schema';

/**
 * What a site simulation says happened, before any gateway encodes it: the contract between the
 * simulators (`src/sim/terminal`, `src/sim/factory`) and the gateway encoders
 * (`src/sim/gateways`), which turn it into the MQTT messages of docs/topics.md.
 */

/** One asset's state as its gateway samples it. Only what changed need be in `fields`. */
export interface SimState {
  kind: 'state';
  /** Source time, ms since the Unix epoch. */
  t: number;
  gateway: string;
  assetId: string;
  /** Asset type id in the twin config (used in JSON topics). */
  assetType: string;
  /** Site metres (x east, y up, z south), for assets that move. */
  position?: [number, number, number];
  /** Compass heading, degrees (0 north, 90 east). */
  headingDeg?: number;
  /** Ground speed, m/s, for vehicles. */
  speed?: number;
  fields: Record<string, FieldValue>;
}

/** Something that happened to an asset: a fault, a job finished, a detection. */
export interface SimEvent {
  kind: 'event';
  t: number;
  gateway: string;
  assetId: string;
  assetType: string;
  /** e.g. `fault`, `faultCleared`, `jobDone`, `detection`. */
  event: string;
  severity: 'info' | 'warning' | 'critical';
  code?: string;
  data?: Record<string, FieldValue>;
}

/** A gateway's 5G link as it measures it. */
export interface SimLink {
  kind: 'link';
  t: number;
  gateway: string;
  cell: string;
  rsrpDbm: number;
  sinrDb: number;
  uplinkMbps: number;
  /** Extra one-way delay the radio adds now, ms (0 on a healthy cell). */
  delayMs: number;
  /** Share of messages the radio loses now, 0–1. */
  lossRate: number;
}

export type SimOutput = SimState | SimEvent | SimLink;

/** A simulated 5G gateway: which assets it reports and how it speaks. */
export interface GatewaySpec {
  id: string;
  protocol: 'json' | 'sparkplugb';
  /** Ids of the assets it reports (the gateway's own asset id is `id`). */
  assets: string[];
  /** 5G cell it is attached to. */
  cell: string;
}

/** A running simulation of one site: deterministic for a given config, plan, seed and start. */
export interface SiteSimulation {
  readonly siteId: string;
  readonly gateways: readonly GatewaySpec[];
  /** Simulation time now, ms since the Unix epoch. */
  readonly now: number;
  /** Runs on to `t` (ms epoch) and returns everything the gateways sampled meanwhile, by time. */
  advanceTo(t: number): SimOutput[];
  /** Whether the plan's work is all done: every ship worked, every order made. */
  workDone(): boolean;
  /** How much of the plan's work is done, 0–1: moves worked, pieces made. */
  workProgress(): number;
}
