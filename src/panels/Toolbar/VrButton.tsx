import { useStore } from 'zustand';
import type { StringKey } from '../../ui/i18n';
import { useT } from '../../ui/i18n';
import type { VrSupport, VrStatusStore } from '../../twin/vrStatus';

/** Why the button is disabled, said in its tooltip. */
const UNAVAILABLE: Record<Exclude<VrSupport, 'supported'>, StringKey> = {
  checking: 'vr.checking',
  insecure: 'vr.insecure',
  'no-webxr': 'vr.noWebxr',
  'no-headset': 'vr.noHeadset',
};

interface Props {
  status: VrStatusStore;
  onEnter(): void;
  onExit(): void;
}

/**
 * Enter VR (enabled only when the browser reports an immersive-vr device, or the emulator is on;
 * otherwise its tooltip says why not), Exit VR while presenting, and why entering failed.
 */
export function VrButton({ status, onEnter, onExit }: Props) {
  const t = useT();
  const { support: reported, presenting, emulated, error, control } = useStore(status);
  // Supported, but the XR code is still loading: not yet.
  const support = reported === 'supported' && !control ? 'checking' : reported;
  const available = support === 'supported';
  const tip = presenting
    ? t('vr.exitTip')
    : available
      ? t(emulated ? 'vr.enterTipEmulated' : 'vr.enterTip')
      : t(UNAVAILABLE[support]);
  return (
    <>
      <button
        data-testid="vr-button"
        data-support={support}
        aria-pressed={presenting}
        className={presenting ? 'on' : ''}
        disabled={!available && !presenting}
        onClick={presenting ? onExit : onEnter}
        title={tip}
      >
        {presenting ? t('vr.exit') : t('vr.enter')}
      </button>
      {error && (
        <div className="banner banner-warning vr-error" role="alert" data-testid="vr-error">
          {t('vr.failed', { message: error })}
          <button
            className="banner-close"
            onClick={() => status.setState({ error: null })}
            aria-label={t('errors.dismiss')}
          >
            ×
          </button>
        </div>
      )}
    </>
  );
}
