import type { PlanDeviationReport } from './planVsActual/usePlanVsActual';
import type { FieldValue } from '../config/schema';
import { localize, type Locale } from '../lib/localizedText';
import type { AssetState } from '../twin/assetState';
import type { TwinStore } from '../twin/createTwinStore';
import type { LiveStatusStore } from '../twin/liveStatus';
import type { SceneHandle, SceneStats } from '../scene/sceneHandle';
import type { PlaybackSessionStore } from '../playback/playbackSession';
import type { AlarmStore } from '../diagnostics/createAlarmStore';
import { alarmText } from '../panels/Alarms/alarmText';
import type { Alarm } from '../diagnostics/alarmTypes';
import type { IncidentStore } from './useIncidents';
import type { KpiStore } from '../diagnostics/kpis/createKpiStore';
import type { WallStatus, WallStatusStore } from '../twin/wallStatus';
import type { TourAutomation } from './tour/useTourPlayer';
import type { VrStatusStore } from '../twin/vrStatus';
import { enterVr, exitVr, vrSnapshot, type AutomationVr } from './vr/vrAutomation';

/** One asset as the automation API reports it: a snapshot, safe to keep. */
export interface AutomationAsset {
  id: string;
  type: string;
  /** World position of the asset root, site metres, three.js y-up. */
  position: [number, number, number];
  fields: Record<string, FieldValue>;
  stale: boolean;
}

/**
 * `window.twindeck`: the contract kiosk scripts and browser tests use (docs/automation.md).
 * Names and shapes never change; later issues only add members. Read-only with respect to the
 * site: selecting and moving the camera are view state, not site state.
 */
export interface TwindeckApi {
  ready(): Promise<void>;
  site(): { id: string; name: string; assetCount: number } | null;
  assets(filter?: { type?: string }): AutomationAsset[];
  asset(id: string): AutomationAsset | undefined;
  select(id: string | null): void;
  selected(): string | null;
  stats(): SceneStats & { assetCount: number } & FrameFigures;
  /** Starts the frame and latency figures of `stats()` afresh, for a measurement window. */
  resetStats(): void;
  /** Viewport CSS pixel where the asset can be clicked, or null when it is not visible. */
  screenPosition(id: string): [number, number] | null;
  /** Flies to a configured camera view, or the whole site for `'fit'`. */
  view(viewId: string): Promise<void>;
  /** Current camera position and target, site metres. */
  camera(): { position: [number, number, number]; target: [number, number, number] } | null;
  /** The live connection: `state` is `static` when the site is not live. */
  connection(): AutomationConnection;
  /** Every 5G gateway heard from, with its delay distribution and message loss. */
  gateways(): AutomationGateway[];
  /** The one clock: what time the twin shows, and whether it runs. */
  clock(): AutomationClock;
  /** Replay: plays from the current time. */
  play(): void;
  /** Replay: holds the current time. */
  pause(): void;
  /** Replay: shows the state at `t` (ms since the epoch); resolves once a frame has drawn it. */
  seek(t: number): Promise<void>;
  /** Replay: playback speed, held to 0.25–64. */
  setSpeed(speed: number): void;
  /**
   * The site's alarms, oldest raise first: those raised live by its rules, or in a replay the
   * recording's up to the clock. `message` is in the UI's language.
   */
  alarms(): AutomationAlarm[];
  /**
   * Replay: every incident of the recording found so far (its alarms over the whole shift, by
   * when they began); `incidentScan()` says whether the pass over the recording is done.
   */
  incidents(): AutomationIncident[];
  /** Replay: the pass that finds the incidents — `scanning` (with how far, 0–1), `done`, … */
  incidentScan(): { state: 'idle' | 'scanning' | 'done' | 'failed'; fraction: number };
  /**
   * The site's KPIs so far this shift, by id (docs/kpis.md): live, updated every few seconds;
   * in a replay, the recording's as they stood at the clock (from the incident pass). Only those
   * the site has the assets and data for.
   */
  kpis(): Record<string, number>;
  /** The site's plans that could be read (docs/plans.md); empty until they are. */
  plans(): Array<{ id: string; name: string }>;
  /**
   * Runs a plan's preview, plays it, and resolves with the KPIs it predicts once the incident
   * pass has been over it (`vesselCompletionHours` besides docs/kpis.md's); rejects when the
   * plan cannot run.
   */
  preview(planId: string): Promise<{ kpis: Record<string, number> }>;
  /**
   * A replayed shift against the plan it carries, at the clock: the site's minutes behind (or,
   * given an asset, its own planned work's — a quay crane's — with its ghost's pose and distance);
   * null when no recording with a plan is open or its plan is still being simulated.
   */
  planDeviation(assetId?: string): PlanDeviationReport | null;
  /**
   * The wall screen (`?wall=1`): whether it is on, and the index of the tour stop shown (null
   * when off, without views, or while a critical alarm holds the screen); `viewId` is that
   * stop's camera view, `alarm` the critical alarm the tour waits on.
   */
  wall(): WallStatus;
  /** The UI language: `en` or `zh-CN`. */
  locale(): Locale;
  /** The guided tour running (docs/tours.md): its id, the stop shown (from 0), and whether it plays. */
  tour(): { id: string; stop: number; stops: number; playing: boolean } | null;
  /** Starts a tour of the site's config, playing, at `stop` (default its first); throws for an unknown one. */
  startTour(id: string, stop?: number): void;
  /**
   * The first-person walk: whether it is on, the walker's eye (site metres) and where it looks
   * (compass heading, 0 north, 90 east; pitch up positive), both in degrees.
   */
  walk(): WalkReport;
  /**
   * Starts or stops the walk. `at` puts the walker there (the nearest free spot), facing
   * `headingDeg` if given; without it a walk starts at the centre of the view.
   */
  setWalk(on: boolean, at?: { x: number; z: number; headingDeg?: number }): void;
  /**
   * Immersive VR (docs/vr.md): whether it can start, whether it is on and in which mode, and
   * the XR scene's parts (`sceneGraph`, counted on each call).
   */
  vr(): AutomationVr;
  /** Enters VR as the toolbar button does; resolves once presenting, rejects saying why not. */
  enterVr(): Promise<void>;
  /** Leaves VR; resolves once back on the desk view. */
  exitVr(): Promise<void>;
}

