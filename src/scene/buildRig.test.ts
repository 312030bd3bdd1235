import { describe, expect, it } from 'vitest';
import {
  BoxGeometry,
  BufferAttribute,
  Group,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  Vector3,
} from 'three';
import { Articulation as ArticulationConfigSchema } from '../config/schema';
import { buildRig } from './buildRig';
import { poseRig } from './poseRig';
import type { AssetState } from '../twin/assetState';

function craneModel() {
  const steel = new MeshStandardMaterial();
  const dark = new MeshStandardMaterial();
  const root = new Group();
  root.name = 'Crane';
  const structure = new Group();
  structure.name = 'structure';
  structure.add(
    new Mesh(new BoxGeometry(2, 50, 2), steel),
    new Mesh(new BoxGeometry(60, 2, 2), steel),
  );
  const trolley = new Group();
  trolley.name = 'trolley';
  trolley.position.set(0, 50, 0);
  trolley.add(new Mesh(new BoxGeometry(4, 2, 4), steel));
  const spreader = new Group();
  spreader.name = 'spreader';
  spreader.position.set(0, -50, 0);
  spreader.add(new Mesh(new BoxGeometry(12, 1, 2), dark));
  trolley.add(spreader);
  root.add(structure, trolley);
  return root;
}

function asset(fields: Record<string, number>): AssetState {
  return {
    id: 'qc1',
    type: 'qc',
    name: 'QC1',
    zone: undefined,
    node: undefined,
    position: [100, 0, -20],
    headingDeg: 90,
    pitchDeg: 0,
    rollDeg: 0,
    fields,
    lastUpdate: 0,
    stale: false,
    gateway: undefined,
    linkHealth: undefined,
    version: 0,
  };
}

describe('buildRig', () => {
  const parts = {
    trolley: ArticulationConfigSchema.parse({ node: 'trolley', field: 'trolley', axis: 'x' }),
    hoist: ArticulationConfigSchema.parse({
      node: 'spreader',
      field: 'hoist',
      axis: 'y',
      min: 0,
      max: 45,
    }),
    ghost: ArticulationConfigSchema.parse({ node: 'nope', field: 'x', axis: 'x' }),
  };

  it('merges static meshes per material and keeps moving parts apart', () => {
    const rig = buildRig(craneModel(), parts);
    expect(rig.nodes.map((n) => n.name)).toEqual(['Crane', 'trolley', 'spreader']);
    expect(rig.nodes[2]?.parent).toBe(1);
    // structure's two steel boxes merge into one group; trolley (steel) and spreader (dark) stay apart
    expect(rig.groups.map((g) => g.node).sort()).toEqual([0, 1, 2]);
    expect(rig.missingParts).toEqual(['ghost']);
    expect(rig.triangles).toBe(48);
  });

  it('poses parts from fields, clamped, in world space', () => {
    const rig = buildRig(craneModel(), parts);
    const out = rig.nodes.map(() => new Matrix4());
    poseRig(rig, asset({ trolley: 30, hoist: 80 }), out);
    const p = new Vector3();
    p.setFromMatrixPosition(out[1] ?? new Matrix4());
    expect(p.toArray()).toEqual([130, 50, -20]);
    p.setFromMatrixPosition(out[2] ?? new Matrix4());
    expect(p.toArray()).toEqual([130, 45, -20]);
  });

  it('turns the asset by compass heading: heading 0 points the model +x north (-z)', () => {
    const rig = buildRig(craneModel(), parts);
    const out = rig.nodes.map(() => new Matrix4());
    const a = asset({ trolley: 10, hoist: 0 });
    a.headingDeg = 0;
    poseRig(rig, a, out);
    const p = new Vector3().setFromMatrixPosition(out[1] ?? new Matrix4());
    expect(p.x).toBeCloseTo(100);
    expect(p.z).toBeCloseTo(-30);
  });

  it('gives every group vertex colours, so plain and coloured parts share a shader program', () => {
    const model = craneModel();
    const painted = new MeshStandardMaterial({ vertexColors: true });
    const cargo = new BoxGeometry(3, 3, 3);
    const red = new Float32Array(cargo.getAttribute('position').count * 3).fill(0);
    for (let i = 0; i < red.length; i += 3) red[i] = 1;
    cargo.setAttribute('color', new BufferAttribute(red, 3));
    model.add(new Mesh(cargo, painted));
    const rig = buildRig(model, parts);
    expect(
      rig.groups.every((g) => g.material.vertexColors && g.geometry.getAttribute('color')),
    ).toBe(true);
    const plain = rig.groups.find((g) => g.material !== painted);
    expect(plain?.geometry.getAttribute('color').getX(0)).toBe(1);
    expect(
      rig.groups
        .find((g) => g.material === painted)
        ?.geometry.getAttribute('color')
        .getY(0),
    ).toBe(0);
    // The model's own materials are left as they were; the rig owns its vertex-coloured copies.
    expect(rig.ownMaterials).toHaveLength(2);
    model.traverse((o) => {
      if (o instanceof Mesh && o.material !== painted) expect(o.material.vertexColors).toBe(false);
    });
  });
});
