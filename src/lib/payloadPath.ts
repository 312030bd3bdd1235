/**
 * Reads a value out of a decoded payload by a path such as `gnss.lat`, `loc[0]` or
 * `data."temp.max"`. Paths are compiled once per binding; reading allocates nothing.
 */
export type PathReader = (payload: unknown) => unknown;

const TOKEN = /\.?(?:([A-Za-z_$][\w$-]*)|"((?:[^"\\]|\\.)*)"|\[(\d+)\])/y;

/** The keys and indexes of a path, or an Error naming where it stops making sense. */
export function parsePayloadPath(path: string): Array<string | number> {
  const keys: Array<string | number> = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < path.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(path);
    if (!m || (at === 0 && path.startsWith('.'))) {
      throw new Error(`payload path "${path}": cannot read from character ${at + 1}`);
    }
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(JSON.parse(`"${m[2]}"`) as string);
    else keys.push(Number(m[3]));
  }
  if (keys.length === 0) throw new Error(`payload path "${path}" is empty`);
  return keys;
}

export function compilePayloadPath(path: string): PathReader {
  const keys = parsePayloadPath(path);
  return (payload) => {
    let value: unknown = payload;
    for (const key of keys) {
      if (value === null || typeof value !== 'object') return undefined;
      // Own properties only: a payload key never reaches Object.prototype.
      if (!Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string | number, unknown>)[key];
    }
    return value;
  };
}

/** Sparkplug B metrics are flat: the path is the metric name itself (`pos/x`, `Link/RSRP`). */
export function compileMetricName(name: string): PathReader {
  return (metrics) =>
    metrics !== null && typeof metrics === 'object' && Object.hasOwn(metrics, name)
      ? (metrics as Record<string, unknown>)[name]
      : undefined;
}