export interface WalkReport {
  on: boolean;
  position: [number, number, number];
  headingDeg: number;
  pitchDeg: number;
}

/** What the page lends the automation API for the walk (scene/walk/). */
export interface WalkAutomation {
  report(): WalkReport;
  set(on: boolean, at?: { x: number; z: number; headingDeg?: number }): void;
}

/** What the page lends the automation API for plans (app/preview/, app/planVsActual/). */
export interface PlanAutomation {
  list(): Array<{ id: string; name: string }>;
  preview(planId: string): Promise<{ kpis: Record<string, number> }>;
  deviation(assetId?: string): PlanDeviationReport | null;
}

export interface AutomationIncident extends AutomationAlarm {
  /** When its condition began to hold (the marker on the timeline), ms epoch. */
  start: number;
  /** How long it lasted, ms (to the end of the recording when it never cleared). */
  durationMs: number;
}

export interface AutomationAlarm {
  id: string;
  ruleId: string;
  assetId: string;
  severity: 'info' | 'warning' | 'critical';
  state: 'active' | 'acknowledged' | 'cleared' | 'shelved';
  /** ms epoch, on the clock of the mode (the recording's in a replay). */
  raisedAt: number;
  clearedAt?: number;
  message: string;
}

/**
 * `mode` is `live`, `replay` or `static`; `t` the time shown (ms epoch); `start`/`end` the
 * recording's range (in live mode: when the page connected, and now; `null` when static).
 */
export interface AutomationClock {
  mode: 'live' | 'replay' | 'static';
  t: number;
  playing: boolean;
  speed: number;
  start: number | null;
  end: number | null;
  /** The player's named state in replay (`idle`, `playing`, `paused`, `seeking`, `buffering`, `ended`). */
  state: string;
}

export interface AutomationConnection {
  state: 'static' | 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';
  url: string | null;
  messagesPerSecond: number;
  decodeErrors: number;
  unknownTopics: number;
  /** Every message received since the connection started. */
  messages: number;
  /** Successful connects (the first one and every reconnect). */
  connects: number;
  /** SUBSCRIBE packets sent: one per topic filter per connect when all is well. */
  subscribes: number;
  /** Topic filters subscribed on each connect. */
  filters: number;
}

export interface AutomationGateway {
  id: string;
  /** `stale`: connected, but nothing from this gateway for longer than its assets' stale time. */
  state: 'online' | 'offline' | 'stale';
  delayMsP50: number | null;
  delayMsP95: number | null;
  lossRate: number;
}

/**
 * The page's JS per frame over the last 600 frames, and publish-to-pixel latency (source time →
 * end of the frame that draws the sample) over the last 4,096 samples; null until measured.
 */
