import { createStore, type StoreApi } from 'zustand/vanilla';
import { parsePlanDocument, type PlanDocument, type PlanRefConfig } from '../../config/plan';
import type { TwinConfig } from '../../config/schema';
import { resolveSameOrigin } from '../../lib/sameOrigin';
import type { PreviewReply, PreviewRequest } from './previewProtocol';
import { LIVE_PLAN_ID, PREVIEW_SETTINGS } from './previewSettings';

/** A plan the site lists, once read: its document, or why it could not be read. */
export interface PlanEntry {
  ref: PlanRefConfig;
  document: PlanDocument | null;
  error: string | null;
}

/** One plan's preview: running, its recording ready (then assessed), or failed. */
export interface PreviewRun {
  planId: string;
  state: 'running' | 'ready' | 'failed';
  /** 0–1 while running. */
  fraction: number;
  simulatedHours: number;
  file: File | null;
  /** Hours the preview ran (the plan's work and ten minutes more). */
  hours: number | null;
  seconds: number | null;
  error: string | null;
  /** The predicted KPIs, once the preview's recording has been through the incident pass. */
  kpis: Record<string, number> | null;
}

export interface PreviewState {
  /** The site's plans; null until read. */
  plans: PlanEntry[] | null;
  runs: Record<string, PreviewRun>;
  /** The plan whose preview is (to be) played. */
  playing: string | null;
}

export interface PreviewStore extends StoreApi<PreviewState> {
  /** Reads the plans a site lists (relative to its config); drops earlier runs. */
  loadPlans(config: TwinConfig, baseUrl: string): Promise<void>;
  /**
   * Runs a plan's preview and plays it when ready. A preview that is running or made already is
   * reused (and played) unless `again`.
   */
  run(planId: string, configText: string, again?: boolean): Promise<PreviewRun>;
  /** Runs the site's own plan from the state a config carries (the live twin's): id `live`. */
  runFromLive(configText: string, startTime: number): Promise<PreviewRun>;
  /** Plays a preview already made; null plays none. */
  play(planId: string | null): void;
  /** Stores what the incident pass predicted for a plan. */
  assessed(planId: string, kpis: Record<string, number>): void;
  /**
   * Adds a plan made in the page (an edited plan) after the site's, replacing one of its id; or,
   * when making it failed, its entry with the error.
   */
  addPlan(document: PlanDocument | { ref: PlanRefConfig; error: string }): void;
  /** A plan's file text as read (or, for an edited plan, as made), for export. */
  text(planId: string): string | undefined;
  dispose(): void;
}

/** A preview as it starts. */
const startingRun = (planId: string): PreviewRun => ({
  planId,
  state: 'running',
  fraction: 0,
  simulatedHours: 0,
  file: null,
  hours: null,
  seconds: null,
  error: null,
  kpis: null,
});

/** When a plan starts in a preview: its own `start`, else the next full hour. */
export function previewStart(document: PlanDocument, now = Date.now()): number {
  if (document.start) return Date.parse(document.start);
  return Math.ceil(now / 3600_000) * 3600_000;
}

/**
 * Plans and their previews, human-speed state for the Plans panel and the automation API. Each
 * preview runs in its own worker (previewWorker.ts); a new run of a plan replaces the last.
 */
