import { Component, type ReactNode } from 'react';
import { translate, useLocaleStore } from '../ui/i18n';
import { wallRequested } from './wall/useWallMode';

/** A wall screen reloads itself this long after the page's code has failed. */
export const CRASH_RELOAD_MS = 10_000;

interface State {
  error: Error | null;
}

/**
 * The page's last line of defence: when rendering throws, it says what failed instead of going
 * blank. A wall screen opened with `?wall=1` has nobody at it, so it reloads itself after
 * `CRASH_RELOAD_MS`; a desk offers a reload button.
 */
export class CrashReload extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('TwinDeck stopped:', error);
    if (wallRequested(window.location.search))
      this.timer = setTimeout(() => window.location.reload(), CRASH_RELOAD_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const locale = useLocaleStore.getState().locale;
    return (
      <div className="banner banner-error crash" role="alert" data-testid="crash">
        <strong>{translate(locale, 'crash.title')}</strong> {error.message}{' '}
        {wallRequested(window.location.search) ? (
          translate(locale, 'crash.reloading', { seconds: CRASH_RELOAD_MS / 1000 })
        ) : (
          <button onClick={() => window.location.reload()}>
            {translate(locale, 'crash.reload')}
          </button>
        )}
      </div>
    );
  }
}
