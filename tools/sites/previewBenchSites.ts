import type { TwinConfigInput } from '../../src/config/schema';
import { buildFactoryConfig } from './factoryConfig';
import { makeFactoryLayout } from './factoryLayout';
import { buildTerminalConfig } from './terminalConfig';
import { makeTerminalLayout } from './terminalLayout';

/**
 * The sites the preview-speed benchmark simulates (docs/targets.md): a one-berth terminal with
 * the 4 quay cranes and 24 trucks working one ship, and a 10-line, 320-machine factory.
 * Built like the bundled sites, so the simulator sees nothing it would not see in the field.
 */
export function previewBenchTerminal(): TwinConfigInput {
  const layout = makeTerminalLayout({
    berths: 1,
    berthLength: 400,
    blockColumns: 3,
    blockRows: 4,
    baysPerBlock: 36,
    rowsPerBlock: 6,
    tiers: 5,
    roadEveryRows: 2,
  });
  return buildTerminalConfig(layout, {
    id: 'terminal-preview-bench',
    name: { en: 'Preview benchmark terminal', 'zh-CN': '预演基准码头' },
    modelBaseUrl: '../models/',
    groundUrl: '../models/terminal-ground.glb',
    quayCranes: 4,
    vessels: 1,
    trucks: 24,
    containers: 3000,
    seed: 0x9e71,
  });
}

/** Lines of the benchmark factory: 10 × 32 stations ≥ the 300 machines. */
export const PREVIEW_BENCH_FACTORY_LINES = 10;

export function previewBenchFactory(): TwinConfigInput {
  return buildFactoryConfig(makeFactoryLayout({ lines: PREVIEW_BENCH_FACTORY_LINES }), {
    modelBaseUrl: '../models/',
    seed: 0xfac7,
  });
}
