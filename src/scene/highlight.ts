/** Colour multipliers for hover and selection, applied on top of an asset's base colour. */
export const HOVER_TINT: readonly [number, number, number] = [1.35, 1.55, 2.2];
export const SELECT_TINT: readonly [number, number, number] = [1.2, 2.4, 2.6];

/** Writes an asset's display colour (base × tint) into an instanceColor array. */
export function writeTintedColor(
  target: Float32Array,
  base: Float32Array,
  index: number,
  tint: readonly [number, number, number] | null,
): void {
  const o = index * 3;
  target[o] = (base[o] ?? 1) * (tint ? tint[0] : 1);
  target[o + 1] = (base[o + 1] ?? 1) * (tint ? tint[1] : 1);
  target[o + 2] = (base[o + 2] ?? 1) * (tint ? tint[2] : 1);
}
