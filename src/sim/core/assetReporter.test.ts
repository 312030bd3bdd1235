import { describe, expect, it } from 'vitest';
import { AssetReporter } from './assetReporter';
import { SimKernel } from './simKernel';

const spec = { id: 'sew-1', type: 'sewingMachine', gateway: 'gw-1', heartbeat: false };

describe('AssetReporter.sampleField', () => {
  it('sends the one field when it changed, nothing when it did not, the rest with the next sample', () => {
    const kernel = new SimKernel(0);
    const reporter = new AssetReporter(
      kernel,
      spec,
      { status: 'idle', handwheelDeg: 0 },
      undefined,
    );
    reporter.sample();
    expect(kernel.advanceTo(0)).toEqual([
      expect.objectContaining({ fields: { status: 'idle', handwheelDeg: 0 } }),
    ]);
    reporter.fields.handwheelDeg = 90;
    reporter.fields.status = 'stitching';
    reporter.sampleField('handwheelDeg');
    reporter.sampleField('handwheelDeg');
    expect(kernel.advanceTo(0).map((o) => o.kind === 'state' && o.fields)).toEqual([
      { handwheelDeg: 90 },
    ]);
    reporter.sample();
    expect(kernel.advanceTo(0).map((o) => o.kind === 'state' && o.fields)).toEqual([
      { status: 'stitching' },
    ]);
  });

  it('sends everything when the asset was never reported', () => {
    const kernel = new SimKernel(0);
    const reporter = new AssetReporter(
      kernel,
      spec,
      { status: 'idle', handwheelDeg: 5 },
      undefined,
    );
    reporter.sampleField('handwheelDeg');
    expect(kernel.advanceTo(0).map((o) => o.kind === 'state' && o.fields)).toEqual([
      { status: 'idle', handwheelDeg: 5 },
    ]);
  });
});
