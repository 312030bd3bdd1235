import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Document, NodeIO, type Material, type Node } from '@gltf-transform/core';
import type { MeshBuilder } from './meshBuilder';
import {
  PALETTE,
  roundColor,
  srgbHexToLinear,
  type MaterialKey,
  type MaterialSpec,
} from './palette';
import type { Vec3 } from './vec3';

/** A fixed generator string, so a dependency upgrade does not change every committed byte. */
const GENERATOR = 'TwinDeck model generator (tools/models)';

/**
 * One model file: a single scene with a single root node named after the model. Named child
 * nodes are the contract with twin configs (articulated parts, bindable equipment).
 */
export class ModelDocument {
  readonly document = new Document();
  readonly root: Node;
  private readonly buffer = this.document.createBuffer();
  private readonly materials = new Map<MaterialKey, Material>();

  constructor(rootName: string) {
    this.document.getRoot().getAsset().generator = GENERATOR;
    this.root = this.document.createNode(rootName);
    const scene = this.document.createScene(rootName).addChild(this.root);
    this.document.getRoot().setDefaultScene(scene);
  }

  private material(key: MaterialKey): Material {
    let material = this.materials.get(key);
    if (!material) {
      const spec: MaterialSpec = PALETTE[key];
      const [r, g, b] = roundColor(srgbHexToLinear(spec.color));
      material = this.document
        .createMaterial(spec.name)
        .setBaseColorFactor([r, g, b, 1])
        .setMetallicFactor(spec.metallic)
        .setRoughnessFactor(spec.roughness)
        .setDoubleSided(spec.doubleSided ?? false);
      this.materials.set(key, material);
    }
    return material;
  }

  /**
   * Adds a node holding the builder's geometry as one mesh with one primitive per material.
   * Returns the node so callers can parent further nodes under it.
   */
  addMeshNode(
    name: string,
    builder: MeshBuilder<MaterialKey>,
    options: { parent?: Node; translation?: Vec3 } = {},
  ): Node {
    // A glTF mesh needs at least one primitive; an empty node would fail validation.
    if (builder.getBatches().length === 0) throw new Error(`node ${name} has no geometry`);
    const mesh = this.document.createMesh(name);
    for (const batch of builder.getBatches()) {
      const vertexCount = batch.positions.length / 3;
      const position = this.document
        .createAccessor()
        .setType('VEC3')
        .setArray(new Float32Array(batch.positions))
        .setBuffer(this.buffer);
      const normal = this.document
        .createAccessor()
        .setType('VEC3')
        .setArray(new Float32Array(batch.normals))
        .setBuffer(this.buffer);
      const indices = this.document
        .createAccessor()
        .setType('SCALAR')
        .setArray(
          vertexCount > 65535 ? new Uint32Array(batch.indices) : new Uint16Array(batch.indices),
        )
        .setBuffer(this.buffer);
      const primitive = this.document
        .createPrimitive()
        .setAttribute('POSITION', position)
        .setAttribute('NORMAL', normal)
        .setIndices(indices)
        .setMaterial(this.material(batch.material));
      const spec: MaterialSpec = PALETTE[batch.material];
      if (spec.vertexColors) {
        const color = this.document
          .createAccessor()
          .setType('VEC3')
          .setArray(new Float32Array(batch.colors))
          .setBuffer(this.buffer);
        primitive.setAttribute('COLOR_0', color);
      }
      mesh.addPrimitive(primitive);
    }
    const node = this.document.createNode(name).setMesh(mesh);
    if (options.translation) node.setTranslation([...options.translation]);
    (options.parent ?? this.root).addChild(node);
    return node;
  }
}

/** Serialises a document to GLB bytes (plain glTF 2.0, no compression extensions). */
export async function toGlb(document: Document): Promise<Uint8Array> {
  return new NodeIO().writeBinary(document);
}

/** Writes a document as a GLB file, creating the folder if needed. */
export async function writeGlbFile(path: string, document: Document): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await toGlb(document));
}
