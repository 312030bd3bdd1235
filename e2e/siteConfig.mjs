// Reads site configs from disk: the expected values the browser tests compare the app against.
import { readFileSync } from 'node:fs';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** A bundled twin config, as committed in twin-configs/. */
export const readSiteConfig = (siteId) => readJson(`twin-configs/${siteId}.json`);

/** A config under e2e/fixtures/. */
export const readFixture = (name) => readJson(`e2e/fixtures/${name}`);

/** Ids of the bundled sites, in the order twin-configs/index.json lists them. */
export function readBundledSiteIds() {
  const index = readJson('twin-configs/index.json');
  return index.sites.map((site) => site.id);
}

/**
 * Every asset a config declares, objects and table rows alike, as `{ id, type, pose?, node? }`.
 * Read here on its own terms (not with the app's code), so the tests check the app's reading.
 */
export function configAssets(config) {
  const rows = (config.assetTables ?? []).flatMap((table) =>
    table.rows.map((row) => {
      const cell = Object.fromEntries(table.columns.map((column, i) => [column, row[i]]));
      return {
        id: cell.id,
        type: table.type,
        ...(cell.x !== undefined ? { pose: { position: [cell.x, cell.y, cell.z] } } : {}),
        ...(cell.node !== undefined ? { node: cell.node } : {}),
      };
    }),
  );
  return [...(config.assets ?? []), ...rows];
}

/** `{ [typeId]: number of assets }` for a list of `{ type }` records. */
export function countByType(assets) {
  const counts = {};
  for (const { type } of assets) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Ids of the config's asset types of one category (e.g. `quayCrane`). */
export function typeIdsOfCategory(config, category) {
  return Object.entries(config.assetTypes)
    .filter(([, type]) => type.category === category)
    .map(([id]) => id);
}
