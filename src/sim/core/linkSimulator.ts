import { exponential, mulberry32, uniform, type Random } from '../../lib/random';
import type { GatewaySpec } from '../simOutput';
import type { SimKernel } from './simKernel';

/** Every gateway reports its radio link this often. */
export const LINK_PERIOD_MS = 5_000;

/** A gateway that goes silent for a while: from `at` (ms epoch), for `durationMs`. */
export interface GatewayOutage {
  gateway: string;
  at: number;
  durationMs: number;
}

/** A healthy gateway's typical figures, drawn once per gateway (its place in the cell). */
interface LinkBaseline {
  rsrpDbm: number;
  sinrDb: number;
  uplinkMbps: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const r1 = (v: number): number => Math.round(v * 10) / 10;
const MINUTE = 60_000;

/**
 * The 5G side of a site: each gateway's link figures every LINK_PERIOD_MS (RSRP −80…−105 dBm,
 * SINR 5…25 dB, uplink 20…80 Mbit/s, a few ms of radio delay), and now and then one cell that
 * degrades for a few minutes (RSRP and SINR drop, 100–400 ms delay, 2–10 % loss) — announced
 * as `linkDegraded` / `linkRestored` events on its gateways. Draws from its own random stream,
 * so a different plan on the same seed sees the same radio.
 */
export class LinkSimulator {
  private readonly baselines = new Map<string, LinkBaseline>();
  private readonly degraded = new Map<string, { lossRate: number; delayMs: number }>();
  private readonly cells: string[];

  constructor(
    private readonly kernel: SimKernel,
    private readonly gateways: readonly GatewaySpec[],
    private readonly random: Random,
    /** Asset type of each gateway's own asset, for its events. */
    private readonly gatewayTypes: ReadonlyMap<string, string>,
    /** Mean time between cell degradations, ms. */
    private readonly meanGapMs = 100 * MINUTE,
    /** Gateways that go silent for a while (a modem restart): every message is lost. */
    private readonly outages: readonly GatewayOutage[] = [],
  ) {
    this.cells = [...new Set(gateways.map((g) => g.cell))].sort();
    for (const g of gateways)
      this.baselines.set(g.id, {
        rsrpDbm: uniform(random, -99, -83),
        sinrDb: uniform(random, 11, 23),
        uplinkMbps: uniform(random, 30, 72),
      });
  }

  start(): void {
    const start = this.kernel.now;
    this.gateways.forEach((g, i) => {
      // Gateways boot at slightly different moments, so their reports do not all coincide.
      const phase = 1 + Math.floor((i * 997) % LINK_PERIOD_MS);
      const report = (): void => {
        this.report(g);
        this.kernel.after(LINK_PERIOD_MS, report);
      };
      this.kernel.at(start + phase, report);
    });
    if (this.cells.length > 0)
      this.kernel.at(start + uniform(this.random, 15, 60) * MINUTE, () => this.degrade());
  }

  private report(g: GatewaySpec): void {
    const base = this.baselines.get(g.id) as LinkBaseline;
    const bad = this.degraded.get(g.cell);
    const rnd = this.random;
    const now = this.kernel.now;
    const silent = this.outages.some(
      (o) => o.gateway === g.id && now >= o.at && now < o.at + o.durationMs,
    );
    this.kernel.emit({
      kind: 'link',
      t: this.kernel.now,
      gateway: g.id,
      cell: g.cell,
      rsrpDbm: r1(
        bad
          ? base.rsrpDbm - uniform(rnd, 12, 18)
          : clamp(base.rsrpDbm + uniform(rnd, -2, 2), -105, -80),
      ),
      sinrDb: r1(bad ? uniform(rnd, -3, 4) : clamp(base.sinrDb + uniform(rnd, -1.5, 1.5), 5, 25)),
      uplinkMbps: r1(
        bad ? uniform(rnd, 2, 10) : clamp(base.uplinkMbps + uniform(rnd, -6, 6), 20, 80),
      ),
      delayMs: r1(bad ? bad.delayMs + uniform(rnd, -20, 20) : uniform(rnd, 0.5, 4)),
      lossRate: silent ? 1 : bad ? Math.round(bad.lossRate * 1000) / 1000 : 0,
    });
  }

  private degrade(): void {
    const rnd = this.random;
    const cell = this.cells[Math.floor(rnd() * this.cells.length)] as string;
    const durationMs = uniform(rnd, 2, 6) * MINUTE;
    this.degraded.set(cell, { lossRate: uniform(rnd, 0.02, 0.1), delayMs: uniform(rnd, 120, 380) });
    this.announce(cell, 'linkDegraded', 'warning', Math.round(durationMs / 1000));
    this.kernel.after(durationMs, () => {
      this.degraded.delete(cell);
      this.announce(cell, 'linkRestored', 'info', 0);
    });
    this.kernel.after(durationMs + exponential(rnd, this.meanGapMs), () => this.degrade());
  }

  private announce(
    cell: string,
    event: string,
    severity: 'info' | 'warning',
    durationS: number,
  ): void {
    for (const g of this.gateways)
      if (g.cell === cell)
        this.kernel.emit({
          kind: 'event',
          t: this.kernel.now,
          gateway: g.id,
          assetId: g.id,
          assetType: this.gatewayTypes.get(g.id) ?? 'gateway',
          event,
          severity,
          data: durationS > 0 ? { cell, expectedS: durationS } : { cell },
        });
  }
}

/** A link simulator on its own stream derived from the site seed. */
export function createLinkSimulator(
  kernel: SimKernel,
  gateways: readonly GatewaySpec[],
  gatewayTypes: ReadonlyMap<string, string>,
  seed: number,
  outages: readonly GatewayOutage[] = [],
): LinkSimulator {
  return new LinkSimulator(kernel, gateways, mulberry32(seed), gatewayTypes, undefined, outages);
}
