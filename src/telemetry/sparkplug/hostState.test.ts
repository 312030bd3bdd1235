import { describe, expect, it } from 'vitest';
// Tests may cross the sim → telemetry boundary: the simulated edge node is the host's counterpart.
// eslint-disable-next-line boundaries/dependencies
import { createSparkplugGateway } from '../../sim/gateways/sparkplugGateway';
// eslint-disable-next-line boundaries/dependencies
import type { GatewaySpec, SimState } from '../../sim/simOutput';
import { createSparkplugHost } from './createSparkplugHost';
import type { SparkplugHostState } from './hostTypes';

const SPEC: GatewaySpec = { id: 'gw-quay', protocol: 'sparkplugb', assets: ['QC01'], cell: 'C1' };
const T0 = 1_763_683_200_000;

function crane(t: number, trolley: number): SimState {
  return {
    kind: 'state',
    t,
    gateway: 'gw-quay',
    assetId: 'QC01',
    assetType: 'quayCrane',
    position: [-239.3, 0, 16.2 + trolley],
    headingDeg: 90,
    fields: { trolley, status: trolley > 5 ? 'working' : 'idle', moves: Math.floor(trolley) },
  };
}

describe('a Sparkplug host state export', () => {
  it('lets a fresh host go on exactly as the one it was taken from', () => {
    const gateway = createSparkplugGateway(SPEC, 'terminal');
    const messages = [
      ...Array.from({ length: 40 }, (_, i) => gateway.encode(crane(T0 + i * 500, i / 3))).flat(),
      ...gateway.deviceGone('QC01', T0 + 21_000),
      ...Array.from({ length: 300 }, (_, i) => gateway.encode(crane(T0 + 22_000 + i * 500, i / 7)))
        .flat()
        // A lost message: the host must carry the seq to see the gap after the hand-over.
        .filter((_, i) => i !== 250),
    ];
    const original = createSparkplugHost();
    const half = 180;
    messages.slice(0, half).forEach((m, i) => original.handle(m.topic, m.payload, T0 + i));
    const exported = JSON.parse(JSON.stringify(original.exportState())) as SparkplugHostState;
    const resumed = createSparkplugHost();
    resumed.importState(exported);
    expect(resumed.exportState()).toEqual(exported);
    messages.slice(half).forEach((m, i) => {
      const a = original.handle(m.topic, m.payload, T0 + half + i);
      const b = resumed.handle(m.topic, m.payload, T0 + half + i);
      expect(b).toEqual(a);
    });
    expect(resumed.exportState()).toEqual(original.exportState());
    expect(resumed.node('twindeck-terminal', 'gw-quay')?.counters.gaps).toBe(1);
  });
});
