import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeIO, type Document, type Node } from '@gltf-transform/core';
import validator from 'gltf-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFactoryLayout } from '../sites/factoryLayout';
import { MODEL_BUILDERS } from './buildAllModels';
import { generateModels } from './generate';
import { CONTAINER, QUAY_CRANE, YARD_CRANE } from './modelDimensions';
import { toGlb } from './modelDocument';

const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));
const io = new NodeIO();

/** Root node name, then the named nodes the app and the twin configs rely on. */
const CONTRACT: Record<string, { root: string; nodes: string[] }> = {
  'quay-crane.glb': { root: 'QuayCrane', nodes: ['structure', 'trolley', 'spreader'] },
  'yard-crane.glb': { root: 'YardCrane', nodes: ['structure', 'trolley', 'spreader'] },
  'truck.glb': { root: 'Truck', nodes: ['body'] },
  'vessel.glb': { root: 'Vessel', nodes: ['hull'] },
  'container-20.glb': { root: 'Container20', nodes: ['body'] },
  'container-40.glb': { root: 'Container40', nodes: ['body'] },
  'terminal-ground.glb': { root: 'TerminalGround', nodes: ['ground'] },
  'sewing-station.glb': { root: 'SewingStation', nodes: ['body', 'handwheel'] },
  'agv.glb': { root: 'Agv', nodes: ['body', 'load'] },
  'inspection-robot.glb': { root: 'InspectionRobot', nodes: ['body', 'head'] },
  'factory-hall.glb': {
    root: 'FactoryHall',
    nodes: ['hall', ...makeFactoryLayout().equipment.map((e) => e.node)],
  },
};

const committed = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(MODELS_DIR, file)));
const readModel = (file: string): Promise<Document> => io.readBinary(committed(file));

function node(doc: Document, name: string): Node {
  const found = doc
    .getRoot()
    .listNodes()
    .find((n) => n.getName() === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
}

function triangles(doc: Document): number {
  let n = 0;
  for (const mesh of doc.getRoot().listMeshes())
    for (const p of mesh.listPrimitives()) n += (p.getIndices()?.getCount() ?? 0) / 3;
  return n;
}

function materialsOf(n: Node): string[] {
  return (n.getMesh()?.listPrimitives() ?? []).map((p) => p.getMaterial()?.getName() ?? '');
}

/** [min, max] of a node's POSITION data, in the node's own frame. */
function bounds(n: Node): [number[], number[]] {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const p of n.getMesh()?.listPrimitives() ?? []) {
    const position = p.getAttribute('POSITION');
    if (!position) continue;
    const lo = position.getMin([]);
    const hi = position.getMax([]);
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i] as number, lo[i] as number);
      max[i] = Math.max(max[i] as number, hi[i] as number);
    }
  }
  return [min, max];
}

