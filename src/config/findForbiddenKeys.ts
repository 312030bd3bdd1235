import { formatPath, type ConfigIssue } from './configIssue';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that could pollute prototypes when copied into records are refused before validation. */
export function findForbiddenKeys(value: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        if (FORBIDDEN.has(key)) {
          issues.push({ path: formatPath([...path, key]), message: `key "${key}" is not allowed` });
        } else {
          walk((node as Record<string, unknown>)[key], [...path, key]);
        }
      }
    }
  };
  walk(value, []);
  return issues;
}
