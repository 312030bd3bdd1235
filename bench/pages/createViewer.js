import * as THREE from 'three';

/** Marks the first rendered frame, the end point of the time-to-first-frame figure. */
export const FIRST_FRAME_MARK = 'bench:first-frame';

/**
 * A full-window renderer, scene, camera and lights set up as @react-three/fiber sets up the
 * app's canvas (antialias on, pixel ratio 1), so the pages differ from the app only in content.
 */
export function createViewer() {
  const renderer = new THREE.WebGLRenderer({
    antialias: true,
    powerPreference: 'high-performance',
  });
  renderer.setPixelRatio(1);
  renderer.setSize(window.innerWidth, window.innerHeight);
  document.body.appendChild(renderer.domElement);

  const scene = new THREE.Scene();
  scene.background = new THREE.Color('#dfe7ee');
  scene.add(new THREE.HemisphereLight('#ffffff', '#8a8f94', 1.5));
  const sun = new THREE.DirectionalLight('#ffffff', 2);
  sun.position.set(1, 2, 1.5);
  scene.add(sun);

  const camera = new THREE.PerspectiveCamera(
    50,
    window.innerWidth / window.innerHeight,
    0.5,
    20000,
  );
  return { renderer, scene, camera };
}

/** Renders every animation frame (as the app does while live), marking the first one. */
export function renderContinuously({ renderer, scene, camera }) {
  let first = true;
  renderer.setAnimationLoop(() => {
    renderer.render(scene, camera);
    if (first) performance.mark(FIRST_FRAME_MARK);
    first = false;
  });
}