export interface FrameFigures {
  frameJsMsP50: number | null;
  frameJsMsP95: number | null;
  /** The part before the render call: telemetry, poses, instance matrices. */
  updateJsMsP50: number | null;
  updateJsMsP95: number | null;
  latencyMsP50: number | null;
  latencyMsP95: number | null;
  /** The app's own share of the latency: ingest worker receipt → end of the frame. */
  appLatencyMsP50: number | null;
  appLatencyMsP95: number | null;
  /** Time between frame starts. */
  frameIntervalMsP50: number | null;
  frameIntervalMsP95: number | null;
}

function automationAlarm(a: Alarm, lang: Locale): AutomationAlarm {
  return {
    id: a.id,
    ruleId: a.ruleId,
    assetId: a.assetId,
    severity: a.severity,
    state: a.state,
    raisedAt: a.raisedAt,
    ...(a.clearedAt !== undefined && { clearedAt: a.clearedAt }),
    message: alarmText(a, lang),
  };
}

/** A gateway silent this long is reported stale. */
const GATEWAY_STALE_MS = 30_000;

function snapshot(a: AssetState): AutomationAsset {
  return {
    id: a.id,
    type: a.type,
    position: [...a.position],
    fields: { ...a.fields },
    stale: a.stale,
  };
}

/** Promise plumbing for ready(): one settle per site load. */
export interface ReadySignal {
  promise(): Promise<void>;
  /** A new site load began; ready() now waits for it. */
  reset(): void;
  resolve(): void;
  reject(error: Error): void;
}

export function createReadySignal(): ReadySignal {
  let settled = false;
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  let promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  const fresh = () => {
    settled = false;
    promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    // A rejected ready() nobody awaited must not surface as an unhandled rejection.
    promise.catch(() => undefined);
  };
  promise.catch(() => undefined);
  return {
    promise: () => promise,
    reset() {
      if (settled) fresh();
    },
    resolve() {
      settled = true;
      resolve();
    },
    reject(error) {
      settled = true;
      reject(error);
    },
  };
}

