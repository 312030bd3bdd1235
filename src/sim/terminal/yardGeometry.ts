import type { Point2, Rect } from '../core/geometry';

/** ISO 668 box height: tier t of a stack stands at (t − 1) × this. */
export const CONTAINER_HEIGHT = 2.591;
/** Nominal pitch of a 20 ft ground slot and of a row; a block's own pitch is fitted to its stack zone. */
const NOMINAL_SLOT_LENGTH = 6.1;
const NOMINAL_ROW_PITCH = 2.44;

/**
 * One yard block as the simulator sees it: its stacking area (a `yardStack` zone) divided into
 * 20 ft ground slots along its long side and rows across it, and the truck lane under its RTG.
 * Slot labels read `<block>-<bay>-<row>-<tier>`: odd bays are 20 ft ground slots, an even bay
 * is a 40 ft position over the two odd bays around it.
 */
export class YardBlock {
  readonly groundSlots: number;
  readonly rows: number;
  readonly slotLength: number;
  readonly rowPitch: number;
  /** Bays run along x (else along z). */
  readonly alongX: boolean;

  constructor(
    /** Slot-label prefix, e.g. `A1`. */
    readonly label: string,
    readonly stack: Rect,
    readonly tiers: number,
    /** Centre line of the truck lane under the RTG, across the block (z when bays run along x). */
    readonly laneAt: number,
    readonly rtgId: string,
  ) {
    this.alongX = stack.xMax - stack.xMin >= stack.zMax - stack.zMin;
    const length = this.alongX ? stack.xMax - stack.xMin : stack.zMax - stack.zMin;
    const width = this.alongX ? stack.zMax - stack.zMin : stack.xMax - stack.xMin;
    this.groundSlots = Math.max(1, Math.round(length / NOMINAL_SLOT_LENGTH));
    this.rows = Math.max(1, Math.round(width / NOMINAL_ROW_PITCH));
    this.slotLength = length / this.groundSlots;
    this.rowPitch = width / this.rows;
  }

  /** Position along the block of a bay's centre (x when bays run along x). */
  bayAlong(bay: number): number {
    const slots = groundSlotsOfBay(bay);
    const first = slots[0] ?? 1;
    const start = this.alongX ? this.stack.xMin : this.stack.zMin;
    return start + (first - 1 + slots.length / 2) * this.slotLength;
  }

  rowAcross(row: number): number {
    return (this.alongX ? this.stack.zMin : this.stack.xMin) + (row - 0.5) * this.rowPitch;
  }

  /** Centre of the bottom face of a box in a slot. */
  slotPosition(bay: number, row: number, tier: number): [number, number, number] {
    const a = this.bayAlong(bay);
    const c = this.rowAcross(row);
    const y = (tier - 1) * CONTAINER_HEIGHT;
    return this.alongX ? [a, y, c] : [c, y, a];
  }

  /** Where a truck's box stands under the RTG for a bay: on the lane, level with the bay. */
  lanePoint(bay: number): Point2 {
    const a = this.bayAlong(bay);
    return this.alongX ? [a, this.laneAt] : [this.laneAt, a];
  }

  /** Heading of boxes stacked here: along the block. */
  get boxHeadingDeg(): number {
    return this.alongX ? 90 : 0;
  }
}

/** Ground slots (1-based) a box in `bay` covers. */
export function groundSlotsOfBay(bay: number): number[] {
  return bay % 2 === 1 ? [(bay + 1) / 2] : [bay / 2, bay / 2 + 1];
}

/** A parsed slot label. */
export interface SlotRef {
  block: string;
  bay: number;
  row: number;
  tier: number;
}

export function parseSlot(label: string): SlotRef | undefined {
  const m = /^(.+)-(\d+)-(\d+)-(\d+)$/.exec(label);
  if (!m) return undefined;
  return { block: m[1] as string, bay: Number(m[2]), row: Number(m[3]), tier: Number(m[4]) };
}

export function slotLabel(block: string, bay: number, row: number, tier: number): string {
  return `${block}-${String(bay).padStart(2, '0')}-${row}-${tier}`;
}

/** Label of the stack (block-bay-row) a slot belongs to. */
export const stackOf = (s: SlotRef): string =>
  `${s.block}-${String(s.bay).padStart(2, '0')}-${s.row}`;

/**
 * A 40 ft box only on a pair of ground slots that starts at an odd slot (bays 2, 6, 10, …), so
 * 40 ft stacks and 20 ft stacks never straddle each other's boundaries.
 */
export const isAlignedBay = (bay: number): boolean => bay % 2 === 1 || bay % 4 === 2;
