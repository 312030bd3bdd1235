import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translate } from '../../ui/i18n';
import { createBookmarkStore } from './createBookmarkStore';
import { createFakeTimelineControls } from './fakeTimelineControls';
import { Timeline } from './Timeline';
import type { TimelineMarker } from './timelineTypes';

const START = Date.UTC(2024, 2, 5, 0); // 08:00 in Shanghai
const END = START + 8 * 3600_000;

const markers: TimelineMarker[] = [
  { id: 'm1', t: START + 3600_000, severity: 'critical', label: 'QC-01 spreader fault' },
  { id: 'm2', t: START + 7200_000, severity: 'info', label: 'Shift change <b>' },
];

function render(extra: Partial<Parameters<typeof Timeline>[0]> = {}) {
  const controls = createFakeTimelineControls({ start: START, end: END });
  // Server rendering reads a store's initial state: the bookmark comes from storage.
  const items = new Map<string, string>();
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  createBookmarkStore({ recordingKey: 'r', storage })
    .getState()
    .add(START + 60_000, 'berth 2');
  const bookmarks = createBookmarkStore({ recordingKey: 'r', storage });
  return renderToStaticMarkup(
    <Timeline
      controls={controls}
      timeZone="Asia/Shanghai"
      markers={markers}
      bookmarks={bookmarks}
      bufferedRanges={[{ from: START, to: START + 3600_000 }]}
      {...extra}
    />,
  );
}

const count = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;

describe('Timeline', () => {
  it('renders every part an automated test looks for', () => {
    const html = render();
    for (const id of [
      'timeline',
      'timeline-play',
      'timeline-speed',
      'timeline-scrub',
      'timeline-time',
      'timeline-loop',
    ]) {
      expect(count(html, id), id).toBe(1);
    }
    expect(count(html, 'timeline-marker')).toBe(2);
    expect(count(html, 'timeline-bookmark')).toBe(1);
    expect(html).toContain('Bookmark at 08:01:00: berth 2');
  });
  it('labels controls for assistive technology, in the chosen language', () => {
    const html = render();
    expect(html).toContain('role="slider"');
    expect(html).toContain(`aria-label="${translate('en', 'timeline.play')}"`);
    expect(html).toContain('aria-valuemax="28800"');
    // Marker labels are text, never markup.
    expect(html).toContain('Shift change &lt;b&gt;');
    expect(html).toContain('Critical at 09:00:00: QC-01 spreader fault');
  });
  it('offers the speed ladder and hides bookmarks when there is no store', () => {
    const html = render({ bookmarks: undefined });
    expect(html.match(/<option/g)).toHaveLength(9);
    expect(html).toContain('64×');
    expect(count(html, 'timeline-bookmark')).toBe(0);
    expect(html).not.toContain('aria-haspopup');
  });
  it('draws the loop handles only when a loop is set', () => {
    expect(render()).not.toContain(translate('en', 'timeline.loopStart'));
    const controls = createFakeTimelineControls({ start: START, end: END });
    controls.setLoop({ from: START + 1000, to: START + 5000 });
    const html = renderToStaticMarkup(<Timeline controls={controls} timeZone="Asia/Shanghai" />);
    expect(html).toContain(translate('en', 'timeline.loopStart'));
    expect(html).toContain('aria-pressed="true"');
  });
});