export function createPreviewStore(): PreviewStore {
  const store = createStore<PreviewState>()(() => ({ plans: null, runs: {}, playing: null }));
  const workers = new Map<string, Worker>();
  const pending = new Map<string, Promise<PreviewRun>>();
  let texts = new Map<string, string>();
  let generation = 0;

  const patch = (planId: string, change: Partial<PreviewRun>) => {
    const runs = store.getState().runs;
    const run = runs[planId];
    if (run) store.setState({ runs: { ...runs, [planId]: { ...run, ...change } } });
  };
  const stop = () => {
    for (const worker of workers.values()) worker.terminate();
    workers.clear();
    pending.clear();
  };

  /** Runs a preview in a worker of its own and keeps its run up to date. */
  const launch = (planId: string, request: PreviewRequest): Promise<PreviewRun> => {
    const worker = new Worker(new URL('./previewWorker.ts', import.meta.url), {
      type: 'module',
      name: `twindeck-preview-${planId}`,
    });
    workers.set(planId, worker);
    const done = new Promise<PreviewRun>((resolve) => {
      const finish = (change: Partial<PreviewRun>) => {
        worker.terminate();
        if (workers.get(planId) === worker) workers.delete(planId);
        patch(planId, change);
        resolve(store.getState().runs[planId] as PreviewRun);
      };
      worker.onmessage = (event: MessageEvent<PreviewReply>) => {
        const reply = event.data;
        if (reply.type === 'progress')
          patch(planId, { fraction: reply.fraction, simulatedHours: reply.simulatedHours });
        else if (reply.type === 'done')
          finish({
            state: 'ready',
            fraction: 1,
            file: reply.file,
            hours: reply.hours,
            seconds: reply.seconds,
          });
        else finish({ state: 'failed', error: reply.message });
      };
      worker.onerror = (event) =>
        finish({ state: 'failed', error: event.message || 'the preview stopped' });
      worker.postMessage(request);
    });
    pending.set(planId, done);
    void done.then(() => {
      if (pending.get(planId) === done) pending.delete(planId);
    });
    return done;
  };

  return Object.assign(store, {
    async loadPlans(config: TwinConfig, baseUrl: string) {
      stop();
      const mine = ++generation;
      store.setState({ plans: null, runs: {}, playing: null });
      const origin = new URL(baseUrl).origin;
      const read = await Promise.all(
        config.plans.map(async (ref): Promise<PlanEntry & { text?: string }> => {
          try {
            const url = resolveSameOrigin(ref.url, baseUrl, origin);
            const response = await fetch(url);
            if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
            const text = await response.text();
            const parsed = parsePlanDocument(text);
            if (!parsed.ok) {
              const issue = parsed.issues[0];
              return {
                ref,
                document: null,
                error: `${ref.url} at ${issue?.path}: ${issue?.message}`,
              };
            }
            if (parsed.plan.site !== config.site.id)
              return {
                ref,
                document: null,
                error: `${ref.url} is a plan for site "${parsed.plan.site}"`,
              };
            return { ref, document: parsed.plan, error: null, text };
          } catch (err) {
            return { ref, document: null, error: (err as Error).message };
          }
        }),
      );
      if (mine !== generation) return;
      texts = new Map(read.flatMap((p) => (p.text ? [[p.ref.id, p.text] as const] : [])));
      store.setState({ plans: read.map(({ ref, document, error }) => ({ ref, document, error })) });
    },

    run(planId: string, configText: string, again = false) {
      const earlier = store.getState().runs[planId];
      const running = pending.get(planId);
      if (!again && earlier && earlier.state !== 'failed') {
        store.setState({ playing: planId });
        return running ?? Promise.resolve(earlier);
      }
      const entry = store.getState().plans?.find((p) => p.ref.id === planId);
      const planText = texts.get(planId);
      workers.get(planId)?.terminate();
      const run = startingRun(planId);
      store.setState({ runs: { ...store.getState().runs, [planId]: run }, playing: planId });
      if (!entry?.document || !planText) {
        const error = entry ? (entry.error ?? 'the plan could not be read') : `no plan "${planId}"`;
        patch(planId, { state: 'failed', error });
        return Promise.resolve(store.getState().runs[planId] as PreviewRun);
      }
      return launch(planId, { configText, planText, startTime: previewStart(entry.document) });
    },

    runFromLive(configText: string, startTime: number) {
      const ref: PlanRefConfig = {
        id: LIVE_PLAN_ID,
        name: {
          en: `The next ${PREVIEW_SETTINGS.fromLiveHours} hours from the live state`,
          'zh-CN': `从实时状态起的未来 ${PREVIEW_SETTINGS.fromLiveHours} 小时`,
        },
        url: '',
      };
      const plans = (store.getState().plans ?? []).filter((p) => p.ref.id !== LIVE_PLAN_ID);
      store.setState({ plans: [...plans, { ref, document: null, error: null }] });
      workers.get(LIVE_PLAN_ID)?.terminate();
      const run = startingRun(LIVE_PLAN_ID);
      store.setState({
        runs: { ...store.getState().runs, [LIVE_PLAN_ID]: run },
        playing: LIVE_PLAN_ID,
      });
      return launch(LIVE_PLAN_ID, {
        configText,
        startTime,
        fromLive: { hours: PREVIEW_SETTINGS.fromLiveHours },
      });
    },

    play(planId: string | null) {
      store.setState({ playing: planId });
    },

    assessed(planId: string, kpis: Record<string, number>) {
      patch(planId, { kpis });
    },

    addPlan(made: PlanDocument | { ref: PlanRefConfig; error: string }) {
      let entry: PlanEntry;
      if ('error' in made) entry = { ref: made.ref, document: null, error: made.error };
      else {
        texts.set(made.id, `${JSON.stringify(made, null, 2)}\n`);
        entry = {
          ref: { id: made.id, name: made.name, url: `${made.id}.json` },
          document: made,
          error: null,
        };
      }
      const id = entry.ref.id;
      const plans = (store.getState().plans ?? []).filter((p) => p.ref.id !== id);
      const runs = { ...store.getState().runs };
      delete runs[id];
      store.setState({ plans: [...plans, entry], runs });
    },

    text: (planId: string) => texts.get(planId),

    dispose: stop,
  });
}
