/** One problem in a twin config, located by its JSON path (e.g. `assets[3].pose.position[1]`). */
export interface ConfigIssue {
  /** JSON path from the root, `$` for the document itself. */
  path: string;
  message: string;
}

/** Formats a property path as `a.b[3].c`; keys that are not identifiers are quoted. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '$';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
