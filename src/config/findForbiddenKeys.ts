import { formatPath, type ConfigIssue } from './configIssue';
import { FORBIDDEN_KEYS as FORBIDDEN } from './primitives';

/**
 * Whether JSON text can hold a forbidden key at all: spelled out in quotes, or hidden in
 * `\u` escapes (the only escapes that produce letters). Most configs have neither, so the
 * walk below is skipped.
 */
function mayNameForbiddenKey(text: string): boolean {
  return text.includes('\\u') || /"(?:__proto__|constructor|prototype)"/.test(text);
}

/**
 * Keys that could pollute prototypes when copied into records are refused before validation.
 * One shared path stack, copied only for a hit: a site config holds thousands of assets and this
 * walk sits on the way to the first frame.
 */
export function findForbiddenKeys(value: unknown, sourceText?: string): ConfigIssue[] {
  if (sourceText !== undefined && !mayNameForbiddenKey(sourceText)) return [];
  const issues: ConfigIssue[] = [];
  const path: PropertyKey[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      path.push(key);
      if (FORBIDDEN.has(key)) {
        issues.push({ path: formatPath(path), message: `key "${key}" is not allowed` });
      } else {
        walk((node as Record<string, unknown>)[key]);
      }
      path.pop();
    }
  };
  walk(value);
  return issues;
}
