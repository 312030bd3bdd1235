import { z } from 'zod';
import { finite, FORBIDDEN_KEYS, id, LocalizedText } from './primitives';

/**
 * Many assets of one type as rows of a table — how yard inventories and equipment lists are
 * exported, and a third of the bytes and validation work of one object per asset. Columns named
 * below are the asset's own properties; every other column is a field, `null` meaning "the
 * type's default".
 */
export const POSITION_COLUMNS = ['x', 'y', 'z'] as const;
const ANGLE_COLUMNS = ['headingDeg', 'pitchDeg', 'rollDeg'] as const;

const CELL: Record<string, z.ZodType> = {
  id,
  name: LocalizedText,
  zone: id,
  node: z.string().min(1),
  ...Object.fromEntries([...POSITION_COLUMNS, ...ANGLE_COLUMNS].map((c) => [c, finite])),
};
// One flat union, strings and nulls first: the common cells of a yard table.
const FIELD_CELL = z.union([z.string().max(256), z.null(), finite, z.boolean()]);

/** Most row problems reported for one table: a wrong column order would flag every row. */
const MAX_ROW_ISSUES = 100;

function columnProblems(columns: string[]): string[] {
  const problems: string[] = [];
  const has = (c: string) => columns.includes(c);
  if (!has('id')) problems.push('needs an "id" column');
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate) problems.push(`column "${duplicate}" appears twice`);
  const forbidden = columns.find((c) => FORBIDDEN_KEYS.has(c));
  if (forbidden) problems.push(`column "${forbidden}" is not allowed`);
  const position = POSITION_COLUMNS.filter(has);
  if (position.length > 0 && position.length < 3) problems.push('needs all of "x", "y", "z"');
  if (position.length === 0 && !has('node'))
    problems.push('needs "x", "y", "z" columns, or "node" for assets in the site model');
  if (position.length > 0 && has('node')) problems.push('has both a position and "node"');
  if (has('node') && ANGLE_COLUMNS.some(has)) problems.push('angles need a position, not "node"');
  return problems;
}

export const AssetTable = z
  .object({
    type: id.describe('asset type of every row'),
    columns: z
      .array(z.string().min(1))
      .min(1)
      .describe(
        'id, name, zone, x, y, z, headingDeg, pitchDeg, rollDeg, node; any other is a field',
      ),
    rows: z.array(z.array(z.unknown())).describe('one asset per row, cells in column order'),
  })
  .strict()
  .superRefine((table, ctx) => {
    const problems = columnProblems(table.columns);
    for (const message of problems) ctx.addIssue({ code: 'custom', path: ['columns'], message });
    if (problems.length > 0) return;
    // One tuple schema for the table, run over all rows at once.
    const rows = z.array(z.tuple(table.columns.map((c) => CELL[c] ?? FIELD_CELL) as [z.ZodType]));
    const checked = rows.safeParse(table.rows);
    if (checked.success) return;
    const issues = checked.error.issues;
    for (const issue of issues.slice(0, MAX_ROW_ISSUES)) {
      ctx.addIssue({ code: 'custom', path: ['rows', ...issue.path], message: issue.message });
    }
    if (issues.length > MAX_ROW_ISSUES)
      ctx.addIssue({
        code: 'custom',
        path: ['rows'],
        message: `and ${issues.length - MAX_ROW_ISSUES} more problems in rows`,
      });
  });

export type AssetTableConfig = z.infer<typeof AssetTable>;
