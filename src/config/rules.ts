import { z } from 'zod';
import { fieldValue, finite, id, LocalizedText } from './primitives';

/**
 * Rules turn asset state into graded alarms (docs/rules.md). Each rule selects assets, states a
 * condition of one kind, and says how bad it is and what to tell people. The same rules run on
 * live telemetry and over a recorded shift.
 */

export const Severity = z.enum(['info', 'warning', 'critical']);

/** Which assets a rule watches: all of the listed types, categories, ids and zones (each optional). */
export const AssetSelector = z
  .object({
    types: z.array(id).optional().describe('asset type ids'),
    categories: z.array(z.string().min(1)).optional().describe('asset type categories'),
    ids: z.array(id).optional().describe('asset ids'),
    zones: z.array(id).optional().describe('assets whose configured zone is one of these'),
  })
  .strict();

/** A test of one field of the asset itself, for `while` conditions and state rules. */
export const FieldTest = z
  .object({
    field: z.string().min(1),
    in: z.array(fieldValue).optional().describe('holds when the value is one of these'),
    notIn: z.array(fieldValue).optional().describe('holds when the value is none of these'),
    nonEmpty: z
      .boolean()
      .optional()
      .describe('holds when the value is a non-empty string, a non-zero number or true'),
  })
  .strict();

/**
 * What to look at when an alarm raises, for the root-cause hints of its incident
 * (docs/rules.md). Found from the data at that moment, live and in a recording alike.
 */
export const Hint = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('linked'),
      select: AssetSelector.describe('the assets that work for the alarmed one (trucks, AGVs)'),
      field: z.string().min(1).describe("their field naming the asset they work for ('crane')"),
      matchField: z
        .string()
        .min(1)
        .optional()
        .describe(
          "compare `field` with this field of the alarmed asset (its 'line') instead of its id",
        ),
      downStates: z
        .array(fieldValue)
        .default(['fault'])
        .describe('their `status` values that mean out of service'),
    })
    .strict()
    .describe('which assets were working for it, doing what, where; how many were out of service'),
  z
    .object({
      kind: z.literal('earlier'),
      rules: z.array(id).min(1),
      withinMs: finite.positive().default(3_600_000),
    })
    .strict()
    .describe(
      'alarms of these rules on the same asset in the window before (a fault before a slow hour)',
    ),
  z
    .object({
      kind: z.literal('linkedAlarms'),
      select: AssetSelector.describe('the assets to look at (the machines of a line)'),
      field: z.string().min(1).describe("their field to compare ('line')"),
      matchField: z
        .string()
        .min(1)
        .optional()
        .describe('with this field of the alarmed asset (default: its id)'),
      rules: z.array(id).min(1),
      withinMs: finite.positive().default(3_600_000),
    })
    .strict()
    .describe(
      'alarms of these rules on the linked assets in the window before, the worst first (one machine’s faults)',
    ),
  z
    .object({
      kind: z.literal('shared'),
      field: z.string().min(1).describe("a field assets share: 'gateway', 'line', 'cell'"),
    })
    .strict()
    .describe(
      'whether the assets sharing that value were in the same state: alone, or all of them',
    ),
]);

const common = {
  id,
  name: LocalizedText.optional(),
  select: AssetSelector.default({}),
  severity: Severity.default('warning'),
  message: LocalizedText.optional().describe(
    'what the alarm says: {name} {id} {value} {field} {duration} {zone} {fields.x}',
  ),
  while: z
    .array(FieldTest)
    .default([])
    .describe('the rule only watches an asset while all of these hold'),
  forMs: finite.min(0).default(0).describe('the condition must hold this long before it raises'),
  clearForMs: finite.min(0).default(0).describe('and be gone this long before it clears'),
  hints: z.array(Hint).default([]).describe('where to look for the cause (root-cause hints)'),
  groupBy: z
    .string()
    .min(1)
    .optional()
    .describe(
      'one alarm per value of this field (a 5G cell), not per asset: raised while any asset of the group holds',
    ),
};

const Threshold = z
  .object({
    ...common,
    kind: z.literal('threshold'),
    field: z.string().min(1),
    above: finite.optional().describe('raise when the value is above this'),
    below: finite.optional().describe('raise when the value is below this'),
    clearAt: finite
      .optional()
      .describe('hysteresis: clear only once the value is back past this (default: the limit)'),
  })
  .strict();

const Fault = z
  .object({
    ...common,
    kind: z.literal('fault'),
    field: z.string().min(1).default('faultCode'),
    codes: z.array(fieldValue).optional().describe('only these codes (default: any code)'),
    ignore: z.array(fieldValue).default(['', 0, false, 'none', 'ok']),
    severityByCode: z.record(z.string(), Severity).default({}),
  })
  .strict();

const StateTooLong = z
  .object({
    ...common,
    kind: z.literal('stateTooLong'),
    field: z.string().min(1).default('status'),
    in: z.array(fieldValue).min(1).describe('the states that must not last longer than forMs'),
  })
  .strict();

const Stale = z
  .object({ ...common, kind: z.literal('stale') })
  .strict()
  .describe("raise when an asset's data stopped (it turned stale) for forMs");

const Geofence = z
  .object({
    ...common,
    kind: z.literal('geofence'),
    zones: z.array(id).min(1),
    mode: z
      .enum(['forbidden', 'allowed'])
      .default('forbidden')
      .describe('forbidden: raise inside any of the zones; allowed: raise outside all of them'),
  })
  .strict();

const RateBelow = z
  .object({
    ...common,
    kind: z.literal('rateBelow'),
    field: z.string().min(1).describe('a counter that grows with the work done (moves, pieces)'),
    perHour: finite.positive().optional().describe('the standard rate, per hour'),
    perHourField: z
      .string()
      .min(1)
      .optional()
      .describe("or the asset field holding its own standard rate (a line's target)"),
    windowMs: finite.positive().default(3_600_000).describe('measured over this trailing window'),
  })
  .strict();

/**
 * Reality behind its plan: an asset's planned work (a quay crane's moves, a line's pieces) done
 * this much later than the plan attached to the recording did it (docs/plans.md).
 */
const PlanDeviation = z
  .object({
    ...common,
    kind: z.literal('planDeviation'),
    behindMs: finite.positive().describe('raise when an asset is this far behind its plan'),
  })
  .strict();

export const Rule = z
  .discriminatedUnion('kind', [
    Threshold,
    Fault,
    StateTooLong,
    Stale,
    Geofence,
    RateBelow,
    PlanDeviation,
  ])
  .superRefine((rule, ctx) => {
    if (rule.kind === 'threshold' && (rule.above === undefined) === (rule.below === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['above'],
        message: 'a threshold rule needs exactly one of "above" and "below"',
      });
    if (
      rule.kind === 'rateBelow' &&
      (rule.perHour === undefined) === (rule.perHourField === undefined)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['perHour'],
        message: 'a rateBelow rule needs exactly one of "perHour" and "perHourField"',
      });
  });

export type RuleConfig = z.infer<typeof Rule>;
export type RuleKind = RuleConfig['kind'];
export type SeverityLevel = z.infer<typeof Severity>;
export type AssetSelectorConfig = z.infer<typeof AssetSelector>;
export type FieldTestConfig = z.infer<typeof FieldTest>;
export type HintConfig = z.infer<typeof Hint>;
