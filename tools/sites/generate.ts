import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bundledSiteFiles } from './bundledSites';
import { writeFullScaleTerminal } from './fullScaleTerminal';
import { assertValidTwinConfig } from './writeTwinConfig';

/**
 * `npx tsx tools/sites/generate.ts [outDir]` writes the bundled twin configs and the site index
 * (default `twin-configs/`); `--full-scale <outDir>` writes the benchmark terminal instead.
 */
async function main(args: string[]): Promise<void> {
  if (args[0] === '--full-scale') {
    const outDir = args[1];
    if (!outDir) throw new Error('usage: generate.ts --full-scale <outDir>');
    mkdirSync(resolve(outDir), { recursive: true });
    const written = await writeFullScaleTerminal(resolve(outDir));
    console.log(`wrote ${written.config}\nwrote ${written.ground}`);
    return;
  }
  const outDir = resolve(args[0] ?? 'twin-configs');
  mkdirSync(outDir, { recursive: true });
  for (const [file, text] of bundledSiteFiles()) {
    if (file !== 'index.json' && !file.startsWith('plans/')) assertValidTwinConfig(text, file);
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), text);
    console.log(`wrote ${join(outDir, file)}`);
  }
}

await main(process.argv.slice(2));
