import { CONTAINER, VESSEL } from '../models/modelDimensions';
import type { ContainerIdIssuer } from './containerIds';
import { pickWeighted, type Random } from './mulberry32';
import { pickLine } from './shippingLines';
import type { PlacedVessel } from './terminalCranes';
import type { ContainerSize, TerminalLayout } from './terminalLayout';

/**
 * Boxes stowed on deck of the berthed ships, waiting to be discharged. The bays, hatch heights and
 * breadths mirror the vessel model (tools/models/vessel.ts), so a box lifted off the ship starts
 * where the model draws its cargo.
 */

/** Hatch-cover bays of the model forward of the deckhouse: 12.2 m long, 13 m apart. */
const FIRST_BAY_X = -96;
const BAY_PITCH = 13;
const BAY_LENGTH = 12.2;
const CARGO_FORWARD_LIMIT = 130.5;
const HATCH_HEIGHT = 2;
const ROW_PITCH = 2.44;
/** Stack heights 0..3 on deck: the ship is mid-call, most bays partly worked. */
const TIER_WEIGHTS = [1, 3, 4, 3];
const SHARE_OF_20FT_STACKS = 0.25;
const HAZARDOUS_RATE = 0.02;

const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};
const HALF_LENGTH = VESSEL.length / 2;
const deckHeight = (x: number): number =>
  10.5 + 3.2 * smoothstep(105, HALF_LENGTH, x) + 0.6 * smoothstep(-120, -HALF_LENGTH, x);
function deckHalfBreadth(x: number): number {
  const b = Math.max(0, (x - 60) / (HALF_LENGTH - 60));
  return Math.max(0.35, (VESSEL.beam / 2) * (1 - Math.pow(b, 2.6)));
}

/** One box aboard. */
export interface StowedContainer {
  id: string;
  owner: string;
  size: ContainerSize;
  vesselId: string;
  berthId: string;
  /** ISO stowage: bay (odd 20 ft, even 40 ft, from the bow), row from port, tier 82, 84, … on deck. */
  stowage: string;
  position: [number, number, number];
  hazardous: boolean;
}

/** Fills the deck bays of each ship with a partial load, stack by stack from the hatch up. */
export function stowVessels(
  layout: TerminalLayout,
  vessels: readonly PlacedVessel[],
  random: Random,
  ids: ContainerIdIssuer,
): StowedContainer[] {
  const out: StowedContainer[] = [];
  const bayStarts: number[] = [];
  for (let x = FIRST_BAY_X; x + BAY_LENGTH < CARGO_FORWARD_LIMIT; x += BAY_PITCH) bayStarts.push(x);
  for (const vessel of vessels) {
    const position = vessel.asset.pose?.position ?? [vessel.x, layout.quay.waterY, 0];
    const [vx, , vz] = position;
    // Model +x is the bow; at heading 270 the ship lies reversed along the quay.
    const dir = vessel.headingDeg === 90 ? 1 : -1;
    bayStarts.forEach((x0, k) => {
      const x1 = x0 + BAY_LENGTH;
      const halfWidth = Math.min(
        VESSEL.beam / 2 - 0.8,
        Math.min(deckHalfBreadth(x0), deckHalfBreadth(x1)) - 0.8,
      );
      const rows = Math.floor((2 * halfWidth) / ROW_PITCH);
      const hatchTop = Math.max(deckHeight(x0), deckHeight(x1)) + HATCH_HEIGHT;
      const bay40 = 4 * (bayStarts.length - 1 - k) + 2;
      for (let row = 0; row < rows; row++) {
        const zModel = -rows * (ROW_PITCH / 2) + (row + 0.5) * ROW_PITCH;
        const size: ContainerSize = random() < SHARE_OF_20FT_STACKS ? 20 : 40;
        // A 20 ft stack is two: the aft and forward halves of the 40 ft bay.
        const halves =
          size === 40
            ? [{ bay: bay40, x: x0 + BAY_LENGTH / 2 }]
            : [
                { bay: bay40 + 1, x: x0 + BAY_LENGTH / 4 },
                { bay: bay40 - 1, x: x0 + (3 * BAY_LENGTH) / 4 },
              ];
        const line = pickLine(random);
        for (const half of halves) {
          const height = pickWeighted(random, TIER_WEIGHTS);
          for (let t = 0; t < height; t++) {
            const owner = random() < 0.7 ? line : pickLine(random);
            out.push({
              id: ids.next(owner),
              owner: owner.owner,
              size,
              vesselId: String(vessel.asset.id),
              berthId: vessel.berthId,
              stowage: `${String(half.bay).padStart(2, '0')}-${String(row + 1).padStart(2, '0')}-${82 + 2 * t}`,
              position: [
                vx + dir * half.x,
                layout.quay.waterY + hatchTop + t * CONTAINER.height,
                vz + dir * zModel,
              ],
              hazardous: random() < HAZARDOUS_RATE,
            });
          }
        }
      }
    });
  }
  return out;
}
