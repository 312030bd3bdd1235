import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrashReload } from './CrashReload';

const failed = (search: string) => {
  vi.stubGlobal('window', { location: { search } });
  const boundary = new CrashReload({ children: null });
  boundary.state = CrashReload.getDerivedStateFromError(new Error('the scene broke'));
  return renderToStaticMarkup(<>{boundary.render()}</>);
};

describe('CrashReload', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says what failed, in place of the page, with a reload button on a desk', () => {
    const html = failed('?site=terminal');
    expect(html).toContain('TwinDeck stopped:');
    expect(html).toContain('the scene broke');
    expect(html).toContain('<button>Reload</button>');
  });

  it('tells a wall screen it reloads by itself', () => {
    const html = failed('?site=terminal&wall=1');
    expect(html).toContain('Reloading in 10 s');
    expect(html).not.toContain('<button');
  });

  it('shows the page while nothing has failed', () => {
    const html = renderToStaticMarkup(
      <CrashReload>
        <p>site</p>
      </CrashReload>,
    );
    expect(html).toBe('<p>site</p>');
  });
});
