import { describe, expect, it } from 'vitest';
import { gatewayHealth } from './linkHealth';

describe('gatewayHealth', () => {
  const healthy = { online: true, delayMsP95: 40, lossRate: 0, rsrpDbm: -88, sinrDb: 18 };
  it('grades a gateway by delay, loss and radio', () => {
    expect(gatewayHealth(healthy)).toBe('good');
    expect(gatewayHealth({ ...healthy, delayMsP95: 220 })).toBe('fair');
    expect(gatewayHealth({ ...healthy, lossRate: 0.02 })).toBe('fair');
    expect(gatewayHealth({ ...healthy, rsrpDbm: -104 })).toBe('fair');
    expect(gatewayHealth({ ...healthy, lossRate: 0.08 })).toBe('poor');
    expect(gatewayHealth({ ...healthy, sinrDb: -3 })).toBe('poor');
    expect(gatewayHealth({ ...healthy, online: false })).toBe('offline');
  });
});
