import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_BUILDERS } from './buildAllModels';
import { toGlb } from './modelDocument';

/** Writes every bundled model as GLB into `outDir`; returns the written paths. */
export async function generateModels(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [fileName, build] of MODEL_BUILDERS) {
    const path = join(outDir, fileName);
    writeFileSync(path, await toGlb(build()));
    written.push(path);
  }
  return written;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outDir = resolve(process.argv[2] ?? 'models');
  const written = await generateModels(outDir);
  for (const path of written) console.log(`wrote ${path}`);
}
