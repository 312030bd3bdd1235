// The least a three.js page can do: one lit box. The floor for time to first frame.
import * as THREE from 'three';
import { createViewer, renderContinuously } from './createViewer.js';

const viewer = createViewer();
viewer.camera.position.set(2, 1.5, 3);
viewer.camera.lookAt(0, 0, 0);
viewer.scene.add(
  new THREE.Mesh(
    new THREE.BoxGeometry(1, 1, 1),
    new THREE.MeshStandardMaterial({ color: '#e8731a' }),
  ),
);
renderContinuously(viewer);
