import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { useStore } from 'zustand';
import { Vector3 } from 'three';
import type { VrStatusStore } from '../../twin/vrStatus';
import { createTextPanel } from './textPanel';

const WIDTH_M = 1.1;
const HEIGHT_M = 0.5;
/** Where the caption floats: ahead of the eyes, a little below them (a reading position). */
const AHEAD_M = 1.8;
const BELOW_M = 0.35;
/** How quickly the caption catches up with a turned head (1/s): it follows, but lazily. */
const FOLLOW_RATE = 2.5;

const _head = new Vector3();
const _forward = new Vector3();
const _goal = new Vector3();

interface Props {
  status: VrStatusStore;
  /** Shown while there is no caption (how to move and inspect); null for nothing. */
  help: { title: string; text: string } | null;
}

/**
 * A note that floats ahead of the viewer and follows their gaze lazily — a tour stop's note when
 * the page sets `caption` on the VR status store, otherwise the controls help.
 */
export function VrCaptionPanel({ status, help }: Props) {
  const panel = useMemo(() => createTextPanel(WIDTH_M, HEIGHT_M, 'caption-panel'), []);
  useEffect(() => () => panel.dispose(), [panel]);
  const caption = useStore(status, (s) => s.caption) ?? help;
  useEffect(() => {
    panel.mesh.visible = caption !== null;
    if (caption) panel.draw({ title: caption.title, lines: [caption.text] });
  }, [panel, caption]);
  const placed = useMemo(() => ({ yet: false }), []);

  useFrame(({ camera }, delta) => {
    const mesh = panel.mesh;
    if (!mesh.visible) return;
    camera.getWorldPosition(_head);
    camera.getWorldDirection(_forward);
    _forward.y = 0;
    if (_forward.lengthSq() < 1e-6) _forward.set(0, 0, -1);
    _forward.normalize();
    _goal.copy(_head).addScaledVector(_forward, AHEAD_M);
    _goal.y = _head.y - BELOW_M;
    if (!placed.yet) {
      mesh.position.copy(_goal);
      placed.yet = true;
    } else mesh.position.lerp(_goal, 1 - Math.exp(-FOLLOW_RATE * delta));
    mesh.lookAt(_head);
  });

  return <primitive object={panel.mesh} />;
}
