import { z } from 'zod';
import { formatPath, type ConfigIssue } from './configIssue';
import { findForbiddenKeys } from './findForbiddenKeys';
import { finite, id, LocalizedText } from './primitives';

/** Version of the plan format (docs/plans.md). */
export const PLAN_SCHEMA_VERSION = 1;

const ms = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

const DischargeJob = z
  .object({
    id: z.string().min(1),
    containerId: z.string().min(1),
    targetSlot: z.string().min(1).describe('yard slot `<block>-<bay>-<row>-<tier>`'),
    block: z.string().min(1).describe('yard block (the slot label prefix)'),
  })
  .strict();

const LoadJob = z
  .object({
    id: z.string().min(1),
    containerId: z.string().min(1),
    vesselBay: z.number().int().positive().describe('40 ft vessel bay (even ISO bay number)'),
    block: z.string().min(1).describe('yard block it is fetched from'),
  })
  .strict();

const VesselCall = z
  .object({
    vesselId: z.string().min(1),
    berth: z.string().min(1).describe('berth zone id'),
    startOffsetMs: ms.describe('work starts this long after the plan starts'),
    discharge: z.array(DischargeJob).describe('per vessel bay, top of each stack first'),
    load: z.array(LoadJob),
  })
  .strict();

const CraneWork = z
  .object({
    craneId: z.string().min(1),
    vesselId: z.string().min(1),
    bays: z.array(z.number().int().positive()).describe('40 ft vessel bays in working order'),
  })
  .strict();

const TruckPlan = z
  .object({
    pool: z.array(z.string().min(1)).min(1).describe('truck asset ids in service'),
    policy: z.enum(['pooled', 'dedicated']),
    gangs: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('dedicated: crane → trucks'),
  })
  .strict();

const YardDelivery = z
  .object({
    id: z.string().min(1),
    truckId: z.string().min(1),
    containerId: z.string().min(1),
    targetSlot: z.string().min(1),
  })
  .strict();

export const TerminalPlanSchema = z
  .object({
    kind: z.literal('terminal'),
    vesselCalls: z.array(VesselCall),
    craneSplit: z.array(CraneWork).describe('which quay crane works which vessel bays, in order'),
    trucks: TruckPlan,
    yardDeliveries: z.array(YardDelivery).default([]).describe('boxes already on trucks'),
  })
  .strict();

const ProductionOrder = z
  .object({
    id: z.string().min(1),
    style: z.string().min(1),
    quantity: count.describe('pieces'),
    dueOffsetMs: ms.describe('due this long after the plan starts'),
  })
  .strict();

const OperationPlan = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    smv: z.number().positive().describe('standard minutes per piece'),
    after: z.array(z.string()).default([]).describe('operations that must be done first'),
  })
  .strict();

const StationPlan = z
  .object({
    machineId: z.string().min(1),
    operationId: z.string().min(1),
    operator: z.string(),
    efficiency: z.number().positive().max(2).describe('1 = standard minutes exactly'),
  })
  .strict();

const LinePlan = z
  .object({
    lineId: z.string().min(1),
    orderId: z.string().min(1),
    operations: z.array(OperationPlan).min(1).describe('in an order that respects precedence'),
    stations: z.array(StationPlan).describe('the line balance: machine → operation'),
    initialWipBundles: count.default(0),
  })
  .strict();

export const FactoryPlanSchema = z
  .object({
    kind: z.literal('factory'),
    orders: z.array(ProductionOrder),
    lines: z.array(LinePlan),
    delivery: z
      .object({
        bundleSize: z.number().int().positive().describe('pieces per bundle'),
        triggerBundles: count.describe('an AGV is called at this many bundles or fewer'),
        bundlesPerTrip: z.number().int().positive(),
      })
      .strict(),
    patrols: z
      .array(
        z
          .object({
            robotId: z.string().min(1),
            waypoints: z.array(z.tuple([finite, finite])).min(2),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** A plan file: what a shift is asked to do on one site, for preview and plan-vs-actual. */
export const PlanDocument = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    id,
    site: z.string().min(1).describe("the twin config's site id it is for"),
    name: LocalizedText,
    description: LocalizedText.optional(),
    seed: z.number().int().default(1).describe('the simulation seed: same plan + seed → same run'),
    start: z
      .string()
      .refine((text) => Number.isFinite(Date.parse(text)), 'an ISO 8601 date and time')
      .optional()
      .describe('when the plan starts (ISO 8601); a preview without one starts at the next hour'),
    plan: z.discriminatedUnion('kind', [TerminalPlanSchema, FactoryPlanSchema]),
  })
  .strict();

export type PlanDocument = z.infer<typeof PlanDocument>;
export type TerminalPlanData = z.infer<typeof TerminalPlanSchema>;
export type FactoryPlanData = z.infer<typeof FactoryPlanSchema>;

/** A plan listed in a twin config: the file is read relative to the config. */
export const PlanRef = z
  .object({ id, name: LocalizedText, url: z.string().min(1).describe('plan file, relative') })
  .strict();
export type PlanRefConfig = z.infer<typeof PlanRef>;

export type PlanResult = { ok: true; plan: PlanDocument } | { ok: false; issues: ConfigIssue[] };

/** Parses and validates plan JSON; every problem names its JSON path, as for twin configs. */
export function parsePlanDocument(text: string): PlanResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      issues: [{ path: '$', message: `not valid JSON: ${(err as Error).message}` }],
    };
  }
  const forbidden = findForbiddenKeys(value, text);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const parsed = PlanDocument.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  return { ok: true, plan: parsed.data };
}
