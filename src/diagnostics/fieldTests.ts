import type { FieldValue } from '../config/schema';
import type { FieldTestConfig } from '../config/rules';

/** A value that says "something": a non-empty string, a non-zero number, true. */
export function isSet(value: FieldValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  return value;
}

/** Whether one field test of a rule holds for these fields. */
export function fieldTestHolds(
  test: FieldTestConfig,
  fields: Readonly<Record<string, FieldValue>>,
): boolean {
  const value = fields[test.field];
  if (test.in && (value === undefined || !test.in.includes(value))) return false;
  if (test.notIn && value !== undefined && test.notIn.includes(value)) return false;
  if (test.nonEmpty !== undefined && isSet(value) !== test.nonEmpty) return false;
  return true;
}

/** All of a rule's `while` tests (none: always). */
export function allHold(
  tests: readonly FieldTestConfig[],
  fields: Readonly<Record<string, FieldValue>>,
): boolean {
  for (const test of tests) if (!fieldTestHolds(test, fields)) return false;
  return true;
}
