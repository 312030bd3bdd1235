import { describe, expect, it } from 'vitest';
import { probeVrSupport, xrEmulateRequested } from './vrSupport';

const xrAnswering = (answer: boolean | Error) => ({
  isSessionSupported: (mode: string) => {
    expect(mode).toBe('immersive-vr');
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  },
});

describe('probeVrSupport', () => {
  it('is supported when the browser says immersive-vr is', async () => {
    expect(await probeVrSupport(xrAnswering(true), true)).toBe('supported');
  });

  it('names the reason when it is not', async () => {
    expect(await probeVrSupport(xrAnswering(false), true)).toBe('no-headset');
    expect(await probeVrSupport(undefined, true)).toBe('no-webxr');
    expect(await probeVrSupport(xrAnswering(new Error('SecurityError')), true)).toBe('no-webxr');
  });

  it('blames an insecure page before the browser', async () => {
    expect(await probeVrSupport(undefined, false)).toBe('insecure');
    expect(await probeVrSupport(xrAnswering(true), false)).toBe('insecure');
  });
});

describe('xrEmulateRequested', () => {
  it('is on only for ?xr=emulate', () => {
    expect(xrEmulateRequested('?site=terminal&xr=emulate')).toBe(true);
    expect(xrEmulateRequested('?site=terminal')).toBe(false);
    expect(xrEmulateRequested('?xr=1')).toBe(false);
  });
});
