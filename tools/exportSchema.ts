import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TwinConfig } from '../src/config/schema';

/**
 * JSON Schema of the twin-config format, for editor autocompletion and validation: configs point
 * at it with `"$schema": "./schema.json"`. Input form, so fields with defaults are optional.
 */
export function twinConfigJsonSchema(): string {
  const schema = z.toJSONSchema(TwinConfig, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const path = resolve(process.argv[2] ?? 'twin-configs/schema.json');
  writeFileSync(path, twinConfigJsonSchema());
  console.log(`wrote ${path}`);
}
