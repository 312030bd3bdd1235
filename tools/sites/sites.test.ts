import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeIO } from '@gltf-transform/core';
import validator from 'gltf-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import type { AssetConfig, TwinConfig } from '../../src/config/schema';
import { twinConfigJsonSchema } from '../exportSchema';
import { CONTAINER, QUAY_CRANE } from '../models/modelDimensions';
import { bundledSiteFiles } from './bundledSites';
import {
  FULL_SCALE_CONFIG_FILE,
  FULL_SCALE_COUNTS,
  FULL_SCALE_GROUND_FILE,
  FULL_SCALE_LAYOUT,
  writeFullScaleTerminal,
} from './fullScaleTerminal';
import { isValidContainerId } from './iso6346';
import {
  BUNDLED_TERMINAL,
  groundSlotsOfBay,
  makeTerminalLayout,
  slotPosition,
  type TerminalLayout,
} from './terminalLayout';

const CONFIG_DIR = fileURLToPath(new URL('../../twin-configs/', import.meta.url));
const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

function loadConfig(path: string): TwinConfig {
  const result = validateTwinConfig(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.config;
}

const ofType = (config: TwinConfig, ...types: string[]): AssetConfig[] =>
  config.assets.filter((a) => types.includes(a.type));
/** Boxes on the terminal (in the yard or on trucks), not those still aboard the ships. */
const ashore = (boxes: AssetConfig[]): AssetConfig[] => boxes.filter((b) => !b.fields.onboard);
const inYard = (config: TwinConfig): AssetConfig[] =>
  ofType(config, 'container20', 'container40').filter(
    (a) => typeof a.fields.slot === 'string' && a.fields.slot !== '',
  );

/** Asserts the yard is physically possible: one box per slot, every box on the ground or on boxes. */
function expectConsistentYard(config: TwinConfig, layout: TerminalLayout): void {
  const blocks = new Map(layout.blocks.map((b) => [b.id, b]));
  const occupied = new Set<string>();
  const boxes = inYard(config);
  for (const box of boxes) {
    const [blockId, bay, row, tier] = String(box.fields.slot).split('-') as [
      string,
      string,
      string,
      string,
    ];
    const block = blocks.get(blockId);
    if (!block) throw new Error(`${box.id}: unknown block ${blockId}`);
    expect(box.type, box.id).toBe(Number(bay) % 2 === 0 ? 'container40' : 'container20');
    for (const ground of groundSlotsOfBay(Number(bay))) {
      const key = `${blockId}/${ground}/${row}/${tier}`;
      expect(occupied.has(key), `two boxes in ${key}`).toBe(false);
      occupied.add(key);
    }
    const expected = slotPosition(layout, block, Number(bay), Number(row), Number(tier));
    expect(box.pose?.position[0]).toBeCloseTo(expected[0], 2);
    expect(box.pose?.position[2]).toBeCloseTo(expected[2], 2);
    expect(box.pose?.position[1]).toBeCloseTo((Number(tier) - 1) * CONTAINER.height, 3);
    expect(Number(tier)).toBeGreaterThanOrEqual(1);
    expect(Number(tier)).toBeLessThanOrEqual(block.tiers);
  }
  for (const key of occupied) {
    const [blockId, ground, row, tier] = key.split('/') as [string, string, string, string];
    if (Number(tier) > 1)
      expect(occupied.has(`${blockId}/${ground}/${row}/${Number(tier) - 1}`), `${key} floats`).toBe(
        true,
      );
  }
}

function expectValidIds(config: TwinConfig): void {
  const boxes = ofType(config, 'container20', 'container40');
  for (const box of boxes) expect(isValidContainerId(box.id), box.id).toBe(true);
  const colors = config.assetTypes.container40?.colorBy?.colors ?? {};
  for (const box of boxes)
    expect(colors[String(box.fields.owner)], `${box.id} owner`).toBeDefined();
}

describe('bundled terminal', () => {
  const config = loadConfig(join(CONFIG_DIR, 'terminal.json'));
  const layout = makeTerminalLayout(BUNDLED_TERMINAL);

  it('has the site, the equipment and at least 5,000 yard containers', () => {
    expect(config.site).toMatchObject({
      id: 'terminal',
      kind: 'terminal',
      timeZone: 'Asia/Shanghai',
    });
    expect(config.site.name).toEqual({
      en: 'Harbour Container Terminal',
      'zh-CN': '港口集装箱码头',
    });
    expect(ofType(config, 'vessel').length).toBeGreaterThanOrEqual(1);
    expect(ofType(config, 'quayCrane')).toHaveLength(6);
    expect(layout.blocks).toHaveLength(12);
    expect(ofType(config, 'yardCrane')).toHaveLength(12);
    expect(ofType(config, 'truck')).toHaveLength(40);
    expect(inYard(config).length).toBeGreaterThanOrEqual(5000);
    // Live from the start: every drawn type has a JSON binding, Sparkplug devices and nodes one each.
    expect(config.broker?.url).toBe('/mqtt');
    expect(config.bindings.map((b) => b.id)).toEqual(
      expect.arrayContaining([
        'truck-json',
        'container40-json',
        'devices-sparkplug',
        'nodes-sparkplug',
      ]),
    );
    // Alarmed about what its control room watches: one rule of each kind.
    expect(new Set(config.rules.map((r) => r.kind))).toEqual(
      new Set([
        'fault',
        'stateTooLong',
        'rateBelow',
        'stale',
        'geofence',
        'threshold',
        'planDeviation',
      ]),
    );
    expect(config.kpis.map((k) => k.id)).toContain('qcGrossRate');
  });

  it('stands quay cranes on the rails with the boom to sea and one RTG on each block', () => {
    for (const qc of ofType(config, 'quayCrane')) {
      expect(qc.pose?.position[2]).toBe(layout.quay.railWatersideZ);
      expect(qc.pose?.headingDeg).toBe(0);
      expect(layout.quay.railLandsideZ - layout.quay.railWatersideZ).toBeCloseTo(
        QUAY_CRANE.railGauge,
        6,
      );
    }
    const xs = ofType(config, 'quayCrane')
      .map((qc) => qc.pose?.position[0] ?? 0)
      .sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++)
      expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThan(QUAY_CRANE.width);
    const rtgBlocks = ofType(config, 'yardCrane').map((r) => r.fields.block);
    expect(new Set(rtgBlocks)).toEqual(new Set(layout.blocks.map((b) => b.id)));
  });

  it('stacks 20 ft and 40 ft boxes one per slot, each on the ground or on the box below', () => {
    expectConsistentYard(config, layout);
    const boxes = inYard(config);
    expect(new Set(boxes.map((b) => b.type))).toEqual(new Set(['container20', 'container40']));
    expect(new Set(boxes.map((b) => Number(String(b.fields.slot).split('-')[3])))).toEqual(
      new Set([1, 2, 3, 4, 5]),
    );
    // Yard utilisation in TEU ground positions × tiers: a working terminal runs 60–80 % full.
    const capacity = layout.blocks.reduce((sum, b) => sum + b.bays * b.rows * b.tiers, 0);
    const used = boxes.reduce((sum, b) => sum + (b.type === 'container40' ? 2 : 1), 0);
    expect(used / capacity).toBeGreaterThan(0.6);
    expect(used / capacity).toBeLessThan(0.8);
  });

  it('gives every container a unique ISO 6346 id with a correct check digit and a known owner', () => {
    expectValidIds(config);
    const ids = config.assets.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts boxes on laden trucks at the chassis height', () => {
    const trucks = new Map(ofType(config, 'truck').map((t) => [t.id, t]));
    const onTrucks = ofType(config, 'container20', 'container40').filter((a) => a.fields.truck);
    expect(onTrucks.length).toBeGreaterThan(0);
    for (const box of onTrucks) {
      const truck = trucks.get(String(box.fields.truck));
      expect(truck?.fields).toMatchObject({ laden: true, containerId: box.id });
      expect(box.pose?.headingDeg).toBe(truck?.pose?.headingDeg);
    }
  });
});

