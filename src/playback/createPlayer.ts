import { createStore, type StoreApi } from 'zustand/vanilla';
import { createBatchAccumulator } from '../telemetry/ingest/batchAccumulator';
import type { TelemetryBatch } from '../telemetry/ingest/createIngest';
import type { ReplayInfo, ReplaySource } from '../telemetry/replay/replaySource';
import type { TwinStore } from '../twin/createTwinStore';
import type { TelemetryApplier } from '../twin/telemetryApplier';
import { idlePlayer, transition, type PlayerEvent, type PlayerMachine } from './playerState';
import { clampSpeed } from './speeds';

/** Playback figures panels may render: they change at human speed, never per frame. */
export interface PlayerUiState {
  machine: PlayerMachine;
  speed: number;
  loop: { from: number; to: number } | null;
  info: ReplayInfo;
  /** Problems met while playing (a read that failed), after the recording's own. */
  problems: string[];
}

/** Behind the clock by this much wall time, playback waits for the data instead of running on. */
const STARVED_WALL_MS = 1000;
/** …and runs on once it is this close again. */
const FED_WALL_MS = 250;

export interface PlayerOptions {
  source: ReplaySource;
  twin: TwinStore;
  /** Created with `staleBySampleTime`: the player passes its clock (ms epoch) as `now`. */
  applier: TelemetryApplier;
}

/**
 * Plays a recording onto the twin: one clock, a small state machine (`playerState.ts`), and a
 * source answering "state at t" and "what came next". The page calls `frame()` once per
 * animation frame before anything draws and `frameDrawn()` after; nothing here renders React.
 */
