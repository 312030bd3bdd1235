import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { TwinConfig } from '../../config/schema';
import type { Alarm } from '../../diagnostics/alarmTypes';
import type { AlarmStore } from '../../diagnostics/createAlarmStore';
import type { SceneHandle } from '../../scene/sceneHandle';
import type { WallStatusStore } from '../../twin/wallStatus';
import { createWallTour, type WallTour, type WallTourAction } from './wallTour';

/** How often the tour looks at the time: stops last seconds, so a second is fine enough. */
const TICK_MS = 500;

/** `?wall=1` opens the page as a wall screen. */
export const wallRequested = (search: string) => new URLSearchParams(search).get('wall') === '1';

interface Options {
  status: WallStatusStore;
  config: TwinConfig | null;
  /** Resolves once the site's first frame is drawn (the tour starts then). */
  ready: () => Promise<void>;
  scene: () => SceneHandle | null;
  alarms: AlarmStore | null;
  /** Goes to an asset: selects it, flies to it and follows it. */
  locate(assetId: string): void;
}

/**
 * Runs the wall screen while it is on: the camera tour through the site's views, and the pause
 * at each new critical alarm (`onCriticalAlarm`, called by the page) until it is acknowledged or
 * cleared or its hold runs out. Timers, not frames: nothing here runs per frame.
 */
export function useWallMode({ status, config, ready, scene, alarms, locate }: Options) {
  const on = useStore(status, (s) => s.on);
  const tour = useRef<WallTour | null>(null);
  const stops = useMemo(() => {
    if (!config) return [];
    return config.wall.tour ?? config.cameraViews.map((v) => v.id);
  }, [config]);
  const locateRef = useRef(locate);
  locateRef.current = locate;

  const carryOut = useCallback(
    (action: WallTourAction | null) => {
      if (!action) return;
      if (action.kind === 'asset') locateRef.current(action.assetId);
      else {
        const handle = scene();
        handle?.follow(null);
        const viewId = stops[action.stop] as string;
        void handle?.flyToView(viewId).catch(() => undefined);
      }
      const state = tour.current?.state();
      status.setState({
        tourStop: state?.kind === 'touring' ? state.stop : null,
        viewId: state?.kind === 'touring' ? (stops[state.stop] ?? null) : null,
        alarm: state?.kind === 'alarm' ? { id: state.alarmId, assetId: state.assetId } : null,
      });
    },
    [scene, status, stops],
  );

  useEffect(() => {
    if (!on || !config) {
      tour.current = null;
      status.setState({ tourStop: null, viewId: null, alarm: null });
      return;
    }
    const current = createWallTour({
      stops: stops.length,
      dwellMs: config.wall.dwellMs,
      alarmHoldMs: config.wall.alarmHoldMs,
    });
    let timer: ReturnType<typeof setInterval> | undefined;
    let live = true;
    void ready().then(() => {
      if (!live) return;
      tour.current = current;
      carryOut(current.start(Date.now()));
      timer = setInterval(() => carryOut(current.tick(Date.now())), TICK_MS);
    });
    return () => {
      live = false;
      clearInterval(timer);
      if (tour.current === current) tour.current = null;
    };
  }, [on, config, stops, ready, carryOut, status]);

  // The alarm the screen waits on: acknowledged, cleared or shelved lets the tour go on.
  useEffect(() => {
    if (!alarms || !on) return;
    return alarms.subscribe(({ alarms: list }) => {
      const waiting = status.getState().alarm;
      if (!waiting || !tour.current) return;
      const alarm = list.find((a) => a.id === waiting.id);
      if (!alarm || alarm.state !== 'active')
        carryOut(tour.current.settled(waiting.id, Date.now()));
    });
  }, [alarms, on, status, carryOut]);

  const onCriticalAlarm = useCallback(
    (alarm: Alarm) => {
      if (!tour.current || !config?.wall.flyToCritical) return false;
      carryOut(tour.current.alarm(alarm.id, alarm.assetId, Date.now()));
      return true;
    },
    [config, carryOut],
  );
  const setOn = useCallback((next: boolean) => status.setState({ on: next }), [status]);
  return { on, setOn, onCriticalAlarm };
}
