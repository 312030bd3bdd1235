import type { FieldValue } from '../../config/schema';
import type { AssetSample } from '../samples';

/**
 * The tables a version-3 snapshot stores its many small records in (docs/recordings.md). A
 * full-scale terminal's keyframe holds ~5,500 samples of only 7 field-name lists and ~2,700
 * Sparkplug metric records: as JSON objects every key is repeated in every record, and V8 parses
 * arrays of values about twice as fast as the same values in objects (measured on a 2.1 MB
 * keyframe: 18–24 ms as objects, 10–11 ms as these tables, including building the objects).
 *
 * A table has `shapes` (key lists) and `rows`; each row is `[shape, ...values]`, the values in
 * the order of its shape's keys. Keys whose value is `undefined` are left out of the shape, as
 * JSON leaves them out of an object.
 */
export interface ShapeTable {
  shapes: string[][];
  rows: unknown[][];
}

/**
 * Samples as a table: each row is `[fieldShape, assetId, gateway, sourceTime, receiveTime,
 * position, headingDeg, staleAfterMs, ...field values]`, `null` for an absent gateway, position
 * or heading, and `fieldShape` indexes `fields`, the lists of field names.
 */
export interface SampleTable {
  fields: string[][];
  rows: unknown[][];
}

/** Columns of a sample row before its field values. */
const SAMPLE_COLUMNS = 8;

/** Finds or adds `keys` in `shapes`, indexed by their joined names. */
function shapeIndex(keys: string[], shapes: string[][], index: Map<string, number>): number {
  const name = keys.join('\u0000');
  let at = index.get(name);
  if (at === undefined) {
    at = shapes.length;
    shapes.push(keys);
    index.set(name, at);
  }
  return at;
}

const definedKeys = (record: Record<string, unknown>) =>
  Object.keys(record).filter((k) => record[k] !== undefined);

export function toShapeTable(records: readonly object[]): ShapeTable {
  const shapes: string[][] = [];
  const index = new Map<string, number>();
  const rows = records.map((record) => {
    const r = record as Record<string, unknown>;
    const keys = definedKeys(r);
    const row: unknown[] = [shapeIndex(keys, shapes, index)];
    for (const k of keys) row.push(r[k]);
    return row;
  });
  return { shapes, rows };
}

export function toSampleTable(samples: readonly AssetSample[]): SampleTable {
  const fields: string[][] = [];
  const index = new Map<string, number>();
  const rows = samples.map((s) => {
    const keys = definedKeys(s.fields);
    const row: unknown[] = [
      shapeIndex(keys, fields, index),
      s.assetId,
      s.gateway ?? null,
      s.sourceTime,
      s.receiveTime,
      s.position ?? null,
      s.headingDeg ?? null,
      s.staleAfterMs,
    ];
    for (const k of keys) row.push(s.fields[k]);
    return row;
  });
  return { fields, rows };
}

/** Thrown by the readers below; the message says what is wrong with the table. */
export class TableProblem extends Error {}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((k) => typeof k === 'string');

function checkedShapes(value: unknown, what: string): string[][] {
  if (!Array.isArray(value) || !value.every(isStringList))
    throw new TableProblem(`${what} has malformed key lists`);
  return value;
}

/** The rows of a table, checked to be lists whose length fits their shape. */
function checkedRows(rows: unknown, shapes: string[][], lead: number, what: string): unknown[][] {
  if (!Array.isArray(rows)) throw new TableProblem(`${what} has no rows`);
  for (const row of rows) {
    const shape = Array.isArray(row) ? shapes[row[0] as number] : undefined;
    if (!shape || (row as unknown[]).length !== lead + shape.length)
      throw new TableProblem(`${what} has a malformed row`);
  }
  return rows as unknown[][];
}

/** The records of a table (throws `TableProblem` when it is not one). */
export function fromShapeTable(table: unknown, what: string): Record<string, unknown>[] {
  if (typeof table !== 'object' || table === null) throw new TableProblem(`${what} is no table`);
  const { shapes, rows } = table as Partial<ShapeTable>;
  const keys = checkedShapes(shapes, what);
  const out: Record<string, unknown>[] = [];
  for (const row of checkedRows(rows, keys, 1, what)) {
    const shape = keys[row[0] as number] as string[];
    const record: Record<string, unknown> = {};
    for (let k = 0; k < shape.length; k++) record[shape[k] as string] = row[k + 1];
    out.push(record);
  }
  return out;
}

const isFieldValue = (v: unknown): v is FieldValue =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
const isPosition = (v: unknown): v is [number, number, number] =>
  Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number');

/** The samples of a table (throws `TableProblem` when it is not one, or a row is malformed). */
export function fromSampleTable(table: unknown): AssetSample[] {
  const what = "a snapshot's sample table";
  if (typeof table !== 'object' || table === null) throw new TableProblem(`${what} is missing`);
  const { fields, rows } = table as Partial<SampleTable>;
  const shapes = checkedShapes(fields, what);
  const out: AssetSample[] = [];
  for (const row of checkedRows(rows, shapes, SAMPLE_COLUMNS, what)) {
    const shape = shapes[row[0] as number] as string[];
    const [, assetId, gateway, sourceTime, receiveTime, position, headingDeg, staleAfterMs] = row;
    if (
      typeof assetId !== 'string' ||
      !(gateway === null || typeof gateway === 'string') ||
      typeof sourceTime !== 'number' ||
      typeof receiveTime !== 'number' ||
      !(position === null || isPosition(position)) ||
      !(headingDeg === null || typeof headingDeg === 'number') ||
      typeof staleAfterMs !== 'number'
    )
      throw new TableProblem(`${what} has a malformed sample`);
    const values: Record<string, FieldValue> = {};
    for (let k = 0; k < shape.length; k++) {
      const value = row[SAMPLE_COLUMNS + k];
      if (!isFieldValue(value)) throw new TableProblem(`${what} has a malformed field value`);
      values[shape[k] as string] = value;
    }
    out.push({
      assetId,
      gateway: gateway ?? undefined,
      sourceTime,
      receiveTime,
      position: position ?? undefined,
      headingDeg: headingDeg ?? undefined,
      fields: values,
      staleAfterMs,
    });
  }
  return out;
}
