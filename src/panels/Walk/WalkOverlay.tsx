import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../ui/i18n';
import type { TwinStore } from '../../twin/createTwinStore';
import { type WalkMapGrid, walkMapMask, walkMapSize } from './walkMapImage';
import './Walk.css';

/** Where the walker is: site metres and compass heading (0 north, 90 east). */
export interface WalkMapPose {
  x: number;
  z: number;
  headingDeg: number;
}

interface Props {
  grid: WalkMapGrid;
  /** Its assets are drawn on the map as they move (cranes, trucks, AGVs, container stacks). */
  twin: TwinStore;
  /** Read on each drawn map frame; the walk's pose changes without React renders. */
  pose(): WalkMapPose;
  /** Clicking the map sends the walker there. */
  onGo(x: number, z: number): void;
}

/** The map's longer side, CSS pixels. */
const MAP_PX = 220;
/** The map is redrawn this often: enough for a walking arrow, cheap for the page. */
const MAP_FRAME_MS = 100;

/** While walking: the controls in one line, and a minimap with the walker's arrow. */
export function WalkOverlay({ grid, twin, pose, onGo }: Props) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useMemo(() => walkMapSize(grid, MAP_PX), [grid]);
  const poseRef = useRef(pose);
  useEffect(() => {
    poseRef.current = pose;
  }, [pose]);

  useEffect(() => {
    // A small canvas rewritten pixel by pixel: kept on the CPU, where putImageData is a copy
    // (on a GPU canvas each one is an upload, ~10 ms a frame under SwiftShader).
    const context = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    // The obstacles drawn once into an image; each map frame copies it and adds the arrow.
    const background = new Uint8ClampedArray(size.width * size.height * 4);
    const mask = walkMapMask(grid, size.width, size.height);
    for (let i = 0; i < mask.length; i++) {
      const blocked = mask[i] === 1;
      background[i * 4] = blocked ? 200 : 34;
      background[i * 4 + 1] = blocked ? 210 : 46;
      background[i * 4 + 2] = blocked ? 220 : 58;
      background[i * 4 + 3] = 255;
    }
    // Each map frame: the background, then every asset as one pixel (its colour: the accent).
    const image = new ImageData(size.width, size.height);
    // Held once: `image.data` is a DOM getter, costly thousands of times a frame.
    const pixels = image.data;
    const { minX, minZ, maxX, maxZ } = grid.bounds;
    const pixelOf = (x: number, z: number) => {
      const px = Math.floor(((x - minX) / (maxX - minX)) * size.width);
      const py = Math.floor(((z - minZ) / (maxZ - minZ)) * size.height);
      return px < 0 || py < 0 || px >= size.width || py >= size.height ? -1 : py * size.width + px;
    };
    let frame = 0;
    let last = 0;
    const draw = (now: number) => {
      frame = requestAnimationFrame(draw);
      if (now - last < MAP_FRAME_MS) return;
      last = now;
      const p = poseRef.current();
      pixels.set(background);
      for (const asset of twin.getState().assets) {
        const i = pixelOf(asset.position[0], asset.position[2]);
        if (i < 0) continue;
        pixels[i * 4] = 56;
        pixels[i * 4 + 1] = 225;
        pixels[i * 4 + 2] = 255;
      }
      context.putImageData(image, 0, 0);
      const px = ((p.x - minX) / (maxX - minX)) * size.width;
      const py = ((p.z - minZ) / (maxZ - minZ)) * size.height;
      const heading = (p.headingDeg * Math.PI) / 180;
      context.save();
      context.translate(px, py);
      // Compass heading on the map: north is up (−z), east is right (+x).
      context.rotate(heading);
      context.fillStyle = '#ffb020';
      context.strokeStyle = '#0e1620';
      context.beginPath();
      context.moveTo(0, -8);
      context.lineTo(5, 6);
      context.lineTo(0, 3);
      context.lineTo(-5, 6);
      context.closePath();
      context.fill();
      context.stroke();
      context.restore();
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [grid, size, twin]);

  return (
    <div className="walk-overlay" data-testid="walk-overlay">
      <div className="walk-hint">{t('walk.hint')}</div>
      <canvas
        ref={canvas}
        className="walk-map"
        width={size.width}
        height={size.height}
        title={t('walk.map')}
        aria-label={t('walk.map')}
        data-testid="walk-map"
        onClick={(e) => {
          const rect = e.currentTarget.getBoundingClientRect();
          const { minX, minZ, maxX, maxZ } = grid.bounds;
          onGo(
            minX + ((e.clientX - rect.left) / rect.width) * (maxX - minX),
            minZ + ((e.clientY - rect.top) / rect.height) * (maxZ - minZ),
          );
        }}
      />
    </div>
  );
}
