import type { z } from 'zod';
import { TwinConfig } from './schema';
import { formatPath, type ConfigIssue } from './configIssue';
import { checkReferences } from './checkReferences';
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

/** Validates an already-parsed JSON value; every issue names its JSON path. */
export function validateTwinConfig(value: unknown): LoadResult {
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const parsed = TwinConfig.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const refIssues = checkReferences(parsed.data);
  if (refIssues.length > 0) return { ok: false, issues: refIssues };
  return { ok: true, config: parsed.data };
}

/** Parses JSON text and validates it; a syntax error is reported at the root with its position. */
export function parseTwinConfig(text: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      issues: [{ path: '$', message: `not valid JSON: ${(err as Error).message}` }],
    };
  }
  return validateTwinConfig(value);
}
