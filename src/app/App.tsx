import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { localize } from '../lib/localizedText';
import { createTwinStore } from '../twin/createTwinStore';
import { TwinContext } from '../twin/react';
import { SiteCanvas } from '../scene/SiteCanvas';
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
import { createAutomationApi, createReadySignal } from './automationApi';
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

/** The whole page: picks a site, opens it, and wires scene, panels and the automation API. */
export function App() {
  const t = useT();
  const locale = useLocale();
  const twin = useMemo(() => createTwinStore(), []);
  const ready = useMemo(() => createReadySignal(), []);
  const liveStatus = useMemo(() => createLiveStatusStore(), []);
  const probe = useMemo(() => createFrameProbe(), []);
  useEffect(() => () => probe.dispose(), [probe]);
  const [credentials, setCredentials] = useState(loadBrokerCredentials);
  const [brokerOverride, setBrokerOverride] = useState<string | null>(null);
  const [connectionOpen, setConnectionOpen] = useState(false);
  const [networkLayer, setNetworkLayer] = useState(false);
  const scene = useRef<SceneHandle | null>(null);
  const { session, open } = useSiteSession(twin, ready, locale);
  const [sites, setSites] = useState<SiteListEntry[] | null>(null);
  const [siteListError, setSiteListError] = useState<string | null>(null);
  const [labels, setLabels] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);

  useEffect(() => {
    window.twindeck = createAutomationApi(
      twin,
      () => scene.current,
      ready,
      () => useLocaleStore.getState().locale,
      liveStatus,
      probe,
    );
  }, [twin, ready, liveStatus, probe]);

  const navigate = useCallback(
    (request: SiteRequest | null) => {
      if (request?.kind !== 'file') {
        const search = searchForRequest(window.location.search, request);
        window.history.pushState(null, '', `${window.location.pathname}${search}`);
      }
      scene.current = null;
      void open(request);
    },
    [open],
  );

  // Opening from the URL, and again on back/forward.
  useEffect(() => {
    const fromUrl = () => {
      scene.current = null;
      void open(siteRequestFromSearch(window.location.search));
    };
    fromUrl();
    window.addEventListener('popstate', fromUrl);
    return () => window.removeEventListener('popstate', fromUrl);
  }, [open]);

  useEffect(() => {
    if (session.phase !== 'picker' || sites) return;
    fetchSiteIndex(window.location.href).then(setSites, (err: Error) =>
      setSiteListError(err.message),
    );
  }, [session.phase, sites]);

  const dragging = useFileDrop(
    useCallback(
      (file: File) => {
        if (!/\.json$/i.test(file.name) && file.type !== 'application/json') {
          setDropError(t('drop.notJson', { name: file.name }));
          return;
        }
        setDropError(null);
        navigate({ kind: 'file', file });
      },
      [navigate, t],
    ),
  );

  const config = session.phase === 'ready' ? session.config : null;
  useLiveTelemetry(twin, liveStatus, config, credentials, brokerOverride, probe);
  const shortcuts = useMemo(() => {
    const map: Record<string, () => void> = {
      f: () => void scene.current?.fitSite(),
      l: () => setLabels((on) => !on),
      c: () => setConnectionOpen((on) => !on),
      n: () => setNetworkLayer((on) => !on),
      Escape: () => twin.getState().select(null),
    };
    config?.cameraViews.slice(0, 9).forEach((view, i) => {
      map[String(i + 1)] = () => void scene.current?.flyToView(view.id);
    });
    return map;
  }, [config, twin]);
  useKeyboardShortcuts(shortcuts, session.phase === 'ready');

  const onHandle = useCallback((handle: SceneHandle) => {
    scene.current = handle;
  }, []);
  const onFirstFrame = useCallback(() => {
    performance.mark('twindeck:first-frame');
    ready.resolve();
  }, [ready]);

  return (
    <TwinContext.Provider value={twin}>
      <div className="app">
        {session.phase === 'picker' && (
          <SitePicker
            sites={sites}
            error={siteListError}
            onPick={(id) => navigate({ kind: 'bundled', id })}
          />
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
              />
            </div>
            <Toolbar
              siteName={localize(session.config.site.name, locale)}
              assetCount={session.config.assets.length}
              views={session.config.cameraViews}
              labels={labels}
              onSites={() => navigate(null)}
              onView={(id) => void scene.current?.flyToView(id)}
              onFit={() => void scene.current?.fitSite()}
              onToggleLabels={() => setLabels((on) => !on)}
              live={
                <LiveBadge status={liveStatus} onClick={() => setConnectionOpen((on) => !on)} />
              }
            />
            {connectionOpen && (
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
            {networkLayer && <NetworkLegend />}
            <ModelErrors problems={session.problems} />
            <Inspector onFocus={(id) => void scene.current?.focusAsset(id)} />
            <HoverTooltip />
            <footer className="help muted">{t('help.keys')}</footer>
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