export function createPlayer({ source, twin, applier }: PlayerOptions) {
  const { info } = source;
  const ui: StoreApi<PlayerUiState> = createStore<PlayerUiState>()(() => ({
    machine: transition(idlePlayer, 'loaded'),
    speed: 1,
    loop: null,
    info,
    problems: [],
  }));
  let t = info.start;
  let lastFrameAt: number | null = null;
  /** Data up to this time has been asked for and applied (or is pending). */
  let deliveredTo = info.start;
  /** Bumped by every seek: answers to reads made before it are dropped. */
  let epoch = 0;
  let reading = false;
  const pending = createBatchAccumulator();
  let seekWanted: number | null = null;
  let seekInFlight = false;
  let seekResult: { t: number; batch: TelemetryBatch; epoch: number } | null = null;
  let shownEpoch = -1;
  let drawnEpoch = -1;
  let waiters: Array<{ epoch: number; resolve: () => void }> = [];
  let closed = false;

  const dispatch = (event: PlayerEvent) => {
    const machine = transition(ui.getState().machine, event);
    if (machine !== ui.getState().machine) ui.setState({ machine });
  };
  const state = () => ui.getState().machine.state;
  const clampTime = (value: number) => Math.min(info.end, Math.max(info.start, value));
  const problem = (what: string, err: unknown) =>
    ui.setState((s) => ({
      problems: [...s.problems, `${what}: ${err instanceof Error ? err.message : String(err)}`],
    }));

  const startSeek = () => {
    if (seekInFlight || seekWanted === null || closed) return;
    seekInFlight = true;
    const target = seekWanted;
    const forEpoch = epoch;
    seekWanted = null;
    source.stateAt(target).then(
      (batch) => {
        seekInFlight = false;
        // A newer seek came in meanwhile: show that one, not this.
        if (seekWanted !== null) startSeek();
        else seekResult = { t: target, batch, epoch: forEpoch };
      },
      (err: unknown) => {
        seekInFlight = false;
        problem('Seek failed', err);
        if (seekWanted !== null) startSeek();
        else
          seekResult = {
            t: target,
            batch: { samples: [], events: [], offline: [] },
            epoch: forEpoch,
          };
      },
    );
  };

  const seek = (target: number): Promise<void> => {
    t = clampTime(target);
    epoch++;
    seekWanted = t;
    dispatch('seek');
    startSeek();
    const forEpoch = epoch;
    return new Promise((resolve) => waiters.push({ epoch: forEpoch, resolve }));
  };

  const requestRead = () => {
    if (reading || closed || seekInFlight || seekWanted !== null || seekResult) return;
    if (t <= deliveredTo) return;
    reading = true;
    const target = t;
    const forEpoch = epoch;
    source.readTo(target).then(
      (batch) => {
        reading = false;
        if (forEpoch !== epoch) return;
        pending.add(batch);
        deliveredTo = target;
      },
      (err: unknown) => {
        reading = false;
        if (forEpoch !== epoch) return;
        problem('Reading the recording failed', err);
        deliveredTo = target;
      },
    );
  };

  return {
    ui,
    info,
    /** The clock, ms since the Unix epoch. */
    time: () => t,
    play() {
      if (state() === 'ended') void seek(info.start);
      dispatch('play');
    },
    pause() {
      dispatch('pause');
    },
    /** Shows the state at `target`; resolves once a frame has drawn it. */
    seek,
    setSpeed(speed: number) {
      ui.setState({ speed: clampSpeed(speed) });
    },
    /** `count` steps of a second each, or of one second's worth of playback above 1×. */
    step(direction: 1 | -1, count = 1) {
      void seek(t + direction * count * 1000 * Math.max(1, ui.getState().speed));
    },
    /** Events in a window (timeline markers). */
    events: (from: number, to: number) => source.events(from, to),
    /** One asset's fields over a window (history charts). */
    history: (assetId: string, from: number, to: number) => source.history(assetId, from, to),
    setLoop(range: { from: number; to: number } | null) {
      if (range && !(range.to > range.from)) return;
      ui.setState({ loop: range && { from: clampTime(range.from), to: clampTime(range.to) } });
    },

    /** Once per animation frame, before the scene reads the twin; true when the twin changed. */
    frame(frameAt: number): boolean {
      const elapsed = lastFrameAt === null ? 0 : frameAt - lastFrameAt;
      lastFrameAt = frameAt;
      let changed = false;
      if (seekResult) {
        const result = seekResult;
        seekResult = null;
        twin.getState().resetAssets();
        applier.reset();
        pending.take();
        applier.apply(result.batch, result.t, true);
        deliveredTo = result.t;
        shownEpoch = result.epoch;
        dispatch('seeked');
        changed = true;
      }
      const { speed, loop } = ui.getState();
      if (state() === 'playing') {
        t += elapsed * speed;
        if (loop && t >= loop.to) void seek(loop.from);
        else if (t >= info.end) {
          t = info.end;
          dispatch('reachedEnd');
        }
      }
      const lagWallMs = (t - deliveredTo) / speed;
      if (state() === 'playing' && lagWallMs > STARVED_WALL_MS) dispatch('starved');
      else if (state() === 'buffering' && lagWallMs < FED_WALL_MS) dispatch('fed');
      if (state() === 'buffering') t = Math.min(t, deliveredTo + STARVED_WALL_MS * speed);
      const batch = pending.take();
      if (batch) changed = applier.apply(batch, t) || changed;
      changed = applier.step(t) || changed;
      requestRead();
      return changed;
    },

    /** After the frame drew: seeks whose state it showed are done. */
    frameDrawn() {
      drawnEpoch = shownEpoch;
      if (waiters.length === 0) return;
      const done = waiters.filter((w) => w.epoch <= drawnEpoch);
      if (done.length === 0) return;
      waiters = waiters.filter((w) => w.epoch > drawnEpoch);
      for (const w of done) w.resolve();
    },

    close() {
      closed = true;
      dispatch('unloaded');
      source.close();
      for (const w of waiters) w.resolve();
      waiters = [];
    },
  };
}

export type Player = ReturnType<typeof createPlayer>;
