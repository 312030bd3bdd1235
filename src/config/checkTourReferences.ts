import type { ConfigIssue } from './configIssue';
import type { TwinConfig } from './schema';

/**
 * Tours name camera views and assets that must exist, and have ids of their own. `assets` maps
 * each asset id to its index in `config.assets`.
 */
export function checkTourReferences(
  config: TwinConfig,
  views: ReadonlySet<string>,
  assets: ReadonlyMap<string, number>,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const tourIds = new Set<string>();
  config.tours.forEach((tour, i) => {
    if (tourIds.has(tour.id))
      issues.push({ path: `tours[${i}].id`, message: `duplicate id "${tour.id}"` });
    tourIds.add(tour.id);
    tour.stops.forEach((stop, k) => {
      const at = `tours[${i}].stops[${k}]`;
      if (stop.view !== undefined && !views.has(stop.view))
        issues.push({ path: `${at}.view`, message: `unknown camera view "${stop.view}"` });
      if (stop.follow === undefined) return;
      const index = assets.get(stop.follow);
      const asset = index === undefined ? undefined : config.assets[index];
      if (!asset) issues.push({ path: `${at}.follow`, message: `unknown asset "${stop.follow}"` });
      // A virtual asset (a gateway, a software system) is never drawn: nothing to fly to.
      else if (config.assetTypes[asset.type]?.virtual)
        issues.push({
          path: `${at}.follow`,
          message: `asset "${stop.follow}" is virtual (not drawn), so the camera cannot follow it`,
        });
    });
  });
  return issues;
}
