/** Sparkplug's per-node `seq`: 0–255 over every message of a node session, wrapping 255 → 0. */

export const SEQ_MODULUS = 256;

/**
 * How far behind the last seq a message may be and still count as late (or repeated) rather
 * than as a gap that wrapped: MQTT keeps one publisher's order, so real reordering is short,
 * while losing 224+ messages in a row is the rarer case.
 */
export const LATE_WINDOW = 32;

/** What a received seq says about the stream. */
export type SeqVerdict =
  | { kind: 'next' }
  | { kind: 'gap'; missed: number }
  | { kind: 'duplicate' }
  | { kind: 'late'; behind: number };

export function isValidSeq(seq: number | null): seq is number {
  return seq !== null && Number.isInteger(seq) && seq >= 0 && seq < SEQ_MODULUS;
}

/** Classifies `seq` against the last accepted one (both 0–255). */
export function classifySeq(lastSeq: number, seq: number): SeqVerdict {
  const ahead = (seq - lastSeq + SEQ_MODULUS) % SEQ_MODULUS;
  if (ahead === 1) return { kind: 'next' };
  if (ahead === 0) return { kind: 'duplicate' };
  const behind = SEQ_MODULUS - ahead;
  if (behind <= LATE_WINDOW) return { kind: 'late', behind };
  return { kind: 'gap', missed: ahead - 1 };
}
