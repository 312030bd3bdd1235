// One InstancedMesh of 50,000 container-sized boxes, laid out over the footprint and seen from
// the camera that bench/figures/fullScale.mjs passes in the query string:
// `?camera=x,y,z&target=x,y,z&area=minX,minZ,maxX,maxZ` (site metres).
import * as THREE from 'three';
import { createViewer, renderContinuously } from './createViewer.js';

const BOXES = 50_000;
const TIERS = 5;
const BOX_SIZE = [12.2, 2.6, 2.4];

const params = new URL(window.location.href).searchParams;
const numbers = (name, fallback) => params.get(name)?.split(',').map(Number) ?? fallback;
const camera = numbers('camera', [0, 400, 600]);
const target = numbers('target', [0, 0, 0]);
const [minX, minZ, maxX, maxZ] = numbers('area', [-500, -200, 500, 200]);

/** Stacks of TIERS boxes on a grid whose columns and rows keep the footprint's proportions. */
function placeBoxes(mesh) {
  const stacks = Math.ceil(BOXES / TIERS);
  const width = maxX - minX;
  const depth = maxZ - minZ;
  const columns = Math.max(1, Math.round(Math.sqrt((stacks * width) / depth)));
  const rows = Math.ceil(stacks / columns);
  const matrix = new THREE.Matrix4();
  for (let i = 0; i < BOXES; i += 1) {
    const stack = Math.floor(i / TIERS);
    const x = minX + ((stack % columns) + 0.5) * (width / columns);
    const z = minZ + (Math.floor(stack / columns) + 0.5) * (depth / rows);
    const y = ((i % TIERS) + 0.5) * BOX_SIZE[1];
    mesh.setMatrixAt(i, matrix.makeTranslation(x, y, z));
  }
}

const viewer = createViewer();
viewer.camera.position.set(...camera);
viewer.camera.lookAt(...target);
const boxes = new THREE.InstancedMesh(
  new THREE.BoxGeometry(...BOX_SIZE),
  new THREE.MeshStandardMaterial({ color: '#3b7dd8' }),
  BOXES,
);
placeBoxes(boxes);
viewer.scene.add(boxes);
renderContinuously(viewer);
