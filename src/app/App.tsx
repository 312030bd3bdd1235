import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { localize } from '../lib/localizedText';
import { createTwinStore } from '../twin/createTwinStore';
import { TwinContext } from '../twin/react';
import { SiteCanvas } from '../scene/SiteCanvas';
import type { TwinConfig } from '../config/schema';
import type { SceneHandle } from '../scene/sceneHandle';
import { SitePicker, type SiteListEntry } from '../panels/SitePicker/SitePicker';
import { LoadingOverlay } from '../panels/Loading/LoadingOverlay';
import { ConfigErrors } from '../panels/Errors/ConfigErrors';
import { LoadError } from '../panels/Errors/LoadError';
import { ModelErrors } from '../panels/Errors/ModelErrors';
import { Inspector } from '../panels/Inspector/Inspector';
import { HoverTooltip } from '../panels/HoverTooltip/HoverTooltip';
import { DropOverlay } from '../panels/DropOverlay/DropOverlay';
import { Toolbar } from '../panels/Toolbar/Toolbar';
import { useLocale, useLocaleStore, useT } from '../ui/i18n';
import { createAutomationApi, type PlanAutomation, createReadySignal } from './automationApi';
import { fetchSiteIndex } from './siteIndex';
import { searchForRequest, siteRequestFromSearch, type SiteRequest } from './siteRequest';
import { useSiteSession } from './useSiteSession';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useFileDrop } from './useFileDrop';
import { useLiveTelemetry } from './useLiveTelemetry';
import { createFrameProbe } from './frameProbe';
import { loadBrokerCredentials, saveBrokerCredentials } from './brokerCredentials';
import { createLiveStatusStore } from '../twin/liveStatus';
import { ConnectionPanel } from '../panels/Connection/ConnectionPanel';
import { LiveBadge } from '../panels/Connection/LiveBadge';
import { NetworkLegend } from '../panels/Connection/NetworkLegend';
import { createPlaybackSessionStore } from '../playback/playbackSession';
import { ReplayStatus } from '../panels/Replay/ReplayStatus';
import { CopyLinkButton } from '../panels/Replay/CopyLinkButton';
import { OpenRecordingButton } from '../panels/Replay/OpenRecordingButton';
import { RecordButton } from '../panels/Connection/RecordButton';
import { useStore } from 'zustand';
import type { AlarmStore } from '../diagnostics/createAlarmStore';
import type { IncidentStore } from './useIncidents';
import { replayParamsFromSearch, replaySearch } from './replayParams';
import { recordingLocation, usePlayback, type LocalRecording } from './usePlayback';
import { beep, useAlarmStore, useLiveRules, useNewCriticalAlarms } from './useAlarms';
import { AlarmsPanel } from '../panels/Alarms/AlarmsPanel';
import { AlarmBanner } from '../panels/Alarms/AlarmBanner';
import { AlarmsButton } from '../panels/Alarms/AlarmsButton';
import type { Alarm } from '../diagnostics/alarmTypes';
import { loadOperator, saveOperator } from './operatorName';
import { useAlarmsAtClock, useIncidents, useKpisAtClock } from './useIncidents';
import { createKpiStore, type KpiStore } from '../diagnostics/kpis/createKpiStore';
import { IncidentsPanel } from '../panels/Incidents/IncidentsPanel';
import { KpiTiles } from '../panels/Kpis/KpiTiles';
import type { HintWords } from '../panels/Alarms/hintText';
import { siteClock } from '../panels/Timeline/siteClock';
import { createPreviewStore } from './preview/createPreviewStore';
import { configFromTwin } from './preview/configFromTwin';
import { LIVE_PLAN_ID } from './preview/previewSettings';
import { downloadText } from './downloadText';
import { usePlanVsActual } from './planVsActual/usePlanVsActual';
import type { PlanKnobs } from '../panels/Plans/planKnobs';
import { planNameOf } from './planVsActual/planNameOf';
import { predictedKpis } from './preview/predictedKpis';
import { createWallStatusStore } from '../twin/wallStatus';
import { useWallMode, wallRequested } from './wall/useWallMode';
import { WallScreen } from '../panels/Wall/WallScreen';
import { createWalker, EYE_HEIGHT_M, headingDegOfYaw, yawOfHeadingDeg } from '../scene/walk/walker';
import { walkObstaclesOf } from '../scene/walk/walkObstacles';
import { WalkOverlay } from '../panels/Walk/WalkOverlay';
import type { WalkAutomation } from './automationApi';
import { useTourPlayer, type TourAutomation, type TourStatus } from './tour/useTourPlayer';
import { TourOverlay } from './tour/TourOverlay';
import { ToursButton } from '../panels/Tour/ToursButton';
import { useVr } from './vr/useVr';

