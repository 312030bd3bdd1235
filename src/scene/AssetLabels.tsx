import { useEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Matrix4, Vector3 } from 'three';
import type { TwinStore } from '../twin/createTwinStore';
import type { Locale } from '../lib/localizedText';
import { localize } from '../lib/localizedText';
import type { BuiltSite } from './buildSite';

/** More labels than this per type is clutter, not information (e.g. thousands of containers). */
const MAX_LABELS_PER_TYPE = 300;
const _p = new Vector3();

interface LabelEntry {
  element: HTMLDivElement;
  position: [number, number, number];
  lift: number;
}

/**
 * Asset names as a DOM overlay above the canvas: one div per asset, positioned in useFrame by
 * writing `transform`, so labels cost no React renders and stay crisp at any zoom.
 */
export function AssetLabels({
  site,
  twin,
  locale,
}: {
  site: BuiltSite;
  twin: TwinStore;
  locale: Locale;
}) {
  const { gl, camera, size } = useThree();
  const labels = useMemo(() => {
    const list: LabelEntry[] = [];
    const root = document.createElement('div');
    root.className = 'asset-labels';
    root.dataset.testid = 'asset-labels';
    const add = (name: string, position: [number, number, number], lift: number) => {
      const element = document.createElement('div');
      element.className = 'asset-label';
      element.textContent = name;
      root.appendChild(element);
      list.push({ element, position, lift });
    };
    for (const t of site.instanced) {
      if (!t.type.label || t.assets.length > MAX_LABELS_PER_TYPE) continue;
      for (const a of t.assets) add(localize(a.name, locale), a.position, t.rig.height + 1);
    }
    for (const b of site.nodeBound)
      if (b.type.label) add(localize(b.asset.name, locale), b.asset.position, 3);
    return { root, list };
  }, [site, locale]);

  useEffect(() => {
    const parent = gl.domElement.parentElement;
    parent?.appendChild(labels.root);
    return () => labels.root.remove();
  }, [gl, labels]);

  // Labels move only when the camera, the viewport or an asset moved: skip the other frames.
  const seen = useMemo(
    () => ({ camera: new Matrix4(), revision: -1, width: 0, height: 0, labels }),
    [labels],
  );
  useFrame(() => {
    if (
      seen.revision === twin.revision &&
      seen.width === size.width &&
      seen.height === size.height &&
      seen.camera.equals(camera.matrixWorld)
    )
      return;
    seen.revision = twin.revision;
    seen.width = size.width;
    seen.height = size.height;
    seen.camera.copy(camera.matrixWorld);
    const w = size.width;
    const h = size.height;
    for (const label of labels.list) {
      _p.set(label.position[0], label.position[1] + label.lift, label.position[2]).project(camera);
      const visible = _p.z > -1 && _p.z < 1 && Math.abs(_p.x) < 1.05 && Math.abs(_p.y) < 1.05;
      label.element.style.display = visible ? '' : 'none';
      if (visible) {
        label.element.style.transform = `translate(-50%, -100%) translate(${((_p.x + 1) / 2) * w}px, ${((1 - _p.y) / 2) * h}px)`;
      }
    }
  });
  return null;
}
