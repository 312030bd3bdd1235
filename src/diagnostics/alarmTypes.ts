import type { FieldValue } from '../config/schema';
import type { RuleKind, SeverityLevel } from '../config/rules';
import type { LocalizedText } from '../lib/localizedText';
import type { Hint } from './rootCause';

/** A rule's condition started or stopped holding for one asset (the engine's output). */
export interface AlarmTransition {
  kind: 'raised' | 'cleared';
  ruleId: string;
  assetId: string;
  /** When it happened, ms epoch, on the clock of the mode (live: now; replay: recording time). */
  t: number;
  /** When the condition began to hold (`t` − the rule's `forMs` for a raise, at the earliest). */
  since: number;
  severity: SeverityLevel;
  /** The watched field's value at `t` (threshold, fault, state, rate: the measured rate). */
  value: FieldValue | undefined;
}

/**
 * Where an alarm is in its life: `active` (raised, nobody acknowledged it), `acknowledged`
 * (still holds, someone has seen it), `cleared` (the condition is gone), `shelved` (hidden by
 * someone until a time).
 */
export type AlarmState = 'active' | 'acknowledged' | 'cleared' | 'shelved';

/** One alarm: a rule raised for an asset, from raise to clear. */
export interface Alarm {
  /** `<ruleId>:<assetId>:<raisedAt>`: the same alarm has the same id in live and replay. */
  id: string;
  ruleId: string;
  ruleKind: RuleKind;
  assetId: string;
  severity: SeverityLevel;
  state: AlarmState;
  raisedAt: number;
  /** When the condition began to hold (before `raisedAt` by the rule's `forMs`). */
  since: number;
  clearedAt?: number;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  shelvedUntil?: number;
  shelvedBy?: string;
  /** The rule's message, rendered for this asset; null: the panel says it in its own words. */
  message: LocalizedText | null;
  /** What the panel's own words need: the field, the value at raise, the rule's limit. */
  detail: AlarmDetail;
  /** What the data said about the cause when it raised (its rule's `hints`). */
  hints: Hint[];
}

export interface AlarmDetail {
  field?: string;
  value?: FieldValue;
  limit?: number;
  /** How long the condition had held when it raised, ms. */
  heldMs: number;
}
