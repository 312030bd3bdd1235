import { Color } from 'three';

/** The network layer's colour for each grade of a gateway's link (`twin/linkHealth.ts`). */
export const LINK_COLORS = {
  good: new Color('#3ddc84'),
  fair: new Color('#ffb020'),
  poor: new Color('#ff5a5f'),
  offline: new Color('#6b7785'),
  none: new Color('#2f3a46'),
};

/** A stale asset's tint: its luminance, compressed towards mid grey. */
const STALE_GREY = 0.35;
const STALE_KEEP = 0.3;

/** The washed-out grey a stale asset is drawn in, from its own colour: a frozen asset never passes for a live one. */
export function staleGrey(r: number, g: number, b: number): number {
  return STALE_GREY + (0.3 * r + 0.59 * g + 0.11 * b) * STALE_KEEP;
}
