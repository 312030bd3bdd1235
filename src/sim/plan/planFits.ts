import type { z } from 'zod';
import type { FactoryPlanSchema, TerminalPlanSchema } from '../../config/plan';
import type { FactoryPlan } from './factoryPlan';
import type { TerminalPlan } from './terminalPlan';

// The plan file's shape (config/plan.ts, validated with zod) and the simulator's plan types are
// kept apart — files are a format, the simulator's types are code — and held together here: a
// change to one that the other does not follow fails to compile.
type Fits<T extends U, U> = [T, U];
export type TerminalPlanFileFits = Fits<z.infer<typeof TerminalPlanSchema>, TerminalPlan>;
export type TerminalPlanWritable = Fits<TerminalPlan, z.input<typeof TerminalPlanSchema>>;
export type FactoryPlanFileFits = Fits<z.infer<typeof FactoryPlanSchema>, FactoryPlan>;
export type FactoryPlanWritable = Fits<FactoryPlan, z.input<typeof FactoryPlanSchema>>;
