import { describe, expect, it } from 'vitest';
import { classifySeq, isValidSeq } from './sequence';

describe('classifySeq', () => {
  it('takes the wrap 255 → 0 as the next message', () => {
    expect(classifySeq(255, 0)).toEqual({ kind: 'next' });
    expect(classifySeq(7, 8)).toEqual({ kind: 'next' });
  });

  it('sizes gaps, across the wrap too', () => {
    expect(classifySeq(7, 9)).toEqual({ kind: 'gap', missed: 1 });
    expect(classifySeq(250, 4)).toEqual({ kind: 'gap', missed: 9 });
  });

  it('tells repeats and late messages from gaps', () => {
    expect(classifySeq(9, 9)).toEqual({ kind: 'duplicate' });
    expect(classifySeq(9, 8)).toEqual({ kind: 'late', behind: 1 });
    expect(classifySeq(2, 250)).toEqual({ kind: 'late', behind: 8 });
    expect(classifySeq(100, 50)).toEqual({ kind: 'gap', missed: 205 });
  });

  it('accepts only 0–255 as a seq', () => {
    expect([0, 255, 256, -1, 1.5, null].map(isValidSeq)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
