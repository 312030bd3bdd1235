import type { AssetTableConfig } from './assetTable';
import { DEFAULT_HEADING_DEG } from './primitives';
import type { AssetConfig, FieldValue, LocalizedTextValue } from './schema';

/** The parts of an asset a cross-reference check can point at. */
export type AssetPart = 'id' | 'type' | 'zone' | 'node' | 'pose';

/** All assets of a config, and where in the file each one's parts are written. */
export interface ExpandedAssets {
  assets: AssetConfig[];
  /** JSON path of a part of `assets[index]`: an object in `assets` or a row of a table. */
  origin(index: number, part: AssetPart): string;
}

const OWN_COLUMNS = [
  'id',
  'name',
  'zone',
  'node',
  'x',
  'y',
  'z',
  'headingDeg',
  'pitchDeg',
  'rollDeg',
];

/** Turns the rows of one validated table into assets (cells were checked by the schema). */
function tableAssets(table: AssetTableConfig, out: AssetConfig[]): void {
  const [id, name, zone, node, x, y, z, heading, pitch, roll] = OWN_COLUMNS.map((c) =>
    table.columns.indexOf(c),
  ) as number[] as [number, number, number, number, number, number, number, number, number, number];
  const fieldNames: string[] = [];
  const fieldAt: number[] = [];
  table.columns.forEach((column, i) => {
    if (!OWN_COLUMNS.includes(column)) {
      fieldNames.push(column);
      fieldAt.push(i);
    }
  });
  for (const row of table.rows) {
    const fields: Record<string, FieldValue> = {};
    for (let f = 0; f < fieldAt.length; f++) {
      const value = row[fieldAt[f] as number];
      if (value !== null) fields[fieldNames[f] as string] = value as FieldValue;
    }
    const asset: AssetConfig = { id: row[id] as string, type: table.type, fields };
    if (name >= 0) asset.name = row[name] as LocalizedTextValue;
    if (zone >= 0) asset.zone = row[zone] as string;
    if (node >= 0) asset.node = row[node] as string;
    if (x >= 0)
      asset.pose = {
        position: [row[x] as number, row[y] as number, row[z] as number],
        headingDeg: heading >= 0 ? (row[heading] as number) : DEFAULT_HEADING_DEG,
        pitchDeg: pitch >= 0 ? (row[pitch] as number) : 0,
        rollDeg: roll >= 0 ? (row[roll] as number) : 0,
      };
    out.push(asset);
  }
}

/**
 * Turns validated asset tables into assets, after the objects of `assets`, so the rest of the
 * app sees one list.
 */
export function expandAssetTables(
  objects: AssetConfig[],
  tables: AssetTableConfig[],
): ExpandedAssets {
  const assets = objects.slice();
  // Index of each table's first asset; error paths are worked out only when there is an error.
  const starts: number[] = [];
  for (const table of tables) {
    starts.push(assets.length);
    tableAssets(table, assets);
  }

  const origin = (index: number, part: AssetPart): string => {
    if (index < objects.length) return `assets[${index}].${part}`;
    let t = starts.length - 1;
    while (t > 0 && (starts[t] as number) > index) t--;
    const row = index - (starts[t] as number);
    if (part === 'type') return `assetTables[${t}].type`;
    const column = part === 'pose' ? -1 : (tables[t]?.columns.indexOf(part) ?? -1);
    return `assetTables[${t}].rows[${row}]${column >= 0 ? `[${column}]` : ''}`;
  };
  return { assets, origin };
}
