/** What the plan form can change in a plan, with its current values and limits. */
export type PlanKnobs =
  | {
      kind: 'terminal';
      trucks: { value: number; min: number; max: number };
      /** Quay cranes working each ship, at most the plan's crane runs for it. */
      cranes: Array<{ vesselId: string; value: number; max: number }>;
    }
  | {
      kind: 'factory';
      /** Lines whose operators can be rebalanced by standard minutes. */
      lines: string[];
      delivery: { triggerBundles: number; bundlesPerTrip: number };
    };

/** The form's changes: only what was changed is set. */
export interface PlanEdits {
  trucks?: number;
  cranes?: Record<string, number>;
  balance?: string[];
  delivery?: { triggerBundles: number; bundlesPerTrip: number };
}
