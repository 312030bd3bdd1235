import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { Box3, Vector3 } from 'three';
import type { Locale } from '../../lib/localizedText';
import type { TwinStore } from '../../twin/createTwinStore';
import type { BuiltSite } from '../buildSite';
import { createTextPanel } from './textPanel';
import { assetPanelText, type VrWords } from './vrPanelText';

/** Panel size at scale 1, metres; it is scaled with distance to keep one apparent size. */
const WIDTH_M = 1;
const HEIGHT_M = 0.62;
/** Apparent width: the panel spans this many metres per metre of distance (~17°). */
const SCALE_PER_M = 0.3;
/** Never smaller than this scale: close up, a panel at arm's length is already readable. */
const MIN_SCALE = 0.45;
/** Field values change at telemetry rate; the panel's texture is redrawn at most this often. */
const REDRAW_MS = 250;
/** Clearance above the asset's top, metres. */
const LIFT_M = 1.5;

const _head = new Vector3();
const _box = new Box3();

interface Props {
  site: BuiltSite;
  twin: TwinStore;
  locale: Locale;
  words: VrWords;
}

/**
 * The selected asset's name and key fields on a panel floating above it, turned to the viewer
 * and scaled with distance so it reads the same near and far. Selection is the twin's: pointing
 * with a controller ray and pulling the trigger selects through the assets' own pick handlers.
 */
export function VrAssetPanel({ site, twin, locale, words }: Props) {
  const panel = useMemo(() => createTextPanel(WIDTH_M, HEIGHT_M, 'asset-panel'), []);
  useEffect(() => () => panel.dispose(), [panel]);
  /** Height above its root of each asset's top, metres. */
  const heights = useMemo(() => {
    const map = new Map<string, number>();
    for (const t of site.instanced) for (const a of t.assets) map.set(a.id, t.rig.height);
    for (const b of site.nodeBound) {
      _box.setFromObject(b.object);
      map.set(b.asset.id, _box.isEmpty() ? 3 : _box.max.y - b.asset.position[1]);
    }
    return map;
  }, [site]);
  const drawn = useMemo(
    () => ({ id: null as string | null, revision: -1, at: 0, words, locale }),
    [words, locale],
  );

  useFrame(({ camera }) => {
    const { selectedId, byId, config } = twin.getState();
    const asset = selectedId ? byId.get(selectedId) : undefined;
    const mesh = panel.mesh;
    mesh.visible = asset !== undefined;
    if (!asset) {
      drawn.id = null;
      return;
    }
    const now = performance.now();
    if (drawn.id !== asset.id || (drawn.revision !== twin.revision && now - drawn.at > REDRAW_MS)) {
      panel.draw(assetPanelText(asset, config, locale, words));
      drawn.id = asset.id;
      drawn.revision = twin.revision;
      drawn.at = now;
    }
    const [x, y, z] = asset.position;
    mesh.position.set(x, y + (heights.get(asset.id) ?? 3) + LIFT_M, z);
    camera.getWorldPosition(_head);
    mesh.scale.setScalar(Math.max(MIN_SCALE, mesh.position.distanceTo(_head) * SCALE_PER_M));
    // Lift by half its own height so the panel's bottom edge, not its middle, sits at the lift.
    mesh.position.y += (HEIGHT_M * mesh.scale.y) / 2;
    mesh.lookAt(_head);
  });

  return <primitive object={panel.mesh} />;
}
