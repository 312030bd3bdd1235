import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TourConfig } from '../../config/tours';
import { TourBar, type TourPosition } from './TourBar';

const tour: TourConfig = {
  id: 'quay-to-gate',
  name: { en: 'Quay to gate', 'zh-CN': '从岸边到闸口' },
  stops: [
    { view: 'quay', note: { en: 'The quay', 'zh-CN': '岸线' }, dwellMs: 5000 },
    {
      follow: 'QC01',
      note: { en: 'A crane at work', 'zh-CN': '作业中的岸桥' },
      dwellMs: 5000,
      at: '2025-01-06T09:15:30+08:00',
    },
  ],
};

const render = (position: TourPosition | null, replay = false, tours = [tour]) => {
  const noop = () => {};
  return renderToStaticMarkup(
    <TourBar
      tours={tours}
      position={position}
      replay={replay}
      timeZone="Asia/Shanghai"
      onStart={noop}
      onPlay={noop}
      onPause={noop}
      onPrevious={noop}
      onNext={noop}
      onClose={noop}
    />,
  );
};
const at = (stop: number, more: Partial<TourPosition> = {}): TourPosition => ({
  tourId: 'quay-to-gate',
  stop,
  playing: true,
  ended: false,
  ...more,
});

// (The Chinese page is checked in the browser, e2e/tour.e2e.mjs: server rendering reads a store's
// initial state, so it always speaks English here.)
describe('TourBar', () => {
  it('shows the stop’s note and where the tour is, and no note before a tour runs', () => {
    expect(render(null)).not.toContain('tour-note');
    const html = render(at(0));
    expect(html).toContain('The quay');
    expect(html).toContain('Stop 1 of 2');
    expect(html).toContain('aria-label="Pause the tour"');
    expect(html).not.toContain('tour-note-at');
  });

  it('gives a stop’s recording time in the site’s zone: gone to in a replay, not live', () => {
    expect(render(at(1), true)).toContain('Recording time 09:15:30');
    expect(render(at(1), false)).toContain(
      'In a replay this stop goes to 09:15:30; live, the site is shown as it is now.',
    );
  });

  it('says when the tour has ended, and offers play again', () => {
    const html = render(at(1, { playing: false, ended: true }));
    expect(html).toContain('End of the tour');
    expect(html).toContain('aria-label="Play the tour"');
  });

  it('tells a site without tours how it gets some', () => {
    const html = render(null, false, []);
    expect(html).toContain('data-testid="tours-empty"');
    expect(html).not.toContain('tour-select');
  });
});
