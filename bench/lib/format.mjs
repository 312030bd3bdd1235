/** Number formatting for RESULTS.md. */
export const ms = (value) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const count = (value) => Math.round(value).toLocaleString('en-US');
