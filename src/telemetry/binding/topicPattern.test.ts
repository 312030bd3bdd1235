import { describe, expect, it } from 'vitest';
import { compileTopicPattern } from './topicPattern';

describe('compileTopicPattern', () => {
  it('turns named captures into + and returns what they matched', () => {
    const p = compileTopicPattern('site/terminal/gw/+gateway/truck/+assetId/state');
    expect(p.filter).toBe('site/terminal/gw/+/truck/+/state');
    expect(p.match('site/terminal/gw/gw-t01/truck/T001/state')).toEqual({
      gateway: 'gw-t01',
      assetId: 'T001',
    });
    expect(p.match('site/terminal/gw/gw-t01/truck/T001/event')).toBeNull();
    expect(p.match('site/terminal/gw/gw-t01/truck/T001/state/extra')).toBeNull();
  });

  it('keeps anonymous + and a final #', () => {
    const p = compileTopicPattern('spBv1.0/twindeck-terminal/+/+gateway/#');
    expect(p.filter).toBe('spBv1.0/twindeck-terminal/+/+/#');
    expect(p.match('spBv1.0/twindeck-terminal/DDATA/gw-qc01/QC01')).toEqual({ gateway: 'gw-qc01' });
    expect(p.match('spBv1.0/twindeck-terminal/NDATA/gw-qc01')).toEqual({ gateway: 'gw-qc01' });
    expect(p.match('spBv1.0/other/NDATA/gw-qc01')).toBeNull();
  });
});
