import { describe, expect, it } from 'vitest';
import { createSequenceTracker } from './sequenceTracker';

describe('createSequenceTracker', () => {
  it('counts gaps, refuses repeats and old numbers, and wraps at 2^32 without a false gap', () => {
    const t = createSequenceTracker();
    expect(t.check('gw', 7)).toEqual({ kind: 'next' });
    expect(t.check('gw', 8)).toEqual({ kind: 'next' });
    expect(t.check('gw', 8)).toEqual({ kind: 'repeat' });
    expect(t.check('gw', 11)).toEqual({ kind: 'gap', lost: 2 });
    expect(t.check('gw', 10)).toEqual({ kind: 'repeat' });
    t.reset('gw');
    expect(t.check('gw', 2 ** 32 - 1)).toEqual({ kind: 'next' });
    expect(t.check('gw', 0)).toEqual({ kind: 'next' });
    expect(t.check('gw', 2)).toEqual({ kind: 'gap', lost: 1 });
    expect(t.check('other', 2)).toEqual({ kind: 'next' });
  });
});
