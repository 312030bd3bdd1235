/**
 * Dimensions shared by the model generator and the site generator, so configs place containers
 * on the real stack heights and articulation ranges match the geometry.
 */

/** ISO 668 container box, metres. */
export const CONTAINER = {
  length20: 6.058,
  length40: 12.192,
  width: 2.438,
  height: 2.591,
} as const;

/** Ship-to-shore crane (model frame: x seaward, origin on the waterside rail centreline). */
export const QUAY_CRANE = {
  /** Distance from waterside to landside rail; the landside rail is at x = -railGauge. */
  railGauge: 30.5,
  /** Leg centres along the quay (z = ±legSpacing / 2): wide enough for a 40 ft spreader. */
  legSpacing: 18,
  /** Boom and girder underside; the trolley node's rest height. */
  boomUnderside: 50,
  /** Spreader centre reach beyond the waterside rail. */
  outreach: 65,
  /** Spreader centre reach behind the landside rail (hatch-cover and lashing area). */
  backreach: 15.5,
  /** Highest spreader bottom, just under the portal beams. */
  maxHoist: 40,
  /** Overall width along the quay (bogie ends); cranes on one rail keep this much apart. */
  width: 28,
} as const;

/** Rubber-tyred gantry crane, "6 rows + truck lane" (model frame: x along the block). */
export const YARD_CRANE = {
  /** Leg centres across the block (z = ±span / 2). */
  span: 23.5,
  /** Top of the trolley girders; the trolley node's rest height. */
  girderTop: 23.4,
  /** Trolley travel either side of the centre line. */
  trolleyReach: 10,
  /** Lift height under spreader: one over five 9'6" boxes. */
  maxHoist: 18.2,
} as const;

/** Terminal tractor with a 40 ft skeletal chassis (model frame: x forward). */
export const TRUCK = {
  length: 16,
  /** Where a 40 ft box sits on the chassis: centre x and bottom y in the truck frame. */
  containerSeatX: -1.9,
  containerSeatY: 1.45,
} as const;

/** Post-Panamax container ship (model frame: x to the bow, origin at the waterline midships). */
export const VESSEL = {
  length: 300,
  beam: 48,
  draft: 14,
} as const;