/** Going to an incident starts the replay this long before it began. */
const INCIDENT_LEAD_MS = 10_000;
/** ... and loops from this long before it began to this long after it cleared. */
const INCIDENT_MARGIN_MS = 30_000;
/** An incident still open at the end of the recording loops this long after it began. */
const INCIDENT_OPEN_LOOP_MS = 5 * 60_000;

/** The shift report loads when first opened. */
const ShiftReport = lazy(() =>
  import('../panels/Report/ShiftReport').then((m) => ({ default: m.ShiftReport })),
);
/** The KPI panel (uPlot trends) loads when first opened. */
const PlansPanel = lazy(() =>
  import('../panels/Plans/PlansPanel').then((m) => ({ default: m.PlansPanel })),
);
const PlanVsActual = lazy(() =>
  import('../panels/PlanVsActual/PlanVsActual').then((m) => ({ default: m.PlanVsActual })),
);
const KpiPanel = lazy(() =>
  import('../panels/Kpis/KpiPanel').then((m) => ({ default: m.KpiPanel })),
);

/** Replay's panels (timeline, uPlot charts) load only when a recording is open. */
const ReplayPanels = lazy(() =>
  import('../panels/Replay/ReplayPanels').then((m) => ({ default: m.ReplayPanels })),
);

/** The whole page: picks a site, opens it, and wires scene, panels and the automation API. */
export function App() {
  const t = useT();
  const locale = useLocale();
  const twin = useMemo(() => createTwinStore(), []);
  const ready = useMemo(() => createReadySignal(), []);
  const liveStatus = useMemo(() => createLiveStatusStore(), []);
  const probe = useMemo(() => createFrameProbe(), []);
  const playback = useMemo(() => createPlaybackSessionStore(), []);
  const wallStatus = useMemo(
    () => createWallStatusStore(wallRequested(window.location.search)),
    [],
  );
  // `?draw=off`: updates without drawing, for measuring frame work (docs/automation.md).
  const drawFrames = useMemo(
    () => new URLSearchParams(window.location.search).get('draw') !== 'off',
    [],
  );
  const [localRecording, setLocalRecording] = useState<LocalRecording | null>(null);
  const walker = useMemo(() => createWalker(), []);
  const walking = useStore(walker.store, (state) => state.on);
  const walkAutomation = useMemo<WalkAutomation>(
    () => ({
      report: () => ({
        // Walking once the controls listen, so a script's next key press is the walk's.
        on: walker.store.getState().on && walker.active,
        position: [walker.pose.x, EYE_HEIGHT_M, walker.pose.z],
        headingDeg: headingDegOfYaw(walker.pose.yawRad),
        pitchDeg: (walker.pose.pitchRad * 180) / Math.PI,
      }),
      set(on, at) {
        if (at) {
          const yaw = at.headingDeg === undefined ? undefined : yawOfHeadingDeg(at.headingDeg);
          walker.place(at.x, at.z, yaw);
        }
        if (on) scene.current?.follow(null);
        walker.store.setState({ on });
      },
    }),
    [walker],
  );
  useEffect(() => () => probe.dispose(), [probe]);
  const [credentials, setCredentials] = useState(loadBrokerCredentials);
  const [brokerOverride, setBrokerOverride] = useState<string | null>(null);
  const [connectionOpen, setConnectionOpen] = useState(false);
  const [networkLayer, setNetworkLayer] = useState(false);
  const scene = useRef<SceneHandle | null>(null);
  const { session, open } = useSiteSession(twin, ready, locale);
  const vr = useVr(twin, locale);
  const [sites, setSites] = useState<SiteListEntry[] | null>(null);
  const [siteListError, setSiteListError] = useState<string | null>(null);
  const [labels, setLabels] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const [alarmsOpen, setAlarmsOpen] = useState(false);
  const [incidentsOpen, setIncidentsOpen] = useState(false);
  const [kpisOpen, setKpisOpen] = useState(false);
  const [plansOpen, setPlansOpen] = useState(false);
  const previews = useMemo(() => createPreviewStore(), []);
  useEffect(() => () => previews.dispose(), [previews]);
  const previewState = useStore(previews);
  const [reportOpen, setReportOpen] = useState(false);
  const [operator, setOperator] = useState(loadOperator);
  // A wall screen flies to each new critical alarm by itself; a desk does when asked to.
  const [autoLocate, setAutoLocate] = useState(
    () => new URLSearchParams(window.location.search).get('wall') === '1',
  );
  const [sound, setSound] = useState(false);

  const alarmsRef = useRef<AlarmStore | null>(null);
  const incidentsRef = useRef<IncidentStore | null>(null);
  const kpisRef = useRef<KpiStore | null>(null);
  const plansRef = useRef<PlanAutomation | null>(null);
  const toursRef = useRef<TourAutomation | null>(null);
  useEffect(() => {
    window.twindeck = createAutomationApi(
      twin,
      () => scene.current,
      ready,
      () => useLocaleStore.getState().locale,
      liveStatus,
      probe,
      playback,
      () => alarmsRef.current,
      () => incidentsRef.current,
      () => kpisRef.current,
      () => plansRef.current,
      wallStatus,
      walkAutomation,
      () => toursRef.current,
      vr.status,
    );
  }, [twin, ready, liveStatus, probe, playback, wallStatus, walkAutomation, vr.status]);

  const navigate = useCallback(
    (request: SiteRequest | null) => {
      if (request?.kind !== 'file') {
        const search = searchForRequest(window.location.search, request);
        window.history.pushState(null, '', `${window.location.pathname}${search}`);
      }
      scene.current = null;
      walker.store.setState({ on: false });
      setLocalRecording(null);
      void open(request);
    },
    [open, walker],
  );

  // Opening from the URL, and again on back/forward.
  useEffect(() => {
    const fromUrl = () => {
      scene.current = null;
      walker.store.setState({ on: false });
      void open(siteRequestFromSearch(window.location.search));
    };
    fromUrl();
    window.addEventListener('popstate', fromUrl);
    return () => window.removeEventListener('popstate', fromUrl);
  }, [open, walker]);

  useEffect(() => {
    if (session.phase !== 'picker' || sites) return;
    fetchSiteIndex(window.location.href).then(setSites, (err: Error) =>
      setSiteListError(err.message),
    );
  }, [session.phase, sites]);

  const dragging = useFileDrop(
    useCallback(
      (file: File) => {
        if (/\.mcap$/i.test(file.name)) {
          if (session.phase !== 'ready') {
            setDropError(t('drop.recordingNeedsSite', { name: file.name }));
            return;
          }
          setDropError(null);
          setLocalRecording({ file });
          return;
        }
        if (!/\.json$/i.test(file.name) && file.type !== 'application/json') {
          setDropError(t('drop.notJson', { name: file.name }));
          return;
        }
        setDropError(null);
        navigate({ kind: 'file', file });
      },
      [navigate, t, session.phase],
    ),
  );

  const config = session.phase === 'ready' ? session.config : null;
  // Telemetry, rules and recordings start once the site's first frame is drawn: on a slow
  // machine they would otherwise share its CPU with the first frame.
  const [drawnConfig, setDrawnConfig] = useState<TwinConfig | null>(null);
  const configRef = useRef(config);
  configRef.current = config;
  const liveConfig = drawnConfig === config ? config : null;
  // `?mode=preview[&plan=<id>]`: no live data; the plan's preview plays once it has run.
  const previewMode = useMemo(
    () => (config ? new URLSearchParams(window.location.search).get('mode') === 'preview' : false),
    [config],
  );
  const replayParams = useMemo(
    () => (config ? replayParamsFromSearch(window.location.search) : null),
    [config],
  );
  // A preview that plays stands in for any recording opened by hand (and opening one stops it).
  const playingFile = previewState.playing
    ? (previewState.runs[previewState.playing]?.file ?? null)
    : null;
  const previewPlaying = playingFile !== null;
  const activeLocal = useMemo(
    () => (playingFile ? { file: playingFile } : localRecording),
    [playingFile, localRecording],
  );
  const recording = useMemo(() => {
    if (!config) return null;
    try {
      return recordingLocation(config, replayParams, activeLocal, window.location.href);
    } catch (err) {
      console.warn((err as Error).message);
      return null;
    }
  }, [config, replayParams, activeLocal]);
  useLiveTelemetry(
    twin,
    liveStatus,
    recording || previewMode ? null : liveConfig,
    credentials,
    brokerOverride,
    probe,
  );
  const alarms = useAlarmStore(twin, config);
  alarmsRef.current = alarms;
  const kpis = useMemo(() => createKpiStore(), []);
  kpisRef.current = kpis;
  useLiveRules(twin, liveConfig, alarms, kpis, !recording);
  /** Locates an asset: selects it, flies the camera to it and keeps following it. */
  const locate = useCallback(
    (assetId: string) => {
      twin.getState().select(assetId);
      const handle = scene.current;
      void handle?.focusAsset(assetId).then(() => handle.follow(assetId));
    },
    [twin],
  );
  const playbackSession = useStore(playback, (s) => s.session);
  const player = playbackSession.phase === 'ready' ? playbackSession.player : null;
  // A shift that carries its plan is measured against it; a preview is its plan, so it is not.
  const shiftPlanText = previewPlaying ? undefined : player?.info.planText;
  const incidents = useIncidents(recording ? liveConfig : null, recording, shiftPlanText);
  const incidentScan = useStore(incidents);
  const positionOf = useCallback(
    (assetId: string) => twin.getState().byId.get(assetId)?.position,
    [twin],
  );
  const planVsActual = usePlanVsActual(
    incidentScan,
    shiftPlanText === undefined ? null : player,
    positionOf,
  );
  const [ghostsOn, setGhostsOn] = useState(true);
  const editCount = useRef(0);
  // The plan form's knobs, once per plan list: editing pulls in the simulator's plan code, so it
  // loads with the Plans panel, not with the page.
  const [knobsByPlan, setKnobsByPlan] = useState<ReadonlyMap<string, PlanKnobs>>(new Map());
  useEffect(() => {
    const plans = previewState.plans;
    if (!plansOpen || !plans || !config) return;
    let current = true;
    void import('./preview/editPlan').then(({ planKnobs }) => {
      if (!current) return;
      setKnobsByPlan(
        new Map(
          plans.flatMap((p) => (p.document ? [[p.ref.id, planKnobs(config, p.document)]] : [])),
        ),
      );
    });
    return () => {
      current = false;
    };
  }, [plansOpen, previewState.plans, config]);
  const shiftPlanName = useMemo(() => planNameOf(shiftPlanText, locale), [shiftPlanText, locale]);
  useAlarmsAtClock(incidents, alarms, player ? player.time : null);
  useKpisAtClock(incidents, kpis, player ? player.time : null);
  /** A replay goes to an incident: just before it began, looping around it, its asset followed. */
  const goToIncident = useCallback(
    (alarm: Alarm, seek = true) => {
      if (!player) return;
      const { start, end } = player.info;
      const to = (alarm.clearedAt ?? alarm.since + INCIDENT_OPEN_LOOP_MS) + INCIDENT_MARGIN_MS;
      player.setLoop({
        from: Math.max(start, alarm.since - INCIDENT_MARGIN_MS),
        to: Math.min(end, to),
      });
      if (seek) void player.seek(Math.max(start, alarm.since - INCIDENT_LEAD_MS));
      locate(alarm.assetId);
    },
    [player, locate],
  );
  const openAlarm = useCallback(
    (alarm: Alarm) => (player ? goToIncident(alarm) : locate(alarm.assetId)),
    [player, goToIncident, locate],
  );
  incidentsRef.current = incidents;
  const whenDrawn = useCallback(() => ready.promise(), [ready]);
  const sceneNow = useCallback(() => scene.current, []);
  const wall = useWallMode({
    status: wallStatus,
    config,
    ready: whenDrawn,
    scene: sceneNow,
    alarms,
    locate,
  });
  const setWall = wall.setOn;
  // In VR a tour stop stands the player in front of what the stop shows: where the desk camera
  // has just flown to (a view, a pose, an asset), looked at from the same side.
  const standInVr = useCallback(() => {
    const { presenting, control } = vr.status.getState();
    const camera = scene.current?.camera();
    if (presenting && control && camera) control.standAt(camera);
  }, [vr.status]);
  const tours = useTourPlayer({
    onArrived: standInVr,
    tours: config?.tours,
    enabled: !wall.on,
    ready: whenDrawn,
    scene: sceneNow,
    player,
  });
  toursRef.current = tours.automation;
  // The tour's note floats ahead of the player in VR (the VR layer shows `caption`).
  useEffect(() => {
    const update = ({ tourId, state }: TourStatus) => {
      const tour = config?.tours.find((t) => t.id === tourId);
      const stop = tour && state.kind !== 'stopped' ? tour.stops[state.stop] : undefined;
      vr.status.setState({
        caption:
          tour && stop
            ? { title: localize(tour.name, locale), text: localize(stop.note, locale) }
            : null,
      });
    };
    update(tours.status.getState());
    return tours.status.subscribe(update);
  }, [tours.status, config, locale, vr.status]);
  useNewCriticalAlarms(alarms, (alarm) => {
    // A wall screen's tour takes the alarm (and comes back from it); a desk flies when asked to.
    const shown = wall.on && wall.onCriticalAlarm(alarm);
    if (!shown && autoLocate) locate(alarm.assetId);
    if (sound) beep();
  });
  usePlayback(twin, playback, liveConfig, recording, replayParams);

  // The site's plans, read with the site; a preview's recording plays like any recording.
  const siteBase = session.phase === 'ready' ? session.baseUrl : null;
  useEffect(() => {
    if (config && siteBase) void previews.loadPlans(config, siteBase);
  }, [previews, config, siteBase]);
  const configText = session.phase === 'ready' ? session.configText : null;
  /** Where the clock stood in the preview played before (ms from its start): the next one goes there. */
  const previewOffset = useRef<number | null>(null);
  const openRecordingFile = useCallback(
    (file: File) => {
      previews.play(null);
      setLocalRecording({ file });
    },
    [previews],
  );
  const runPreview = useCallback(
    (planId: string, again = false) => {
      if (!configText || !config) return Promise.reject(new Error('no site is open'));
      if (planId === LIVE_PLAN_ID) {
        // From the state the twin shows now: live, or the replayed moment ("from here on").
        const from = Math.round(player ? player.time() : Date.now());
        previewOffset.current = null;
        const state = JSON.stringify(configFromTwin(config, twin.getState().assets));
        return previews.runFromLive(state, from);
      }
      previewOffset.current = player ? player.time() - player.info.start : null;
      return previews.run(planId, configText, again);
    },
    [previews, configText, config, player, twin],
  );
  const startedPreview = useRef<TwinConfig | null>(null);
  useEffect(() => {
    if (!previewMode || !config || !previewState.plans || startedPreview.current === config) return;
    startedPreview.current = config;
    const wanted = new URLSearchParams(window.location.search).get('plan');
    const plan =
      previewState.plans.find((p) => p.ref.id === wanted) ??
      previewState.plans.find((p) => p.document);
    setPlansOpen(true);
    if (plan) void runPreview(plan.ref.id);
  }, [previewMode, config, previewState.plans, runPreview]);
  plansRef.current = {
    list: () =>
      (previews.getState().plans ?? []).flatMap((p) =>
        p.document ? [{ id: p.ref.id, name: localize(p.document.name, locale) }] : [],
      ),
    preview: async (planId) => {
      const run = await runPreview(planId);
      if (run.state === 'failed') throw new Error(run.error ?? `plan ${planId} failed`);
      const kpis = await new Promise<Record<string, number>>((resolve, reject) => {
        const check = (state: ReturnType<typeof previews.getState>) => {
          const now = state.runs[planId];
          if (now?.kpis) resolve(now.kpis);
          else if (!now || now.state === 'failed' || now.file !== run.file)
            reject(new Error(`the preview of ${planId} was replaced or failed`));
          else return false;
          return true;
        };
        if (check(previews.getState())) return;
        const stop = previews.subscribe((state) => {
          if (check(state)) stop();
        });
      });
      return { kpis };
    },
    deviation: planVsActual.deviation,
  };
  useEffect(() => {
    const offset = previewOffset.current;
    if (!player || offset === null || recording?.kind !== 'file' || recording.file !== playingFile)
      return;
    previewOffset.current = null;
    void player.seek(Math.min(player.info.end, player.info.start + offset));
  }, [player, playingFile, recording]);
  // A preview's predicted KPIs: its recording's, once the incident pass has been through it.
  useEffect(() => {
    if (incidentScan.state !== 'done' || !player || recording?.kind !== 'file') return;
    const file = recording.file;
    const run = Object.values(previews.getState().runs).find((r) => r.file === file);
    if (run && !run.kpis)
      previews.assessed(run.planId, predictedKpis(incidentScan.kpis, player.info.start));
  }, [incidentScan, player, recording, previews]);

  // A shared link's camera and selection, once the site is drawn.
  useEffect(() => {
    if (!config || !replayParams) return;
    let current = true;
    void ready.promise().then(() => {
      if (!current) return;
      const { camera, selected } = replayParams;
      if (camera) scene.current?.setCamera(camera.position, camera.target);
      if (selected && twin.getState().byId.has(selected)) twin.getState().select(selected);
    });
    return () => {
      current = false;
    };
  }, [config, replayParams, ready, twin]);

  const shareLink = useCallback(() => {
    const { speed, loop } = player?.ui.getState() ?? { speed: 1, loop: null };
    const search = replaySearch(window.location.search, {
      recording: replayParams?.recording ?? null,
      t: player ? player.time() : null,
      speed,
      loop,
      camera: scene.current?.camera() ?? null,
      selected: twin.getState().selectedId,
    });
    return `${window.location.origin}${window.location.pathname}${search}`;
  }, [player, replayParams, twin]);
  const recordingFileName = useCallback(
    () => `${config?.site.id ?? 'site'}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}`,
    [config],
  );
  const unitOf = useCallback(
    (assetId: string, field: string) => {
      const type = twin.getState().byId.get(assetId)?.type;
      return type ? config?.assetTypes[type]?.fields[field]?.unit : undefined;
    },
    [config, twin],
  );
  const nameOf = useCallback(
    (assetId: string) => {
      const asset = twin.getState().byId.get(assetId);
      return asset ? localize(asset.name, locale) : assetId;
    },
    [twin, locale],
  );
  const hintWords = useMemo<HintWords>(() => {
    const clock = siteClock(config?.site.timeZone ?? 'UTC');
    return {
      nameOf,
      ruleName: (id) => {
        const rule = config?.rules.find((r) => r.id === id);
        return rule?.name ? localize(rule.name, locale) : id;
      },
      zoneName: (id) => {
        const zone = config?.zones.find((z) => z.id === id);
        return zone ? localize(zone.name, locale) : id;
      },
      time: (t) => clock.time(t),
    };
  }, [config, nameOf, locale]);
  const plansButton = config && config.plans.length > 0 && (
    <button
      aria-pressed={plansOpen}
      onClick={() => setPlansOpen((on) => !on)}
      title={t('plans.buttonTip')}
      data-testid="plans-button"
    >
      {t('plans.button')}
    </button>
  );
  const toursButton = config && config.tours.length > 0 && (
    <ToursButton open={tours.open} onToggle={tours.toggle} />
  );
  const shortcuts = useMemo(() => {
    const map: Record<string, () => void> = {
      f: () => void scene.current?.fitSite(),
      l: () => setLabels((on) => !on),
      c: () => setConnectionOpen((on) => !on),
      n: () => setNetworkLayer((on) => !on),
      // The record button owns starting, stopping and the download; the key presses it.
      r: () => document.querySelector<HTMLButtonElement>('[data-testid="record-button"]')?.click(),
      a: () => setAlarmsOpen((on) => !on),
      i: () => setIncidentsOpen((on) => !on),
      k: () => setKpisOpen((on) => !on),
      p: () => setPlansOpen((on) => !on),
      g: () => setGhostsOn((on) => !on),
      w: () => setWall(!wallStatus.getState().on),
      // A wall screen tours by itself; walking is for a desk.
      v: () => {
        if (!wallStatus.getState().on) walkAutomation.set(!walker.store.getState().on);
      },
      Escape: () => {
        setReportOpen(false);
        twin.getState().select(null);
        scene.current?.follow(null);
      },
    };
    config?.cameraViews.slice(0, 9).forEach((view, i) => {
      map[String(i + 1)] = () => void scene.current?.flyToView(view.id);
    });
    return map;
  }, [config, twin, setWall, wallStatus, walkAutomation, walker]);
  useKeyboardShortcuts(shortcuts, session.phase === 'ready');

  const walkPose = useCallback(
    () => ({
      x: walker.pose.x,
      z: walker.pose.z,
      headingDeg: headingDegOfYaw(walker.pose.yawRad),
    }),
    [walker],
  );
  const onHandle = useCallback((handle: SceneHandle) => {
    scene.current = handle;
  }, []);
  const onFirstFrame = useCallback(() => {
    performance.mark('twindeck:first-frame');
    setDrawnConfig(configRef.current);
    ready.resolve();
  }, [ready]);

  return (
    <TwinContext.Provider value={twin}>
      <div className={`app${recording ? ' replaying' : ''}${wall.on ? ' wall-mode' : ''}`}>
        {session.phase === 'picker' && (
          <SitePicker
            sites={sites}
            error={siteListError}
            onPick={(id) => navigate({ kind: 'bundled', id })}
          />
        )}
        {session.phase === 'ready' && (
          <div className="viewport">
            <SiteCanvas
              site={session.site}
              twin={twin}
              views={session.config.cameraViews}
              zones={session.config.zones}
              labels={labels}
              networkLayer={networkLayer}
              locale={locale}
              onHandle={onHandle}
              onFirstFrame={onFirstFrame}
              onRenderStart={probe.renderStarts}
              draw={drawFrames}
              ghosts={ghostsOn ? planVsActual.ghosts : null}
              walker={walker}
              walking={walking && !wall.on}
              xr={vr.layer(session.site, session.config.cameraViews)}
            />
          </div>
        )}
        {session.phase === 'loading' && (
          <LoadingOverlay progress={session.progress} siteName={session.name} />
        )}
        {session.phase === 'config-errors' && (
          <ConfigErrors
            source={session.source}
            issues={session.issues}
            onBack={() => navigate(null)}
          />
        )}
        {session.phase === 'load-error' && (
          <LoadError message={session.message} onBack={() => navigate(null)} />
        )}
        {session.phase === 'ready' && (
          <>
            {wall.on ? (
              <WallScreen
                siteName={localize(session.config.site.name, locale)}
                timeZone={session.config.site.timeZone}
                views={session.config.cameraViews}
                status={wallStatus}
                live={liveStatus}
                replayTime={player ? player.time : null}
                nameOf={nameOf}
                onLeave={() => {
                  setWall(false);
                  if (document.fullscreenElement)
                    void document.exitFullscreen().catch(() => undefined);
                }}
              />
            ) : (
              <Toolbar
                siteName={localize(session.config.site.name, locale)}
                assetCount={session.config.assets.length}
                views={session.config.cameraViews}
                labels={labels}
                onSites={() => navigate(null)}
                onView={(id) => void scene.current?.flyToView(id)}
                onFit={() => void scene.current?.fitSite()}
                onToggleLabels={() => setLabels((on) => !on)}
                walking={walking}
                onWalk={() => walkAutomation.set(!walking)}
                onWall={() => {
                  walker.store.setState({ on: false });
                  setWall(true);
                  void document.documentElement.requestFullscreen?.().catch(() => undefined);
                }}
                extra={vr.button}
                live={
                  recording ? (
                    <>
                      <span className="live-badge live-replay" data-testid="replay-badge">
                        {previewPlaying ? t('preview.badge') : t('replay.badge')}
                      </span>
                      {alarms && (
                        <AlarmsButton
                          alarms={alarms}
                          open={alarmsOpen}
                          onToggle={() => setAlarmsOpen((on) => !on)}
                        />
                      )}
                      {player && (
                        <button
                          aria-pressed={incidentsOpen}
                          onClick={() => setIncidentsOpen((on) => !on)}
                          title={t('incidents.buttonTip')}
                          data-testid="incidents-button"
                        >
                          {t('incidents.button')}
                          {incidentScan.alarms.length > 0 && (
                            <span className="alarm-count severity-bg-info">
                              {incidentScan.alarms.length}
                            </span>
                          )}
                        </button>
                      )}
                      {player && <CopyLinkButton link={shareLink} />}
                      <OpenRecordingButton onFile={openRecordingFile} />
                      {plansButton}
                      {toursButton}
                    </>
                  ) : (
                    <>
                      {alarms && (
                        <AlarmsButton
                          alarms={alarms}
                          open={alarmsOpen}
                          onToggle={() => setAlarmsOpen((on) => !on)}
                        />
                      )}
                      <LiveBadge
                        status={liveStatus}
                        onClick={() => setConnectionOpen((on) => !on)}
                      />
                      <RecordButton status={liveStatus} fileName={recordingFileName} />
                      <OpenRecordingButton onFile={openRecordingFile} />
                      {plansButton}
                      {toursButton}
                    </>
                  )
                }
              />
            )}
            {!wall.on && connectionOpen && (
              <ConnectionPanel
                status={liveStatus}
                onClose={() => setConnectionOpen(false)}
                onConnect={(url, next) => {
                  setCredentials(next);
                  saveBrokerCredentials(url, next);
                  setBrokerOverride(url);
                }}
              />
            )}
            {!wall.on && networkLayer && <NetworkLegend />}
            {!wall.on && walking && (
              <WalkOverlay
                grid={walkObstaclesOf(session.site).fixed}
                twin={twin}
                pose={walkPose}
                onGo={(x, z) => walker.place(x, z)}
              />
            )}
            {alarms && (
              <AlarmBanner
                alarms={alarms}
                nameOf={nameOf}
                onOpen={openAlarm}
                onShowAll={() => setAlarmsOpen(true)}
                actions={!recording}
                operator={operator}
              />
            )}
            <KpiTiles
              kpis={kpis}
              configured={session.config.kpis}
              onOpen={() => setKpisOpen(true)}
            />
            {!wall.on && (
              <>
                {plansOpen && (
                  <Suspense fallback={null}>
                    <PlansPanel
                      plans={
                        previewState.plans?.map((p) => ({
                          id: p.ref.id,
                          name: p.document?.name ?? p.ref.name,
                          description: p.document?.description,
                          error: p.error,
                          knobs: knobsByPlan.get(p.ref.id) ?? null,
                          edited: p.ref.id.includes('-edit-'),
                        })) ?? null
                      }
                      runs={previewState.runs}
                      playing={previewState.playing}
                      onPreview={(id) => void runPreview(id, true)}
                      onPreviewFromNow={
                        previewPlaying ? undefined : () => void runPreview(LIVE_PLAN_ID, true)
                      }
                      onPlay={(id) => {
                        previewOffset.current = player ? player.time() - player.info.start : null;
                        previews.play(id);
                      }}
                      onClose={() => setPlansOpen(false)}
                      onEdit={(planId, edits) => {
                        const base = previews.getState().plans?.find((p) => p.ref.id === planId);
                        if (!base?.document || !config) return;
                        const id = `${planId}-edit-${++editCount.current}`;
                        const document = base.document;
                        void import('./preview/editPlan').then(({ editPlan }) => {
                          try {
                            previews.addPlan(editPlan(config, document, edits, id));
                            void runPreview(id);
                          } catch (error) {
                            const message = error instanceof Error ? error.message : String(error);
                            previews.addPlan({
                              ref: { id, name: base.ref.name, url: `${id}.json` },
                              error: `the edited plan does not fit the site: ${message}`,
                            });
                          }
                        });
                      }}
                      onExport={(planId) => {
                        const text = previews.text(planId);
                        if (text) downloadText(text, `${planId}.json`, 'application/json');
                      }}
                    >
                      {planVsActual.available && (
                        <PlanVsActual
                          planName={shiftPlanName}
                          view={planVsActual.view}
                          timeZone={config?.site.timeZone ?? 'UTC'}
                          ghosts={ghostsOn}
                          onGhosts={setGhostsOn}
                          onLocate={(assetId, at) => {
                            void player?.seek(at);
                            locate(assetId);
                          }}
                        />
                      )}
                    </PlansPanel>
                  </Suspense>
                )}
                {kpisOpen && (
                  <Suspense fallback={null}>
                    <KpiPanel
                      kpis={kpis}
                      configured={session.config.kpis}
                      timeZone={session.config.site.timeZone}
                      nameOf={nameOf}
                      onReport={player ? () => setReportOpen(true) : undefined}
                      onClose={() => setKpisOpen(false)}
                    />
                  </Suspense>
                )}
                {player && reportOpen && (
                  <Suspense fallback={null}>
                    <ShiftReport
                      siteName={localize(session.config.site.name, locale)}
                      shift={player.info.shift}
                      start={player.info.start}
                      end={player.info.end}
                      timeZone={session.config.site.timeZone}
                      kpis={incidentScan.kpis}
                      configured={session.config.kpis}
                      incidents={incidentScan.alarms}
                      complete={incidentScan.state === 'done'}
                      words={hintWords}
                      onClose={() => setReportOpen(false)}
                    />
                  </Suspense>
                )}
                {player && incidentsOpen && (
                  <IncidentsPanel
                    incidents={incidentScan.alarms}
                    scan={incidentScan}
                    timeZone={session.config.site.timeZone}
                    end={player.info.end}
                    ruleCount={session.config.rules.length}
                    nameOf={nameOf}
                    words={hintWords}
                    onLocate={locate}
                    onOpen={(alarm) => goToIncident(alarm)}
                    onReport={() => setReportOpen(true)}
                    onClose={() => setIncidentsOpen(false)}
                  />
                )}
                {alarms && alarmsOpen && (
                  <AlarmsPanel
                    alarms={alarms}
                    ruleCount={session.config.rules.length}
                    timeZone={session.config.site.timeZone}
                    nameOf={nameOf}
                    words={hintWords}
                    onLocate={locate}
                    now={() => player?.time() ?? Date.now()}
                    onOpen={openAlarm}
                    onClose={() => setAlarmsOpen(false)}
                    actions={!recording}
                    operator={operator}
                    onOperator={(name) => {
                      setOperator(name);
                      saveOperator(name);
                    }}
                    autoLocate={autoLocate}
                    onAutoLocate={setAutoLocate}
                    sound={sound}
                    onSound={setSound}
                  />
                )}
              </>
            )}
            <ModelErrors problems={session.problems} />
            <ReplayStatus sessions={playback} />
            {!wall.on && (
              <>
                <Inspector onFocus={(id) => void scene.current?.focusAsset(id)} />
                <HoverTooltip />
                {player && (
                  <Suspense fallback={null}>
                    <ReplayPanels
                      player={player}
                      incidents={session.config.rules.length > 0 ? incidentScan.alarms : null}
                      onIncident={(alarm) => goToIncident(alarm, false)}
                      timeZone={session.config.site.timeZone}
                      unitOf={unitOf}
                      nameOf={nameOf}
                    />
                  </Suspense>
                )}
                {tours.open && (
                  <TourOverlay
                    tours={tours}
                    replay={player !== null}
                    timeZone={session.config.site.timeZone}
                  />
                )}
                {!recording && <footer className="help muted">{t('help.keys')}</footer>}
              </>
            )}
          </>
        )}
        {dropError && (
          <div className="banner banner-warning drop-error" role="alert">
            {dropError}
            <button
              className="banner-close"
              onClick={() => setDropError(null)}
              aria-label={t('errors.dismiss')}
            >
              ×
            </button>
          </div>
        )}
        {dragging && <DropOverlay />}
      </div>
    </TwinContext.Provider>
  );
}
