/** Shows a field value with its unit; numbers get at most two decimals. */
export function formatFieldValue(
  value: string | number | boolean,
  unit: string | undefined,
): string {
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value);
  return unit && typeof value === 'number' ? `${text} ${unit}` : text;
}
