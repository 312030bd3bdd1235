import { describe, expect, it } from 'vitest';
import { containerId, isValidContainerId } from './iso6346';

describe('ISO 6346 container ids', () => {
  it('accepts published examples', () => {
    // Examples from the standard's annex and BIC material.
    expect(isValidContainerId('CSQU3054383')).toBe(true);
    expect(isValidContainerId('MSKU9070323')).toBe(true);
    expect(isValidContainerId('TOLU4734787')).toBe(true);
  });

  it('rejects a wrong check digit and malformed ids', () => {
    expect(isValidContainerId('CSQU3054384')).toBe(false);
    expect(isValidContainerId('CSQ3054383')).toBe(false);
    expect(isValidContainerId('CSQX3054383')).toBe(false);
  });

  it('builds ids whose check digit verifies, and refuses serials with remainder 10', () => {
    let refused = 0;
    for (let serial = 100000; serial < 100200; serial++) {
      const id = containerId('MSCU', serial);
      if (id === undefined) refused++;
      else expect(isValidContainerId(id)).toBe(true);
    }
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(60);
  });
});
