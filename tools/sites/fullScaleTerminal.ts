import { join } from 'node:path';
import { buildTerminalGround } from '../models/terminalGround';
import { writeGlbFile } from '../models/modelDocument';
import { buildTerminalConfig } from './terminalConfig';
import { makeTerminalLayout, type TerminalLayoutOptions } from './terminalLayout';
import { writeTwinConfig } from './writeTwinConfig';

/** A Yangshan phase IV–class terminal: what the benchmarks mean by "full scale". */
export const FULL_SCALE_LAYOUT: TerminalLayoutOptions = {
  berths: 5,
  berthLength: 400,
  blockColumns: 8,
  blockRows: 15,
  baysPerBlock: 36,
  rowsPerBlock: 6,
  tiers: 5,
  roadEveryRows: 2,
};

export const FULL_SCALE_COUNTS = {
  quayCranes: 26,
  yardCranes: 120,
  trucks: 530,
  containers: 50_000,
  vessels: 5,
} as const;

export const FULL_SCALE_CONFIG_FILE = 'terminal-full.json';
export const FULL_SCALE_GROUND_FILE = 'terminal-full-ground.glb';

/**
 * Writes the full-scale terminal config and its own ground model into `outDir`. Shared models are
 * referenced as `../models/…`, so the folder works when served at `/bench-site/` beside `/models/`.
 */
export async function writeFullScaleTerminal(
  outDir: string,
): Promise<{ config: string; ground: string }> {
  const layout = makeTerminalLayout(FULL_SCALE_LAYOUT);
  if (layout.blocks.length !== FULL_SCALE_COUNTS.yardCranes)
    throw new Error('one RTG per block: block count must match');
  const ground = join(outDir, FULL_SCALE_GROUND_FILE);
  await writeGlbFile(ground, buildTerminalGround(layout));
  const config = join(outDir, FULL_SCALE_CONFIG_FILE);
  writeTwinConfig(
    config,
    buildTerminalConfig(layout, {
      id: 'terminal-full',
      name: { en: 'Full-scale Container Terminal', 'zh-CN': '全尺寸集装箱码头' },
      description: {
        en: 'Generated benchmark site: 26 quay cranes, 120 RTG blocks, 530 trucks, 50,000 containers.',
        'zh-CN': '基准测试用生成场景：26 台岸桥、120 个场桥箱区、530 辆集卡、50,000 个集装箱。',
      },
      modelBaseUrl: '../models/',
      groundUrl: `./${FULL_SCALE_GROUND_FILE}`,
      quayCranes: FULL_SCALE_COUNTS.quayCranes,
      vessels: FULL_SCALE_COUNTS.vessels,
      trucks: FULL_SCALE_COUNTS.trucks,
      containers: FULL_SCALE_COUNTS.containers,
      seed: 0xf011,
    }),
  );
  return { config, ground };
}