describe('bundled terminal: cargo aboard and 5G gateways', () => {
  const config = loadConfig(join(CONFIG_DIR, 'terminal.json'));

  it('stows boxes aboard each ship, hidden until discharged, one per stowage slot, on the hatch or on boxes', () => {
    const vessels = ofType(config, 'vessel');
    const aboard = ofType(config, 'container20', 'container40').filter((b) => b.fields.onboard);
    for (const v of vessels)
      expect(aboard.filter((b) => b.fields.onboard === v.id).length).toBeGreaterThan(300);
    const taken = new Set<string>();
    for (const box of aboard) {
      expect(box.fields.present, box.id).toBe(false);
      expect(box.fields.slot ?? '', box.id).toBe('');
      const [bay, row, tier] = String(box.fields.stowage).split('-').map(Number) as [
        number,
        number,
        number,
      ];
      expect(box.type).toBe(bay % 2 === 0 ? 'container40' : 'container20');
      const bays = bay % 2 === 0 ? [bay - 1, bay + 1] : [bay];
      for (const b of bays) {
        const key = `${String(box.fields.onboard)}/${b}/${row}/${tier}`;
        expect(taken.has(key), key).toBe(false);
        taken.add(key);
      }
    }
    for (const key of taken) {
      const [v, b, row, tier] = key.split('/') as [string, string, string, string];
      if (Number(tier) > 82)
        expect(taken.has(`${v}/${b}/${row}/${Number(tier) - 2}`), key).toBe(true);
    }
    expect(config.assetTypes.container40?.fields.present?.default).toBe(true);
    expect(config.assetTypes.container40?.fields.onboard?.default).toBe('');
  });

  it('has one 5G gateway per crane and per truck and one for the TOS, each named by what it reports', () => {
    const gateways = ofType(config, 'gateway5g');
    expect(config.assetTypes.gateway5g?.virtual).toBe(true);
    const ids = new Set(gateways.map((g) => g.id));
    for (const a of ofType(config, 'quayCrane', 'yardCrane', 'truck')) {
      expect(a.fields.gateway).toBe(`gw-${a.id}`);
      expect(ids.has(`gw-${a.id}`)).toBe(true);
    }
    expect(ids.has('gw-tos')).toBe(true);
    expect(gateways).toHaveLength(6 + 12 + 40 + 1);
    for (const g of gateways) expect(['json', 'sparkplugb']).toContain(g.fields.protocol);
  });
});

