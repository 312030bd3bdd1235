import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { CameraViewConfig } from '../../config/schema';
import type { Locale } from '../../lib/localizedText';
import type { BuiltSite } from '../../scene/buildSite';
import type { VrLayerWords, XrLayerProps } from '../../scene/xr/XrLayer';
import { probeVrSupport, xrEmulateRequested } from '../../scene/xr/vrSupport';
import type { TwinStore } from '../../twin/createTwinStore';
import { createVrStatusStore } from '../../twin/vrStatus';
import { VrButton } from '../../panels/Toolbar/VrButton';
import { translate } from '../../ui/i18n';

/** @react-three/xr and the VR scene load only where VR can start: desk users never fetch them. */
const XrLayer = lazy(() => import('../../scene/xr/XrLayer'));

/** The layer's props but its words, which the mount looks up in the UI language. */
type LayerProps = Omit<XrLayerProps, 'words'>;

/** Mounts the XR layer inside the canvas once a headset is there (or the emulator is asked for). */
function VrLayerMount({ status, emulate, locale, ...rest }: LayerProps) {
  const supported = useStore(status, (s) => s.support === 'supported');
  const words = useMemo<VrLayerWords>(
    () => ({
      type: translate(locale, 'inspector.type'),
      data: translate(locale, 'inspector.state'),
      live: translate(locale, 'inspector.live'),
      stale: translate(locale, 'inspector.stale'),
      initial: translate(locale, 'inspector.initial'),
      helpTitle: translate(locale, 'vr.helpTitle'),
      helpText: translate(locale, 'vr.helpText'),
    }),
    [locale],
  );
  if (!supported && !emulate) return null;
  return (
    <Suspense fallback={null}>
      <XrLayer {...rest} status={status} emulate={emulate} locale={locale} words={words} />
    </Suspense>
  );
}

/**
 * VR for the page: its status store (support, presenting, the caption), the support check, the
 * toolbar button, and the XR layer for the canvas. `?xr=emulate` turns on the emulated headset.
 */
export function useVr(twin: TwinStore, locale: Locale) {
  const status = useMemo(() => createVrStatusStore(), []);
  const emulate = useMemo(() => xrEmulateRequested(window.location.search), []);
  useEffect(() => {
    // With the emulator, the XR layer checks once IWER has replaced navigator.xr.
    if (emulate) return;
    let current = true;
    const probe = () =>
      void probeVrSupport(navigator.xr, window.isSecureContext).then((support) => {
        if (current) status.setState({ support });
      });
    probe();
    // A headset connected (or disconnected) later: WebXR tells with `devicechange`.
    navigator.xr?.addEventListener('devicechange', probe);
    return () => {
      current = false;
      navigator.xr?.removeEventListener('devicechange', probe);
    };
  }, [status, emulate]);
  const button = useMemo(
    () => (
      <VrButton
        status={status}
        // A failure is shown by the button (status.error); the page keeps running.
        onEnter={() =>
          void status
            .getState()
            .control?.enter()
            .catch(() => undefined)
        }
        onExit={() => void status.getState().control?.exit()}
      />
    ),
    [status],
  );
  const layer = (site: BuiltSite, views: CameraViewConfig[]) => (
    <VrLayerMount
      site={site}
      twin={twin}
      views={views}
      status={status}
      emulate={emulate}
      locale={locale}
    />
  );
  return { status, button, layer };
}
