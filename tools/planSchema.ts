import { z } from 'zod';
import { PlanDocument } from '../src/config/plan';

/** Where the plan files' JSON Schema is written, within twin-configs/ (beside the plans). */
export const PLAN_SCHEMA_FILE = 'plans/plan.schema.json';

/**
 * JSON Schema of the plan format, for editors: plan files point at it with
 * `"$schema": "./plan.schema.json"`. Input form, so fields with defaults are optional.
 */
export function planJsonSchema(): string {
  const schema = z.toJSONSchema(PlanDocument, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