/** Builds the API over the twin store and whichever scene is mounted now. */
export function createAutomationApi(
  twin: TwinStore,
  scene: () => SceneHandle | null,
  ready: ReadySignal,
  locale: () => Locale,
  live: LiveStatusStore,
  probe: { figures(): FrameFigures; reset(): void },
  playback: PlaybackSessionStore,
  alarms: () => AlarmStore | null,
  incidents: () => IncidentStore | null,
  kpis: () => KpiStore | null,
  plans: () => PlanAutomation | null = () => null,
  wall: WallStatusStore | null = null,
  walk: WalkAutomation | null = null,
  tours: () => TourAutomation | null = () => null,
  vr: VrStatusStore | null = null,
): TwindeckApi {
  const openedAt = Date.now();
  const player = () => {
    const { session } = playback.getState();
    if (session.phase !== 'ready') {
      throw new Error(
        session.phase === 'opening'
          ? 'the recording is still opening; wait until clock().mode is "replay"'
          : session.phase === 'failed'
            ? `no recording: ${session.message}`
            : 'no recording is open (open one with ?mode=replay)',
      );
    }
    return session.player;
  };
  const needScene = () => {
    const s = scene();
    if (!s) throw new Error('no site is shown yet; await twindeck.ready() first');
    return s;
  };
  return {
    ready: () => ready.promise(),
    site() {
      const { config, assets } = twin.getState();
      return config
        ? {
            id: config.site.id,
            name: localize(config.site.name, locale()),
            assetCount: assets.length,
          }
        : null;
    },
    assets(filter) {
      const list = twin.getState().assets;
      return (filter?.type ? list.filter((a) => a.type === filter.type) : list).map(snapshot);
    },
    asset(id) {
      const a = twin.getState().byId.get(id);
      return a ? snapshot(a) : undefined;
    },
    select(id) {
      if (id !== null && !twin.getState().byId.has(id)) throw new Error(`no asset "${id}"`);
      twin.getState().select(id);
    },
    selected: () => twin.getState().selectedId,
    stats() {
      const s = scene()?.stats() ?? {
        drawCalls: 0,
        triangles: 0,
        frameMs: 0,
        geometries: 0,
        textures: 0,
      };
      return { ...s, assetCount: twin.getState().assets.length, ...probe.figures() };
    },
    resetStats: () => probe.reset(),
    screenPosition: (id) => needScene().screenPosition(id),
    view: (viewId) => (viewId === 'fit' ? needScene().fitSite() : needScene().flyToView(viewId)),
    camera: () => scene()?.camera() ?? null,
    clock() {
      const { session } = playback.getState();
      if (session.phase === 'ready') {
        const p = session.player;
        const { machine, speed, info } = p.ui.getState();
        return {
          mode: 'replay',
          t: p.time(),
          playing: machine.state === 'playing',
          speed,
          start: info.start,
          end: info.end,
          state: machine.state,
        };
      }
      const now = Date.now();
      const liveMode = live.getState().mode === 'live';
      return {
        mode: liveMode ? 'live' : 'static',
        t: now,
        playing: liveMode,
        speed: 1,
        start: liveMode ? openedAt : null,
        end: liveMode ? now : null,
        state: liveMode ? 'playing' : 'idle',
      };
    },
    play: () => player().play(),
    pause: () => player().pause(),
    seek(t) {
      try {
        if (!Number.isFinite(t))
          throw new Error(`seek needs a time in ms since the epoch, not ${t}`);
        return player().seek(t);
      } catch (err) {
        return Promise.reject(err as Error);
      }
    },
    setSpeed: (speed) => player().setSpeed(speed),
    connection() {
      const { mode, brokerUrl, connection, stats } = live.getState();
      const c = stats?.counters;
      return {
        state: mode === 'static' ? 'static' : (connection?.phase ?? 'idle'),
        url: brokerUrl,
        messagesPerSecond: stats?.messagesPerSecond ?? 0,
        decodeErrors: c ? c.decodeErrors + c.tooLarge : 0,
        unknownTopics: c?.unknownTopics ?? 0,
        messages: c?.messages ?? 0,
        connects: connection?.connects ?? 0,
        subscribes: connection?.subscribes ?? 0,
        filters: stats?.filters ?? 0,
      };
    },
    gateways() {
      const { stats, connection } = live.getState();
      const now = Date.now();
      return (stats?.gateways ?? []).map((g) => ({
        id: g.id,
        state:
          !g.online || connection?.phase !== 'connected'
            ? 'offline'
            : now - g.lastSeen > GATEWAY_STALE_MS
              ? 'stale'
              : 'online',
        delayMsP50: g.delayMsP50,
        delayMsP95: g.delayMsP95,
        lossRate: g.lossRate,
      }));
    },
    alarms() {
      const lang = locale();
      return (alarms()?.getState().alarms ?? []).map((a) => automationAlarm(a, lang));
    },
    incidents() {
      const lang = locale();
      const end = playback.getState().session;
      const until = end.phase === 'ready' ? end.player.info.end : Date.now();
      return [...(incidents()?.getState().alarms ?? [])]
        .sort((a, b) => a.since - b.since)
        .map((a) => ({
          ...automationAlarm(a, lang),
          start: a.since,
          durationMs: (a.clearedAt ?? until) - a.since,
        }));
    },
    kpis() {
      return { ...(kpis()?.getState().values ?? {}) } as Record<string, number>;
    },
    incidentScan() {
      const scan = incidents()?.getState();
      return { state: scan?.state ?? 'idle', fraction: scan?.fraction ?? 0 };
    },
    plans() {
      return plans()?.list() ?? [];
    },
    preview(planId: string) {
      const automation = plans();
      if (!automation) return Promise.reject(new Error('no site is open'));
      return automation.preview(planId);
    },
    planDeviation(assetId?: string) {
      return plans()?.deviation(assetId) ?? null;
    },
    wall() {
      const state = wall?.getState();
      return {
        on: state?.on ?? false,
        tourStop: state?.tourStop ?? null,
        viewId: state?.viewId ?? null,
        alarm: state?.alarm ? { ...state.alarm } : null,
      };
    },
    locale: () => locale(),
    walk: () => walk?.report() ?? { on: false, position: [0, 0, 0], headingDeg: 0, pitchDeg: 0 },
    setWalk(on, at) {
      if (!walk) throw new Error('this page cannot walk');
      walk.set(on, at);
    },
    tour: () => tours()?.status() ?? null,
    startTour(id, stop) {
      const automation = tours();
      if (!automation) throw new Error('no site is shown yet; await twindeck.ready() first');
      automation.start(id, stop);
    },
    vr: () =>
      vr
        ? vrSnapshot(vr)
        : {
            supported: false,
            presenting: false,
            mode: null,
            support: 'checking',
            emulated: false,
            error: null,
            sceneGraph: null,
            origin: null,
            caption: null,
          },
    enterVr: () => (vr ? enterVr(vr) : Promise.reject(new Error('VR is not wired in this page'))),
    exitVr: () => (vr ? exitVr(vr) : Promise.resolve()),
  };
}

declare global {
  interface Window {
    twindeck: TwindeckApi;
  }
}
