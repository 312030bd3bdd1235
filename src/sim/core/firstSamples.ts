import type { TwinConfig } from '../../config/schema';
import { AssetReporter } from './assetReporter';
import type { SimKernel } from './simKernel';
import { allFields, isGatewayAsset, type SiteGateways } from './siteGateways';

/** First reports are spread over this long after the start, as gateways come up one by one. */
const BOOT_SPREAD_MS = 1000;

/** When an asset's first full report goes out: soon after the start, staggered by its index. */
export function bootTime(start: number, index: number): number {
  return start + 1 + ((index * 37) % BOOT_SPREAD_MS);
}

/** Schedules each reporter's first, full report (and so its heartbeat). */
export function scheduleFirstSamples(kernel: SimKernel, reporters: readonly AssetReporter[]): void {
  const start = kernel.now;
  reporters.forEach((r, i) => kernel.at(bootTime(start, i), () => r.sample()));
}

/**
 * Reporters for assets that have a gateway but that the simulator does not move (a vessel at
 * its berth, a rack): they send their configured fields once and then a heartbeat.
 */
export function staticReporters(
  kernel: SimKernel,
  config: TwinConfig,
  gateways: SiteGateways,
  simulated: ReadonlySet<string>,
  /** Categories reported only when they change (a TOS's boxes). */
  quietCategories: ReadonlySet<string>,
): AssetReporter[] {
  const out: AssetReporter[] = [];
  for (const asset of config.assets) {
    if (simulated.has(asset.id) || isGatewayAsset(config, asset)) continue;
    if (quietCategories.has(config.assetTypes[asset.type]?.category ?? '')) continue;
    const gateway = gateways.gatewayOf(asset.id);
    if (!gateway) continue;
    const p = asset.pose?.position;
    out.push(
      new AssetReporter(
        kernel,
        { id: asset.id, type: asset.type, gateway, heartbeat: true },
        allFields(config, asset),
        p ? { position: [p[0], p[1], p[2]], headingDeg: asset.pose?.headingDeg ?? 90 } : undefined,
      ),
    );
  }
  return out;
}
