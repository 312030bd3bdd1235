import { describe, expect, it } from 'vitest';
import type { TwinConfig } from '../config/schema';
import { createFakeReplaySource } from '../telemetry/replay/fakeReplaySource';
import type { AssetSample } from '../telemetry/samples';
import { createTwinStore } from '../twin/createTwinStore';
import { createTelemetryApplier } from '../twin/telemetryApplier';
import { createPlayer } from './createPlayer';

/** Only what asset state is built from; playback may not import the config schema itself. */
const config = {
  site: { id: 's' },
  assetTypes: { truck: { fields: {} } },
  assets: [
    { id: 'T1', type: 'truck', fields: {}, pose: { position: [0, 0, 0] } },
    { id: 'T2', type: 'truck', fields: {}, pose: { position: [500, 0, 0] } },
  ],
} as unknown as TwinConfig;

const T0 = Date.UTC(2025, 0, 6, 8);
/** T1 drives east 1 m per second for 100 s; T2 reports once, at 50 s, then falls silent. */
const samples: AssetSample[] = [
  ...Array.from({ length: 101 }, (_, i) => ({
    assetId: 'T1',
    gateway: 'gw',
    sourceTime: T0 + i * 1000,
    receiveTime: T0 + i * 1000,
    position: [i, 0, 0] as [number, number, number],
    headingDeg: 90,
    fields: { seq: i },
    staleAfterMs: 5000,
  })),
  {
    assetId: 'T2',
    gateway: 'gw',
    sourceTime: T0 + 50_000,
    receiveTime: T0 + 50_000,
    position: [400, 0, 0],
    headingDeg: 90,
    fields: {},
    staleAfterMs: 5000,
  },
];

function setup(delayMs = 0) {
  const twin = createTwinStore();
  twin.getState().loadSite(config);
  const applier = createTelemetryApplier(twin, () => [], { staleBySampleTime: true });
  const source = createFakeReplaySource(samples, { delayMs });
  const player = createPlayer({ source, twin, applier });
  const asset = (id: string) => twin.getState().byId.get(id)!;
  let frameAt = 0;
  /** Runs animation frames of `ms` each until `done` or `limit` frames. */
  const frames = async (count: number, ms = 16, realWaitMs = 0) => {
    for (let i = 0; i < count; i++) {
      frameAt += ms;
      player.frame(frameAt);
      player.frameDrawn();
      await new Promise((r) => setTimeout(r, realWaitMs));
    }
  };
  const seekAndShow = async (t: number) => {
    const shown = player.seek(t);
    let done = false;
    void shown.then(() => (done = true));
    for (let i = 0; i < 200 && !done; i++) await frames(1, 16, 2);
    expect(done).toBe(true);
  };
  return { twin, player, source, asset, frames, seekAndShow };
}

describe('createPlayer', () => {
  it('opens paused at the start and shows the state at a seek time exactly', async () => {
    const { player, asset, seekAndShow } = setup();
    expect(player.ui.getState().machine.state).toBe('paused');
    expect(player.time()).toBe(T0);
    await seekAndShow(T0 + 42_000);
    expect(asset('T1').position[0]).toBe(42);
    expect(asset('T1').fields.seq).toBe(42);
    // T2 has not reported yet at 42 s: still where the config puts it.
    expect(asset('T2').position[0]).toBe(500);
    await seekAndShow(T0 + 60_000);
    expect(asset('T2').position[0]).toBe(400);
    expect(asset('T2').stale).toBe(true);
    expect(asset('T1').stale).toBe(false);
    // Back in time: the twin is reset first, so later state does not linger.
    await seekAndShow(T0 + 10_000);
    expect(asset('T1').position[0]).toBe(10);
    expect(asset('T2').position[0]).toBe(500);
    expect(player.ui.getState().machine.state).toBe('paused');
  });

  it('plays at its speed, reads what follows, and ends at the end', async () => {
    const { player, asset, frames, seekAndShow } = setup();
    await seekAndShow(T0 + 10_000);
    player.setSpeed(8);
    player.play();
    await frames(30, 50); // 1.5 s of frames at 8× = 12 s of recording
    expect(player.time()).toBeCloseTo(T0 + 22_000, -2);
    expect(asset('T1').fields.seq).toBeGreaterThanOrEqual(19);
    player.setSpeed(64);
    await frames(100, 50);
    expect(player.time()).toBe(T0 + 100_000);
    expect(player.ui.getState().machine.state).toBe('ended');
    expect(asset('T1').fields.seq).toBe(100);
  });

  it('loops a range', async () => {
    const { player, frames, seekAndShow } = setup();
    await seekAndShow(T0 + 20_000);
    player.setLoop({ from: T0 + 20_000, to: T0 + 25_000 });
    player.setSpeed(4);
    player.play();
    let earliest = Infinity;
    let latest = 0;
    for (let i = 0; i < 60; i++) {
      await frames(1, 50);
      earliest = Math.min(earliest, player.time());
      latest = Math.max(latest, player.time());
    }
    expect(earliest).toBeGreaterThanOrEqual(T0 + 20_000);
    expect(latest).toBeLessThanOrEqual(T0 + 25_000 + 250);
    expect(player.ui.getState().machine.state).toBe('playing');
  });

  it('waits for slow data instead of running ahead of it', async () => {
    const { player, frames, seekAndShow } = setup(40);
    await seekAndShow(T0);
    player.setSpeed(64);
    player.play();
    let buffered = false;
    // Frames of 250 ms while each read takes 40 ms of real time (several frames here).
    for (let i = 0; i < 40; i++) {
      await frames(1, 250, 5);
      if (player.ui.getState().machine.state === 'buffering') buffered = true;
    }
    expect(buffered).toBe(true);
  });

  it('drops a superseded seek and shows only the latest', async () => {
    const { player, source, asset, frames } = setup(20);
    const first = player.seek(T0 + 10_000);
    const second = player.seek(T0 + 30_000);
    const third = player.seek(T0 + 70_000);
    let all = false;
    void Promise.all([first, second, third]).then(() => (all = true));
    for (let i = 0; i < 100 && !all; i++) await frames(1);
    expect(all).toBe(true);
    expect(asset('T1').position[0]).toBe(70);
    // The one in flight finishes; of the two queued behind it only the newest is asked for.
    expect(source.calls.filter((c) => c.startsWith('stateAt'))).toEqual([
      `stateAt ${T0 + 10_000}`,
      `stateAt ${T0 + 70_000}`,
    ]);
  });
});
