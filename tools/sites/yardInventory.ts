import { ContainerIdIssuer } from './containerIds';
import { pickWeighted, type Random } from './mulberry32';
import { pickLine } from './shippingLines';
import { bayNumber, type ContainerSize, type YardBlock } from './terminalLayout';

/** One box in a yard slot. */
export interface YardContainer {
  id: string;
  owner: string;
  size: ContainerSize;
  block: YardBlock;
  bay: number;
  row: number;
  tier: number;
  reefer: boolean;
  hazardous: boolean;
}

/** A column of boxes on one ground position; every box in it has the same size. */
interface Stack {
  block: YardBlock;
  bay: number;
  row: number;
  size: ContainerSize;
  reefer: boolean;
  height: number;
}

/** Reefer racks with plug points take the first ground slots at one end of each block. */
const REEFER_SLOTS = 6;
/** Relative frequency of stack heights 0..5: most stacks at 4–5 high, a few empty. */
const HEIGHT_WEIGHTS = [6, 6, 10, 16, 30, 32];
const SHARE_OF_40FT = 0.6;
const HAZARDOUS_RATE = 0.02;

/**
 * Fills yard blocks with stacks as a terminal's yard looks mid-shift: 40 ft and 20 ft bays mixed
 * along each block (never within one stack column), reefers at the block ends, stack heights
 * varying, then topped up or trimmed to exactly `count` boxes. Boxes are listed stack by stack
 * from tier 1 up, so each sits on the one before.
 */
export function fillYard(
  blocks: readonly YardBlock[],
  count: number,
  random: Random,
  ids: ContainerIdIssuer,
): YardContainer[] {
  const stacks = planStacks(blocks, random);
  const capacity = stacks.reduce((sum, s) => sum + s.block.tiers, 0);
  if (count > capacity)
    throw new Error(`${count} containers do not fit in ${capacity} yard positions`);
  let total = stacks.reduce((sum, s) => sum + s.height, 0);
  while (total !== count) {
    const stack = stacks[Math.floor(random() * stacks.length)] as Stack;
    if (total > count && stack.height > 0) {
      stack.height--;
      total--;
    } else if (total < count && stack.height < stack.block.tiers) {
      stack.height++;
      total++;
    }
  }
  const containers: YardContainer[] = [];
  for (const stack of stacks) {
    // Boxes of one line are often stacked together (same vessel, same discharge).
    const stackLine = pickLine(random);
    for (let tier = 1; tier <= stack.height; tier++) {
      const line = random() < 0.55 ? stackLine : pickLine(random);
      containers.push({
        id: ids.next(line),
        owner: line.owner,
        size: stack.size,
        block: stack.block,
        bay: stack.bay,
        row: stack.row,
        tier,
        reefer: stack.reefer,
        hazardous: !stack.reefer && random() < HAZARDOUS_RATE,
      });
    }
  }
  return containers;
}

function planStacks(blocks: readonly YardBlock[], random: Random): Stack[] {
  const stacks: Stack[] = [];
  for (const block of blocks) {
    for (let slot = 1; slot + 1 <= block.bays; slot += 2) {
      const reefer = slot <= REEFER_SLOTS;
      const size: ContainerSize = reefer || random() < SHARE_OF_40FT ? 40 : 20;
      const bays =
        size === 40 ? [bayNumber(slot, 40)] : [bayNumber(slot, 20), bayNumber(slot + 1, 20)];
      for (const bay of bays) {
        for (let row = 1; row <= block.rows; row++) {
          stacks.push({
            block,
            bay,
            row,
            size,
            reefer,
            height: pickWeighted(random, HEIGHT_WEIGHTS),
          });
        }
      }
    }
  }
  return stacks;
}
