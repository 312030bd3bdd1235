import { z } from 'zod';
import { ModelRef, TwinConfig, type ModelConfig } from './schema';
import { formatPath, type ConfigIssue } from './configIssue';
import { checkReferences } from './checkReferences';
import { expandAssetTables } from './expandAssetTables';
import { findForbiddenKeys } from './findForbiddenKeys';

export type { ConfigIssue } from './configIssue';

/** Result of validating a twin config: either the parsed config or every problem found. */
export type LoadResult = { ok: true; config: TwinConfig } | { ok: false; issues: ConfigIssue[] };

function zodIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

/**
 * Validates an already-parsed JSON value; every issue names its JSON path. Given the text it
 * was parsed from, the search for prototype-polluting keys runs only when the text can hold one.
 */
export function validateTwinConfig(value: unknown, sourceText?: string): LoadResult {
  const forbidden = findForbiddenKeys(value, sourceText);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const parsed = TwinConfig.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const { assetTables, ...config } = parsed.data;
  const expanded = expandAssetTables(config.assets, assetTables);
  config.assets = expanded.assets;
  const refIssues = checkReferences(config, expanded.origin);
  if (refIssues.length > 0) return { ok: false, issues: refIssues };
  return { ok: true, config };
}

/** JSON text to a value, or the syntax error reported at the root with its position. */
export function parseConfigJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; issues: ConfigIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return {
      ok: false,
      issues: [{ path: '$', message: `not valid JSON: ${(err as Error).message}` }],
    };
  }
}

/**
 * The `models` section alone, when it is valid: lets model downloads start while the rest of a
 * large config (thousands of assets) is still being validated.
 */
export function peekModels(value: unknown): Record<string, ModelConfig> | null {
  if (value === null || typeof value !== 'object') return null;
  const section = (value as { models?: unknown }).models;
  if (findForbiddenKeys(section).length > 0) return null;
  const models = z.record(z.string(), ModelRef).safeParse(section);
  return models.success ? models.data : null;
}

/** Parses JSON text and validates it; a syntax error is reported at the root with its position. */
export function parseTwinConfig(text: string): LoadResult {
  const json = parseConfigJson(text);
  return json.ok ? validateTwinConfig(json.value, text) : json;
}
