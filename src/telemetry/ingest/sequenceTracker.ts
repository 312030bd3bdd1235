/** What a sequence number says about the message that carries it. */
export type SequenceVerdict = { kind: 'next' } | { kind: 'gap'; lost: number } | { kind: 'repeat' };

const HALF = 2 ** 31;
const MODULUS = 2 ** 32;

/**
 * Per-sender message counters (JSON gateways' `seq`, 32-bit, wrapping): a jump forward is that
 * many messages lost; a number at or behind the last one is a duplicate or arrived out of order.
 */
export function createSequenceTracker() {
  const last = new Map<string, number>();
  return {
    check(sender: string, seq: number): SequenceVerdict {
      const previous = last.get(sender);
      const wrapped = ((seq % MODULUS) + MODULUS) % MODULUS;
      if (previous === undefined) {
        last.set(sender, wrapped);
        return { kind: 'next' };
      }
      const ahead = (wrapped - previous + MODULUS) % MODULUS;
      if (ahead === 0 || ahead >= HALF) return { kind: 'repeat' };
      last.set(sender, wrapped);
      return ahead === 1 ? { kind: 'next' } : { kind: 'gap', lost: ahead - 1 };
    },
    /** Forgets a sender (it restarted: its counter starts again). */
    reset(sender: string) {
      last.delete(sender);
    },
    /** The last sequence number of every sender, for a recording's snapshot. */
    exportState(): Array<[string, number]> {
      return [...last];
    },
    /** Continues from an exported state, forgetting everything before. */
    importState(state: ReadonlyArray<readonly [string, number]>): void {
      last.clear();
      for (const [sender, seq] of state) last.set(sender, seq);
    },
  };
}
