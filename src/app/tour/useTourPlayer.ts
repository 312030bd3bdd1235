import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TourConfig } from '../../config/tours';
import type { Player } from '../../playback/createPlayer';
import type { SceneHandle } from '../../scene/sceneHandle';
import { useKeyboardShortcuts } from '../useKeyboardShortcuts';
import { applyTourStop } from './applyTourStop';
import { createTourPlayer, type TourPlayer, type TourPlayerState } from './tourPlayer';

/** How often a playing tour looks at the time: dwells are seconds long, a quarter is enough. */
const TICK_MS = 250;
/** One empty list for every site without tours, so a re-render is not a new list. */
const NO_TOURS: readonly TourConfig[] = [];

/** The tour running now, for its bar, its note and `window.twindeck.tour()`. */
export interface TourStatus {
  /** The tour's id, or null when none runs. */
  tourId: string | null;
  state: TourPlayerState;
}

/** What `window.twindeck` reads and does with tours (docs/automation.md). */
export interface TourAutomation {
  status(): { id: string; stop: number; stops: number; playing: boolean } | null;
  start(tourId: string, stop?: number): void;
}

interface Options {
  /** The site's tours; undefined while no site is shown. */
  tours: readonly TourConfig[] | undefined;
  /** Off (the wall screen's own tour has the camera): a running tour ends. */
  enabled: boolean;
  /** Resolves once the site's first frame is drawn: stops are shown from then on. */
  ready: () => Promise<void>;
  scene: () => SceneHandle | null;
  /** The replay's player: stops with `at` go to their moment. Null live. */
  player: Player | null;
  /** Called once a stop has been carried out (the camera arrived): VR stands the player there. */
  onArrived?: () => void;
}

/**
 * Runs the site's guided tours: one `TourPlayer` at a time on a timer (nothing per frame), each
 * new stop carried out by `applyTourStop`. Human-speed state goes to `status`; React renders the
 * bar from it, never from telemetry.
 */
export function useTourPlayer({
  tours: siteTours,
  enabled,
  ready,
  scene,
  player,
  onArrived,
}: Options) {
  const tours = siteTours ?? NO_TOURS;
  const status: StoreApi<TourStatus> = useMemo(
    () => createStore<TourStatus>()(() => ({ tourId: null, state: { kind: 'stopped' } })),
    [],
  );
  const [open, setOpen] = useState(false);
  const machine = useRef<{ tour: TourConfig; player: TourPlayer } | null>(null);
  /** Bumped by every stop shown: a stop's flight that is no longer current stops short. */
  const shown = useRef(0);
  const playerRef = useRef(player);
  playerRef.current = player;
  const arrivedRef = useRef(onArrived);
  arrivedRef.current = onArrived;

  const show = useCallback(
    (stop: number | null) => {
      const current = machine.current;
      if (current)
        status.setState({ tourId: current.tour.id, state: { ...current.player.state() } });
      else status.setState({ tourId: null, state: { kind: 'stopped' } });
      const config = stop === null || !current ? undefined : current.tour.stops[stop];
      if (!config || stop === null || !current) return;
      const token = ++shown.current;
      void ready().then(() => {
        if (token !== shown.current) return;
        const replay = playerRef.current;
        return applyTourStop(config, {
          scene: scene(),
          seek: replay ? (t) => replay.seek(t) : null,
          current: () => token === shown.current,
        }).then(() => {
          if (token !== shown.current) return;
          current.player.arrived(stop, Date.now());
          arrivedRef.current?.();
        });
      });
    },
    [status, ready, scene],
  );

  const end = useCallback(() => {
    machine.current = null;
    ++shown.current;
    show(null);
  }, [show]);

  const start = useCallback(
    (tourId: string, stop = 0) => {
      if (!enabled) throw new Error('the wall screen is on: it tours the site by itself');
      const tour = tours.find((t) => t.id === tourId);
      if (!tour) throw new Error(`no tour "${tourId}" (the site has ${tours.length})`);
      const next = createTourPlayer(tour.stops.map((s) => s.dwellMs));
      const first = next.start(Date.now(), stop);
      machine.current = { tour, player: next };
      setOpen(true);
      show(first);
    },
    [tours, show, enabled],
  );

  /** Runs one of the player's steps now and shows what it returns. */
  const step = useCallback(
    (run: (tour: TourPlayer, now: number) => number | null | void) => {
      const current = machine.current;
      if (!current) return;
      show(run(current.player, Date.now()) ?? null);
    },
    [show],
  );
  const controls = useMemo(
    () => ({
      play: () => step((p, now) => p.play(now)),
      pause: () => step((p, now) => p.pause(now)),
      next: () => step((p, now) => p.next(now)),
      previous: () => step((p, now) => p.previous(now)),
    }),
    [step],
  );

  // Another site, another config or the wall screen: the tour in progress ends.
  useEffect(() => end, [tours, enabled, end]);

  // The clock: only a playing tour has anything to do.
  const kind = useStore(status, (s) => s.state.kind);
  useEffect(() => {
    if (kind !== 'playing') return;
    const timer = setInterval(() => step((p, now) => p.tick(now)), TICK_MS);
    return () => clearInterval(timer);
  }, [kind, step]);

  // A recording opened (or reopened) while a stop with a moment is shown: go to that moment.
  // Read through the ref, not the parameter: a closure naming `player` would put it in this
  // call's shared scope, and every callback memoized in it would keep that recording (its
  // config, its worker) alive after the site was switched.
  useEffect(() => {
    const replay = playerRef.current;
    const current = machine.current;
    const state = current?.player.state();
    if (!replay || !current || !state || state.kind === 'stopped') return;
    const at = current.tour.stops[state.stop]?.at;
    if (at !== undefined) void replay.seek(Date.parse(at)).catch(() => undefined);
  }, [player]);

  const automation = useMemo<TourAutomation>(
    () => ({
      status() {
        const { tourId, state } = status.getState();
        const tour = tours.find((t) => t.id === tourId);
        if (!tour || state.kind === 'stopped') return null;
        return {
          id: tour.id,
          stop: state.stop,
          stops: tour.stops.length,
          playing: state.kind === 'playing',
        };
      },
      start,
    }),
    [status, tours, start],
  );

  const close = useCallback(() => {
    end();
    setOpen(false);
  }, [end]);
  /** The Tours button and `T`: closing the bar ends the tour. */
  const toggle = useCallback(() => (open ? close() : setOpen(true)), [open, close]);
  // `,` and `.` as on a media player's keyboard; W/A/S/D and the arrows belong to walking.
  const keys = useMemo(
    () => ({
      t: toggle,
      ',': controls.previous,
      '.': controls.next,
      Escape: close,
    }),
    [toggle, close, controls],
  );
  useKeyboardShortcuts(keys, enabled && siteTours !== undefined);

  return { status, tours, open, toggle, close, start, ...controls, automation };
}

/** The page's handle on its tours: state, controls and the automation view. */
export type TourControls = ReturnType<typeof useTourPlayer>;
