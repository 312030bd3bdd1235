import { describe, expect, it } from 'vitest';
import { formatFieldValue } from './formatFieldValue';

describe('formatFieldValue', () => {
  it('rounds numbers and appends units only to numbers', () => {
    expect(formatFieldValue(12.3456, 'm')).toBe('12.35 m');
    expect(formatFieldValue('working', 'm')).toBe('working');
    expect(formatFieldValue(true, undefined)).toBe('true');
  });
});
