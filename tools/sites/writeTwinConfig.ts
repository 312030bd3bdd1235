import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import type { TwinConfigInput } from '../../src/config/schema';
import type { AssetTableInput } from './configTypes';

/** Widest line an array or object is kept on before it is broken over several lines. */
const INLINE_WIDTH = 100;

/**
 * Serialises a config readably but compactly: short arrays and objects on one line, each asset and
 * each table row on one line (a terminal has thousands of containers), the rest indented by two.
 */
export function formatTwinConfig(config: TwinConfigInput): string {
  const entries = Object.entries(config);
  const lines = ['{'];
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (key === 'assets' && Array.isArray(value)) {
      lines.push('  "assets": [');
      value.forEach((asset, j) =>
        lines.push(`    ${JSON.stringify(asset)}${j < value.length - 1 ? ',' : ''}`),
      );
      lines.push(`  ]${comma}`);
    } else if (key === 'assetTables' && Array.isArray(value)) {
      lines.push('  "assetTables": [');
      (value as AssetTableInput[]).forEach((table, j) => {
        lines.push('    {');
        lines.push(`      "type": ${JSON.stringify(table.type)},`);
        lines.push(`      "columns": ${JSON.stringify(table.columns)},`);
        lines.push('      "rows": [');
        table.rows.forEach((row, r) =>
          lines.push(`        ${JSON.stringify(row)}${r < table.rows.length - 1 ? ',' : ''}`),
        );
        lines.push('      ]');
        lines.push(`    }${j < value.length - 1 ? ',' : ''}`);
      });
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${formatValue(value, '  ')}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function formatValue(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= INLINE_WIDTH)
    return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${formatValue(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Throws with every issue (JSON path and message) when the text is not a valid twin config. */
export function assertValidTwinConfig(text: string, label: string): void {
  const result = validateTwinConfig(JSON.parse(text));
  if (!result.ok) {
    const list = result.issues.slice(0, 30).map((i) => `  ${i.path}: ${i.message}`);
    const more = result.issues.length > 30 ? `\n  … and ${result.issues.length - 30} more` : '';
    throw new Error(`${label} is not a valid twin config:\n${list.join('\n')}${more}`);
  }
}

/** Formats, validates (exactly the text written) and writes a config. */
export function writeTwinConfig(path: string, config: TwinConfigInput): void {
  const text = formatTwinConfig(config);
  assertValidTwinConfig(text, path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
