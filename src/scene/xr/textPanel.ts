import {
  CanvasTexture,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  SRGBColorSpace,
  type Object3D,
} from 'three';
import { wrapText, type PanelText } from './vrPanelText';

/** Canvas pixels per panel metre: sharp at arm's length in a Quest 3 (~25 px per degree). */
const PX_PER_M = 1024;
const PAD = 40;
const TITLE_PX = 64;
const LINE_PX = 46;
/** System fonts: the page loads none from the internet, and CJK needs the system's. */
const FONT_FAMILY = 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const BACKGROUND = 'rgba(14, 22, 32, 0.92)';
const BORDER = '#5fa8e8';
const TEXT = '#e8eef5';

/** What a VR panel is, for `twindeck.vr().sceneGraph` (userData.vrRole). */
export type VrRole = 'origin' | 'teleport-target' | 'asset-panel' | 'caption-panel';

/** A flat panel of text drawn with the 2D canvas API onto a texture. */
export interface TextPanel {
  mesh: Mesh<PlaneGeometry, MeshBasicMaterial>;
  /** Redraws the text (a texture upload): call when the text changes, not every frame. */
  draw(text: PanelText): void;
  dispose(): void;
}

/**
 * A panel `widthM` × `heightM` metres (before the mesh's scale). Drawn over the scene (no depth
 * test, late in the render order) and without fog, so a crane in front or the distance never
 * hides what it says.
 */
export function createTextPanel(widthM: number, heightM: number, role: VrRole): TextPanel {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(widthM * PX_PER_M);
  canvas.height = Math.round(heightM * PX_PER_M);
  const context = canvas.getContext('2d');
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const material = new MeshBasicMaterial({
    map: texture,
    transparent: true,
    depthTest: false,
    depthWrite: false,
    fog: false,
    toneMapped: false,
  });
  const mesh = new Mesh(new PlaneGeometry(widthM, heightM), material);
  mesh.renderOrder = 10;
  mesh.userData.vrRole = role;
  // The panels are read, not picked: rays pass through them to the assets behind.
  mesh.raycast = () => undefined;
  return {
    mesh,
    draw(text) {
      if (!context) return;
      const { width, height } = canvas;
      context.clearRect(0, 0, width, height);
      context.fillStyle = BACKGROUND;
      context.strokeStyle = BORDER;
      context.lineWidth = 6;
      context.beginPath();
      context.roundRect(3, 3, width - 6, height - 6, 28);
      context.fill();
      context.stroke();
      context.fillStyle = TEXT;
      context.textBaseline = 'top';
      const maxWidth = width - 2 * PAD;
      context.font = `bold ${TITLE_PX}px ${FONT_FAMILY}`;
      let y = PAD;
      for (const line of wrapText(text.title, maxWidth, (s) => context.measureText(s).width)) {
        context.fillText(line, PAD, y, maxWidth);
        y += TITLE_PX * 1.25;
      }
      y += LINE_PX * 0.4;
      context.font = `${LINE_PX}px ${FONT_FAMILY}`;
      for (const paragraph of text.lines) {
        for (const line of wrapText(paragraph, maxWidth, (s) => context.measureText(s).width)) {
          if (y + LINE_PX > height - PAD / 2) break;
          context.fillText(line, PAD, y, maxWidth);
          y += LINE_PX * 1.3;
        }
      }
      texture.needsUpdate = true;
    },
    dispose() {
      texture.dispose();
      material.dispose();
      mesh.geometry.dispose();
    },
  };
}

/** Counts objects under `root` tagged with a VR role (visible ones only, when asked). */
export function countRole(root: Object3D, role: VrRole, visibleOnly = false): number {
  let n = 0;
  root.traverse((o) => {
    if (o.userData.vrRole === role && (!visibleOnly || o.visible)) n++;
  });
  return n;
}
