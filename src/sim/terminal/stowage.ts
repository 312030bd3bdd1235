/**
 * Stowage positions aboard, ISO style `<bay>-<row>-<tier>`: odd bays hold 20 ft boxes, an even
 * bay is the 40 ft position over the odd bays either side (02 over 01 and 03); deck tiers count
 * 82, 84, 86, … from the hatch cover up.
 */
export interface StowageRef {
  bay: number;
  row: number;
  tier: number;
}

export function parseStowage(label: string): StowageRef | undefined {
  const m = /^(\d+)-(\d+)-(\d+)$/.exec(label);
  if (!m) return undefined;
  return { bay: Number(m[1]), row: Number(m[2]), tier: Number(m[3]) };
}

export function stowageLabel(s: StowageRef): string {
  return `${String(s.bay).padStart(2, '0')}-${String(s.row).padStart(2, '0')}-${s.tier}`;
}

/** The 40 ft bay a stowage bay belongs to (01 and 03 → 02, 05 and 07 → 06). */
export function vesselBayOf(bay: number): number {
  if (bay % 2 === 0) return bay;
  return (bay + 1) % 4 === 2 ? bay + 1 : bay - 1;
}
