import type { Document } from '@gltf-transform/core';
import { MeshBuilder } from './meshBuilder';
import { ModelDocument } from './modelDocument';
import { CONTAINER } from './modelDimensions';
import type { MaterialKey } from './palette';

/**
 * ISO container as a plain box: tens of thousands are instanced, so one primitive of 12
 * triangles with a near-white material the app tints per instance (owner colour).
 * Origin at the bottom centre, +x along the length.
 */
export function buildContainer(size: 20 | 40): Document {
  const length = size === 20 ? CONTAINER.length20 : CONTAINER.length40;
  const model = new ModelDocument(size === 20 ? 'Container20' : 'Container40');
  const m = new MeshBuilder<MaterialKey>();
  m.box(
    'containerWhite',
    [-length / 2, 0, -CONTAINER.width / 2],
    [length / 2, CONTAINER.height, CONTAINER.width / 2],
  );
  model.addMeshNode('body', m);
  return model.document;
}
