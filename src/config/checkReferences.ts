import type { TwinConfig } from './schema';
import type { ConfigIssue } from './configIssue';
import type { AssetPart } from './expandAssetTables';
import { checkTourReferences } from './checkTourReferences';

const objectOrigin = (index: number, part: AssetPart) => `assets[${index}].${part}`;

/**
 * Cross-references the schema cannot see: ids that must exist, ids that must be unique.
 * `origin` says where each asset's parts are written (an asset may come from a table row).
 */
export function checkReferences(
  config: TwinConfig,
  origin: (index: number, part: AssetPart) => string = objectOrigin,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const models = new Set(Object.keys(config.models));
  const zones = new Set(config.zones.map((z) => z.id));
  const hasSiteModel = config.scenery.some((s) => s.siteModel);

  config.scenery.forEach((s, i) => {
    if (!models.has(s.model))
      issues.push({ path: `scenery[${i}].model`, message: `unknown model "${s.model}"` });
  });
  for (const [typeId, type] of Object.entries(config.assetTypes)) {
    if (type.model !== undefined && !models.has(type.model))
      issues.push({ path: `assetTypes.${typeId}.model`, message: `unknown model "${type.model}"` });
  }
  const seen = new Map<string, number>();
  config.assets.forEach((asset, i) => {
    const at = (part: AssetPart) => origin(i, part);
    const first = seen.get(asset.id);
    if (first !== undefined)
      issues.push({
        path: at('id'),
        message: `duplicate id "${asset.id}" (also ${origin(first, 'id')})`,
      });
    else seen.set(asset.id, i);
    const type = config.assetTypes[asset.type];
    if (!type) issues.push({ path: at('type'), message: `unknown asset type "${asset.type}"` });
    if (asset.zone !== undefined && !zones.has(asset.zone))
      issues.push({ path: at('zone'), message: `unknown zone "${asset.zone}"` });
    if (asset.node !== undefined && !hasSiteModel)
      issues.push({
        path: at('node'),
        message: 'binds to a node but no scenery entry has siteModel: true',
      });
    if (type?.virtual) return;
    if (asset.node === undefined && asset.pose === undefined)
      issues.push({
        path: at('pose'),
        message: 'required unless the asset binds to a site-model node',
      });
    if (asset.node === undefined && type && type.model === undefined)
      issues.push({
        path: at('type'),
        message: `type "${asset.type}" has no model, so the asset needs a node`,
      });
  });
  issues.push(...checkRuleReferences(config, zones, seen));
  const viewIds = new Set<string>();
  config.cameraViews.forEach((v, i) => {
    if (viewIds.has(v.id))
      issues.push({ path: `cameraViews[${i}].id`, message: `duplicate id "${v.id}"` });
    viewIds.add(v.id);
  });
  config.wall.tour?.forEach((viewId, i) => {
    if (!viewIds.has(viewId))
      issues.push({ path: `wall.tour[${i}]`, message: `unknown camera view "${viewId}"` });
  });
  issues.push(...checkTourReferences(config, viewIds, seen));
  return issues;
}

/** Rules name asset types, ids and zones that must exist, and have ids of their own. */
function checkRuleReferences(
  config: TwinConfig,
  zones: ReadonlySet<string>,
  assets: ReadonlyMap<string, number>,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const ruleIds = new Set<string>();
  config.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    if (ruleIds.has(rule.id))
      issues.push({ path: `${at}.id`, message: `duplicate id "${rule.id}"` });
    ruleIds.add(rule.id);
    rule.select.types?.forEach((type, k) => {
      if (!config.assetTypes[type])
        issues.push({ path: `${at}.select.types[${k}]`, message: `unknown asset type "${type}"` });
    });
    rule.select.ids?.forEach((id, k) => {
      if (!assets.has(id))
        issues.push({ path: `${at}.select.ids[${k}]`, message: `unknown asset "${id}"` });
    });
    rule.select.zones?.forEach((zone, k) => {
      if (!zones.has(zone))
        issues.push({ path: `${at}.select.zones[${k}]`, message: `unknown zone "${zone}"` });
    });
    rule.hints.forEach((hint, k) => {
      if (hint.kind === 'linked' || hint.kind === 'linkedAlarms')
        hint.select.types?.forEach((type, m) => {
          if (!config.assetTypes[type])
            issues.push({
              path: `${at}.hints[${k}].select.types[${m}]`,
              message: `unknown asset type "${type}"`,
            });
        });
      if (hint.kind === 'earlier' || hint.kind === 'linkedAlarms')
        hint.rules.forEach((id, m) => {
          if (!config.rules.some((r) => r.id === id))
            issues.push({ path: `${at}.hints[${k}].rules[${m}]`, message: `unknown rule "${id}"` });
        });
    });
    if (rule.kind === 'geofence')
      rule.zones.forEach((zone, k) => {
        if (!zones.has(zone))
          issues.push({ path: `${at}.zones[${k}]`, message: `unknown zone "${zone}"` });
      });
  });
  return issues;
}