describe('bundled models', () => {
  it('include every generated model and nothing else, under 3 MB in total', () => {
    const files = readdirSync(MODELS_DIR)
      .filter((f) => f.endsWith('.glb'))
      .sort();
    expect(files).toEqual(MODEL_BUILDERS.map(([file]) => file).sort());
    const total = files.reduce((sum, f) => sum + statSync(join(MODELS_DIR, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  for (const [file] of MODEL_BUILDERS) {
    it(`${file} passes the Khronos glTF validator with no errors or warnings`, async () => {
      const report = await validator.validateBytes(committed(file), { uri: file });
      const problems = report.issues.messages
        .filter((m) => m.severity <= 1)
        .map((m) => `${m.code} ${m.pointer ?? ''}`);
      expect(problems).toEqual([]);
      expect(report.issues.numErrors).toBe(0);
    });

    it(`${file} has one scene, one root named after the model and the contract nodes`, async () => {
      const doc = await readModel(file);
      const contract = CONTRACT[file];
      if (!contract) throw new Error(`no contract for ${file}`);
      const scenes = doc.getRoot().listScenes();
      expect(scenes).toHaveLength(1);
      const roots = scenes[0]?.listChildren() ?? [];
      expect(roots.map((r) => r.getName())).toEqual([contract.root]);
      for (const name of contract.nodes) expect(node(doc, name).getMesh()).not.toBeNull();
      // One primitive per material per mesh, and every primitive has normals.
      for (const mesh of doc.getRoot().listMeshes()) {
        const materials = mesh.listPrimitives().map((p) => p.getMaterial());
        expect(new Set(materials).size).toBe(materials.length);
        for (const p of mesh.listPrimitives()) expect(p.getAttribute('NORMAL')).not.toBeNull();
      }
    });
  }

  it('quay crane: trolley rests at the boom underside, spreader bottom at ground', async () => {
    const doc = await readModel('quay-crane.glb');
    const trolley = node(doc, 'trolley');
    const spreader = node(doc, 'spreader');
    expect(trolley.getParentNode()?.getName()).toBe('QuayCrane');
    expect(spreader.getParentNode()).toBe(trolley);
    expect(trolley.getTranslation()).toEqual([0, QUAY_CRANE.boomUnderside, 0]);
    expect(spreader.getWorldTranslation()[1]).toBeCloseTo(0, 6);
    const [min, max] = bounds(spreader);
    expect(min[1]).toBeCloseTo(0, 6);
    // 40 ft spreader: long axis along the quay (z).
    expect((max[2] as number) - (min[2] as number)).toBeCloseTo(12.2, 1);
    expect((max[0] as number) - (min[0] as number)).toBeCloseTo(2.4, 1);
    expect(new Set(materialsOf(node(doc, 'structure'))).size).toBeLessThanOrEqual(2);
    // Landside rail at x = -30.5: gantry wheels sit on both rails; the boom reaches the outreach.
    const [smin, smax] = bounds(node(doc, 'structure'));
    expect(smax[0]).toBeGreaterThan(QUAY_CRANE.outreach);
    expect(smin[0]).toBeLessThan(-QUAY_CRANE.railGauge - QUAY_CRANE.backreach);
    expect(smin[1]).toBeCloseTo(0, 6);
  });

  it('yard crane: span, trolley rest on the girders, spreader bottom at ground', async () => {
    const doc = await readModel('yard-crane.glb');
    const trolley = node(doc, 'trolley');
    const spreader = node(doc, 'spreader');
    expect(spreader.getParentNode()).toBe(trolley);
    expect(trolley.getTranslation()).toEqual([0, YARD_CRANE.girderTop, 0]);
    expect(spreader.getWorldTranslation()[1]).toBeCloseTo(0, 6);
    expect(bounds(spreader)[0][1]).toBeCloseTo(0, 6);
    const [min, max] = bounds(node(doc, 'structure'));
    expect((max[2] as number) - (min[2] as number)).toBeGreaterThan(YARD_CRANE.span);
    expect(max[1]).toBeLessThan(27);
  });

  it('containers: ISO size, one primitive, at most 12 triangles', async () => {
    for (const [file, length] of [
      ['container-20.glb', CONTAINER.length20],
      ['container-40.glb', CONTAINER.length40],
    ] as const) {
      const doc = await readModel(file);
      expect(triangles(doc)).toBeLessThanOrEqual(12);
      const body = node(doc, 'body');
      expect(body.getMesh()?.listPrimitives()).toHaveLength(1);
      const [min, max] = bounds(body);
      expect(min).toEqual([
        expect.closeTo(-length / 2, 4),
        0,
        expect.closeTo(-CONTAINER.width / 2, 4),
      ]);
      expect(max).toEqual([
        expect.closeTo(length / 2, 4),
        expect.closeTo(CONTAINER.height, 4),
        expect.closeTo(CONTAINER.width / 2, 4),
      ]);
      // Near-white base colour, so instance tints show the owner colour.
      const color = doc.getRoot().listMaterials()[0]?.getBaseColorFactor() ?? [0, 0, 0, 0];
      expect(Math.min(color[0] ?? 0, color[1] ?? 0, color[2] ?? 0)).toBeGreaterThan(0.8);
    }
  });

  it('truck and vessel stay within their triangle and material budgets', async () => {
    const truck = await readModel('truck.glb');
    expect(triangles(truck)).toBeLessThanOrEqual(800);
    expect(materialsOf(node(truck, 'body')).length).toBeLessThanOrEqual(3);
    const vessel = await readModel('vessel.glb');
    expect(triangles(vessel)).toBeLessThanOrEqual(6000);
    expect(materialsOf(node(vessel, 'hull')).length).toBeLessThanOrEqual(5);
    const [min, max] = bounds(node(vessel, 'hull'));
    expect((max[0] as number) - (min[0] as number)).toBeGreaterThan(295);
    expect(min[1]).toBeLessThan(-13.5);
  });

  it('factory hall places each bindable item as its own node at its layout position', async () => {
    const doc = await readModel('factory-hall.glb');
    for (const item of makeFactoryLayout().equipment) {
      const n = node(doc, item.node);
      expect(n.getParentNode()?.getName()).toBe('FactoryHall');
      expect(n.getTranslation()).toEqual([item.position[0], 0, item.position[1]]);
    }
  });
});

describe('model generator', () => {
  let outDir = '';
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'twindeck-models-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is deterministic and the committed models are up to date', async () => {
    const written = await generateModels(outDir);
    expect(written).toHaveLength(MODEL_BUILDERS.length);
    for (const [file] of MODEL_BUILDERS) {
      const fresh = new Uint8Array(readFileSync(join(outDir, file)));
      expect(Buffer.compare(fresh, committed(file)), `${file} differs: run npm run models`).toBe(0);
    }
  });

  it('builds identical bytes twice in one process', async () => {
    for (const [file, build] of MODEL_BUILDERS) {
      const a = await toGlb(build());
      const b = await toGlb(build());
      expect(Buffer.compare(a, b), file).toBe(0);
    }
  });
});