describe('bundled factory', () => {
  const config = loadConfig(join(CONFIG_DIR, 'factory.json'));

  it('has at least 4 sewing lines of 20 machines, 8 AGVs and 2 inspection robots', () => {
    expect(config.site).toMatchObject({
      id: 'factory',
      kind: 'factory',
      name: { en: 'Apparel Factory', 'zh-CN': '服装工厂' },
    });
    const byLine = new Map<string, number>();
    for (const s of ofType(config, 'sewingMachine')) {
      expect(s.fields).toHaveProperty('operation');
      expect(s.fields).toHaveProperty('operator');
      expect(s.fields).toHaveProperty('status');
      byLine.set(String(s.fields.line), (byLine.get(String(s.fields.line)) ?? 0) + 1);
    }
    expect(byLine.size).toBeGreaterThanOrEqual(4);
    for (const n of byLine.values()) expect(n).toBeGreaterThanOrEqual(20);
    expect(ofType(config, 'agv').length).toBeGreaterThanOrEqual(8);
    expect(ofType(config, 'inspectionRobot').length).toBeGreaterThanOrEqual(2);
    const zoneKinds = new Set(config.zones.map((z) => z.kind));
    for (const kind of ['cutting', 'finishing', 'warehouse', 'charging'])
      expect(zoneKinds).toContain(kind);
  });

  it('binds equipment to nodes that exist in the hall model', async () => {
    expect(config.scenery.filter((s) => s.siteModel)).toHaveLength(1);
    const hall = await new NodeIO().readBinary(
      new Uint8Array(readFileSync(join(MODELS_DIR, 'factory-hall.glb'))),
    );
    const names = new Set(
      hall
        .getRoot()
        .listNodes()
        .map((n) => n.getName()),
    );
    const bound = config.assets.filter((a) => a.node !== undefined);
    expect(bound.length).toBeGreaterThanOrEqual(3 + 4 + 6);
    for (const asset of bound) {
      expect(names, asset.id).toContain(asset.node);
      expect(config.assetTypes[asset.type]?.model).toBeUndefined();
    }
  });
});

