import { useCallback, useEffect, useRef, useState } from 'react';
import type { TwinConfig } from '../config/schema';
import type { ConfigIssue } from '../config/configIssue';
import { localize, type Locale } from '../lib/localizedText';
import type { TwinStore } from '../twin/createTwinStore';
import { buildSite, type BuiltSite } from '../scene/buildSite';
import { loadModelLibrary, type ModelLoadProgress } from '../scene/loadModelLibrary';
import type { LoadingStage } from '../panels/Loading/LoadingOverlay';
import type { ModelProblem } from '../panels/Errors/ModelErrors';
import type { ReadySignal } from './automationApi';
import { readAndCheckConfig, takeEarlyConfigRead } from './earlyConfigRead';
import { siteRequestFromSearch, type SiteRequest } from './siteRequest';

/** Where the page is in opening a site. */
export type SiteSession =
  | { phase: 'picker' }
  | { phase: 'loading'; name: string; progress: LoadingStage }
  | { phase: 'config-errors'; source: string; issues: ConfigIssue[] }
  | { phase: 'load-error'; message: string }
  | {
      phase: 'ready';
      config: TwinConfig;
      site: BuiltSite;
      problems: ModelProblem[];
      /** The config's own text and URL: plans are read relative to it, previews attach it. */
      configText: string;
      baseUrl: string;
    };

function requestName(request: SiteRequest): string {
  return request.kind === 'bundled'
    ? request.id
    : request.kind === 'url'
      ? request.url
      : request.file.name;
}

/**
 * Opens sites: config → validation → models → scene. Each step reports progress; each failure
 * lands in a phase that explains it, and ready() settles either way.
 */
export function useSiteSession(twin: TwinStore, ready: ReadySignal, locale: Locale) {
  // Starting in 'loading' when the URL names a site keeps the picker (and its fetch) away.
  const [session, setSession] = useState<SiteSession>(() =>
    siteRequestFromSearch(window.location.search)
      ? { phase: 'loading', name: '', progress: { stage: 'config' } }
      : { phase: 'picker' },
  );
  const attempt = useRef<AbortController | null>(null);

  const open = useCallback(
    async (request: SiteRequest | null) => {
      attempt.current?.abort();
      ready.reset();
      twin.getState().unloadSite();
      if (!request) {
        setSession({ phase: 'picker' });
        return;
      }
      const controller = new AbortController();
      attempt.current = controller;
      const current = () => attempt.current === controller;
      let name = requestName(request);
      setSession({ phase: 'loading', name, progress: { stage: 'config' } });
      try {
        const read =
          takeEarlyConfigRead(request) ?? readAndCheckConfig(request, window.location.href);
        const { baseUrl, source, text: configText } = await read.text;
        if (!current()) return;
        performance.mark('twindeck:config-fetched');
        const check = await read.check;
        // Models download while thousands of assets are validated; an invalid config cancels them.
        const earlyModels = await check.models;
        if (!current()) return;
        // An aborted load still reports its last progress; it must not hide the error page.
        const onModels = (p: ModelLoadProgress) =>
          current() &&
          !controller.signal.aborted &&
          setSession({ phase: 'loading', name, progress: { stage: 'models', ...p } });
        const early = earlyModels
          ? loadModelLibrary(earlyModels, baseUrl, onModels, controller.signal)
          : null;
        early?.catch(() => undefined);
        const parsed = await check.result;
        if (!current()) return;
        performance.mark('twindeck:config-parsed');
        if (!parsed.ok) {
          controller.abort();
          setSession({ phase: 'config-errors', source, issues: parsed.issues });
          ready.reject(
            new Error(`invalid twin config ${source}: ${parsed.issues.length} problem(s)`),
          );
          return;
        }
        const config = parsed.config;
        name = localize(config.site.name, locale);
        const library = await (early ??
          loadModelLibrary(config.models, baseUrl, onModels, controller.signal));
        if (!current()) return;
        performance.mark('twindeck:models-loaded');
        setSession({ phase: 'loading', name, progress: { stage: 'building' } });
        twin.getState().loadSite(config);
        const site = buildSite(config, library, twin.getState().assets);
        performance.mark('twindeck:site-built');
        const problems: ModelProblem[] = [
          ...library.errors,
          ...site.issues.map((i) => ({ id: i.subject, url: '', message: i.message })),
        ];
        setSession({ phase: 'ready', config, site, problems, configText, baseUrl });
      } catch (err) {
        if (!current()) return;
        const message = err instanceof Error ? err.message : String(err);
        setSession({ phase: 'load-error', message });
        ready.reject(new Error(message));
      }
    },
    [twin, ready, locale],
  );

  // GPU memory of a site is freed once its scene is gone.
  const site = session.phase === 'ready' ? session.site : null;
  useEffect(() => () => site?.dispose(), [site]);

  return { session, open };
}
