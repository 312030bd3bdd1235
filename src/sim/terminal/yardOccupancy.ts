import { groundSlotsOfBay, parseSlot, slotLabel, type SlotRef } from './yardGeometry';

/**
 * Which yard slots hold a box, by ground position: one box per ground slot and tier, every box on
 * the ground or on boxes, 20 ft and 40 ft boxes never on a shared stack boundary. Used by the
 * default plan to choose slots and by the RTGs to place boxes.
 */
export class YardOccupancy {
  /** `${block}/${groundSlot}/${row}/${tier}` → container id. */
  private readonly cells = new Map<string, string>();
  /** Container id → its slot. */
  readonly slotOf = new Map<string, SlotRef>();

  constructor(private readonly tiersOf: (block: string) => number) {}

  private cellKeys(s: SlotRef): string[] {
    return groundSlotsOfBay(s.bay).map((g) => `${s.block}/${g}/${s.row}/${s.tier}`);
  }

  occupant(s: SlotRef): string | undefined {
    for (const key of this.cellKeys(s)) {
      const id = this.cells.get(key);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** Why a box cannot be put into a slot now, or undefined when it can. */
  whyNot(s: SlotRef): string | undefined {
    if (s.tier < 1 || s.tier > this.tiersOf(s.block)) return `tier ${s.tier} out of range`;
    if (s.bay % 2 === 0 && s.bay % 4 !== 2) return `40 ft bay ${s.bay} straddles two 20 ft pairs`;
    const taken = this.occupant(s);
    if (taken !== undefined) return `slot holds ${taken}`;
    if (s.tier > 1) {
      for (const g of groundSlotsOfBay(s.bay))
        if (!this.cells.has(`${s.block}/${g}/${s.row}/${s.tier - 1}`))
          return `nothing under ${slotLabel(s.block, s.bay, s.row, s.tier)}`;
    }
    // The pair a 20 ft box shares with a 40 ft stack must not carry one (and vice versa).
    if (s.bay % 2 === 1) {
      const pairBay = (s.bay + 1) % 4 === 2 ? s.bay + 1 : s.bay - 1;
      if (this.height(s.block, pairBay, s.row) > 0) return `40 ft stack in bay ${pairBay}`;
    } else {
      for (const bay of [s.bay - 1, s.bay + 1])
        if (this.height(s.block, bay, s.row) > 0) return `20 ft stack in bay ${bay}`;
    }
    return undefined;
  }

  /** Boxes in the stack of one bay (of that bay's size only). */
  height(block: string, bay: number, row: number): number {
    let h = 0;
    while (this.occupantIsBay(block, bay, row, h + 1)) h++;
    return h;
  }

  private occupantIsBay(block: string, bay: number, row: number, tier: number): boolean {
    const id = this.occupant({ block, bay, row, tier });
    if (id === undefined) return false;
    return this.slotOf.get(id)?.bay === bay;
  }

  /** True when nothing stands on the box. */
  isOnTop(id: string): boolean {
    const s = this.slotOf.get(id);
    if (!s) return false;
    return this.cellKeys({ ...s, tier: s.tier + 1 }).every((k) => !this.cells.has(k));
  }

  put(id: string, s: SlotRef): void {
    for (const key of this.cellKeys(s)) this.cells.set(key, id);
    this.slotOf.set(id, s);
  }

  remove(id: string): SlotRef | undefined {
    const s = this.slotOf.get(id);
    if (!s) return undefined;
    for (const key of this.cellKeys(s)) this.cells.delete(key);
    this.slotOf.delete(id);
    return s;
  }

  /** Fills from slot labels, as a config lists them. */
  static fromLabels(
    boxes: Iterable<[string, string]>,
    tiersOf: (block: string) => number,
  ): YardOccupancy {
    const yard = new YardOccupancy(tiersOf);
    for (const [id, label] of boxes) {
      const s = parseSlot(label);
      if (s) yard.put(id, s);
    }
    return yard;
  }
}