describe('bundled site files', () => {
  it('resolve every model URL to a file in models/', () => {
    for (const file of ['terminal.json', 'factory.json']) {
      const config = loadConfig(join(CONFIG_DIR, file));
      for (const [id, model] of Object.entries(config.models)) {
        const path = fileURLToPath(new URL(model.url, new URL(file, `file://${CONFIG_DIR}`)));
        expect(existsSync(path), `${file} model ${id}: ${model.url}`).toBe(true);
      }
    }
  });

  it('are what the generator writes (run npm run sites after a change)', () => {
    for (const [file, text] of bundledSiteFiles()) {
      expect(readFileSync(join(CONFIG_DIR, file), 'utf8') === text, `${file} is stale`).toBe(true);
    }
    const index = JSON.parse(readFileSync(join(CONFIG_DIR, 'index.json'), 'utf8')) as {
      sites: { config: string }[];
    };
    for (const site of index.sites) expect(existsSync(join(CONFIG_DIR, site.config))).toBe(true);
  });

  it('include an up-to-date JSON Schema (run npm run schema after a schema change)', () => {
    expect(readFileSync(join(CONFIG_DIR, 'schema.json'), 'utf8') === twinConfigJsonSchema()).toBe(
      true,
    );
  });

  it('stay within the size budget', () => {
    expect(readFileSync(join(CONFIG_DIR, 'terminal.json')).length).toBeLessThan(1.5 * 1024 * 1024);
  });
});

describe('full-scale terminal', () => {
  let outDir = '';
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'twindeck-full-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has the benchmark counts, a consistent yard and its own valid ground model', async () => {
    await writeFullScaleTerminal(outDir);
    const config = loadConfig(join(outDir, FULL_SCALE_CONFIG_FILE));
    expect(ofType(config, 'quayCrane')).toHaveLength(FULL_SCALE_COUNTS.quayCranes);
    expect(ofType(config, 'yardCrane')).toHaveLength(FULL_SCALE_COUNTS.yardCranes);
    expect(ofType(config, 'truck')).toHaveLength(FULL_SCALE_COUNTS.trucks);
    expect(ashore(ofType(config, 'container20', 'container40'))).toHaveLength(
      FULL_SCALE_COUNTS.containers,
    );
    expect(ofType(config, 'vessel').length).toBeGreaterThanOrEqual(3);
    expect(config.models.terminalGround?.url).toBe(`./${FULL_SCALE_GROUND_FILE}`);
    for (const [id, model] of Object.entries(config.models))
      if (id !== 'terminalGround') expect(model.url).toMatch(/^\.\.\/models\//);
    expectValidIds(config);
    expectConsistentYard(config, makeTerminalLayout(FULL_SCALE_LAYOUT));
    const report = await validator.validateBytes(
      new Uint8Array(readFileSync(join(outDir, FULL_SCALE_GROUND_FILE))),
    );
    expect(report.issues.numErrors).toBe(0);
  });
});
