import { describe, expect, it, vi } from 'vitest';
import { createVrStatusStore, type VrControl } from '../../twin/vrStatus';
import { enterVr, exitVr, vrSnapshot } from './vrAutomation';

const EMPTY_GRAPH = {
  origins: 1,
  cameraInOrigin: true,
  teleportTargets: 0,
  controllers: 0,
  hands: 0,
  xrSpaces: 1,
  assetPanels: 0,
  captionPanels: 0,
};

/** A control standing in for the XR layer: entering presents after a tick, as a session does. */
function fakeControl(status: ReturnType<typeof createVrStatusStore>): VrControl {
  return {
    enter: vi.fn(async () => {
      setTimeout(() => status.setState({ presenting: true, mode: 'immersive-vr' }), 5);
    }),
    exit: vi.fn(async () => {
      setTimeout(() => status.setState({ presenting: false, mode: null }), 5);
    }),
    sceneGraph: () => EMPTY_GRAPH,
    origin: () => ({ position: [1, 0, 2], yaw: 0.5 }),
    standAt: vi.fn(),
  };
}

describe('VR automation', () => {
  it('waits for the support check and the XR code, then enters and exits', async () => {
    const status = createVrStatusStore();
    const entered = enterVr(status, 1000);
    const control = fakeControl(status);
    setTimeout(() => status.setState({ support: 'supported' }), 5);
    setTimeout(() => status.setState({ control }), 10);
    await entered;
    expect(control.enter).toHaveBeenCalledTimes(1);
    expect(vrSnapshot(status)).toMatchObject({
      supported: true,
      presenting: true,
      mode: 'immersive-vr',
      sceneGraph: EMPTY_GRAPH,
      origin: { position: [1, 0, 2], yaw: 0.5 },
    });
    await exitVr(status, 1000);
    expect(vrSnapshot(status)).toMatchObject({ presenting: false, mode: null });
  });

  it('says why VR is not available', async () => {
    const status = createVrStatusStore();
    status.setState({ support: 'no-headset' });
    await expect(enterVr(status, 1000)).rejects.toThrow('VR is not available: no-headset');
    expect(vrSnapshot(status)).toMatchObject({ supported: false, sceneGraph: null });
  });

  it('gives up on a support check that never ends', async () => {
    await expect(enterVr(createVrStatusStore(), 20)).rejects.toThrow(/timed out after 20 ms/);
  });

  it('passes on the reason a session request failed', async () => {
    const status = createVrStatusStore();
    const control = fakeControl(status);
    control.enter = () => Promise.reject(new Error('NotAllowedError: no user activation'));
    status.setState({ support: 'supported', control });
    await expect(enterVr(status, 1000)).rejects.toThrow('no user activation');
  });
});
