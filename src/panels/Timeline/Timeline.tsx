import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useT, type StringKey } from '../../ui/i18n';
import { BookmarkPopover } from './BookmarkPopover';
import { createBookmarkStore, type Bookmark, type BookmarkStore } from './createBookmarkStore';
import { ScrubBar } from './ScrubBar';
import { formatDuration, siteClock } from './siteClock';
import { formatSpeed, SPEEDS, speedDown, speedUp } from './speedLadder';
import { TimelineIcon } from './TimelineIcon';
import { isTextEntry, MANY_STEPS, timelineKeyAction, type TimelineKeyAction } from './timelineKeys';
import type { TimelineControls, TimelineMarker, TimeRange } from './timelineTypes';
import { clamp, loopAround } from './timeScale';
import './Timeline.css';

export interface TimelineProps {
  /** The player as the panel sees it; pass a new object when a human-speed field changes. */
  controls: TimelineControls;
  /** The site's IANA time zone (`Asia/Shanghai`); wall-clock text and axis use it. Unknown: UTC. */
  timeZone: string;
  /** Events and alarms drawn as coloured ticks; default none. */
  markers?: readonly TimelineMarker[];
  /** Called with a marker's id after a click on it has seeked to just before it. */
  onMarker?(id: string): void;
  /** How far before a marker a click on it seeks, ms; default 10 000. */
  markerLeadMs?: number;
  /** The recording's bookmarks (`createBookmarkStore`); without it there is no bookmark UI. */
  bookmarks?: BookmarkStore;
  /** Spans already loaded, drawn faintly in the bar; default none. */
  bufferedRanges?: readonly TimeRange[];
  /** Whether Space, ←/→, [ ], B, Home and End on the page drive this timeline; default true. */
  keyboard?: boolean;
}

const NO_MARKERS: readonly TimelineMarker[] = [];
const NO_RANGES: readonly TimeRange[] = [];
const HOUR = 3600_000;
/** Buttons that Space should press themselves when they have focus outside the timeline. */
const PRESSABLE = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]';

const STATUS: Partial<Record<TimelineControls['state'], StringKey>> = {
  seeking: 'timeline.state.seeking',
  buffering: 'timeline.state.buffering',
  ended: 'timeline.state.ended',
};

/**
 * The replay timeline, full width at the bottom: play/pause, step, speed, the scrub bar with
 * markers, bookmarks and a loop range, and the site's wall-clock time with elapsed/total.
 * Presentational: everything it does goes through `controls`; the clock text and playhead are
 * written to the DOM from an animation-frame loop, so playback never renders React.
 */
export function Timeline({
  controls,
  timeZone,
  markers = NO_MARKERS,
  onMarker,
  markerLeadMs = 10_000,
  bookmarks,
  bufferedRanges = NO_RANGES,
  keyboard = true,
}: TimelineProps) {
  const t = useT();
  const clock = siteClock(timeZone);
  const { start, end, playing, speed, state, loop } = controls;
  const rootRef = useRef<HTMLElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const dateRef = useRef<HTMLSpanElement>(null);
  const elapsedRef = useRef<HTMLSpanElement>(null);

  // A store that is never shown keeps the hook unconditional when no bookmarks are passed.
  const noBookmarks = useMemo(() => createBookmarkStore({ recordingKey: '', storage: null }), []);
  const bookmarkList = useStore(bookmarks ?? noBookmarks, (s) => s.bookmarks);
  const [bookmarksOpen, setBookmarksOpen] = useState(false);
  const [focusBookmark, setFocusBookmark] = useState<string | null>(null);

  const withHours = end - start >= HOUR;
  const totalText = formatDuration(end - start, withHours);
  const latest = useRef({ controls, bookmarks, clock, totalText, withHours });
  latest.current = { controls, bookmarks, clock, totalText, withHours };

  /** The second last written to the clock text; NaN forces a rewrite. */
  const shownSecond = useRef(Number.NaN);
  const shownDate = useRef('');
  useEffect(() => {
    shownSecond.current = Number.NaN;
    shownDate.current = '';
  }, [clock, start, end]);

  /** Writes the clock text; runs in the animation frame, so only once per displayed second. */
  const paintClock = (now: number) => {
    const second = Math.floor(now / 1000);
    if (second === shownSecond.current) return;
    shownSecond.current = second;
    const { clock: k, controls: c, totalText: total, withHours: hours } = latest.current;
    if (timeRef.current) timeRef.current.textContent = k.time(now);
    const date = k.date(now);
    if (date !== shownDate.current && dateRef.current) {
      shownDate.current = date;
      dateRef.current.textContent = date;
    }
    if (elapsedRef.current) {
      elapsedRef.current.textContent = `${formatDuration(now - c.start, hours)} / ${total}`;
    }
  };

  const seekClamped = (time: number) => controls.seek(clamp(time, start, end));
  const addBookmark = () => {
    const { bookmarks: store, controls: c } = latest.current;
    if (!store) return;
    const added = store.getState().add(c.getTime());
    setFocusBookmark(added.id);
    setBookmarksOpen(true);
  };
  const onMarkerClick = (marker: TimelineMarker) => {
    seekClamped(marker.t - markerLeadMs);
    onMarker?.(marker.id);
  };
  const onBookmarkClick = (bookmark: Bookmark) => seekClamped(bookmark.t);

  const run = useRef<(action: TimelineKeyAction) => void>(() => {});
  run.current = (action) => {
    const c = latest.current.controls;
    switch (action) {
      case 'togglePlay':
        return c.playing ? c.pause() : c.play();
      case 'stepBack':
        return c.step(-1);
      case 'stepForward':
        return c.step(1);
      case 'stepBackMany':
        return c.step(-1, MANY_STEPS);
      case 'stepForwardMany':
        return c.step(1, MANY_STEPS);
      case 'slower':
        return c.setSpeed(speedDown(c.speed));
      case 'faster':
        return c.setSpeed(speedUp(c.speed));
      case 'addBookmark':
        return addBookmark();
      case 'seekStart':
        return c.seek(c.start);
      case 'seekEnd':
        return c.seek(c.end);
    }
  };

  useEffect(() => {
    if (!keyboard) return;
    let swallowSpaceUp = false;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextEntry(e.target)) return;
      const action = timelineKeyAction(e);
      if (!action || (action === 'addBookmark' && !latest.current.bookmarks)) return;
      if (action === 'togglePlay') {
        const pressable = e.target instanceof Element ? e.target.closest(PRESSABLE) : null;
        // Space on another panel's focused button presses that button, as it should.
        if (pressable && !rootRef.current?.contains(pressable)) return;
        swallowSpaceUp = pressable !== null;
      }
      e.preventDefault();
      run.current(action);
    };
    const onKeyUp = (e: KeyboardEvent) => {
      // A focused timeline button would also "click" on Space's keyup: play/pause ran already.
      if (swallowSpaceUp && e.key === ' ') e.preventDefault();
      swallowSpaceUp = false;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [keyboard]);

  const speeds = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  const status = STATUS[state];
  const playLabel = playing ? t('timeline.pause') : t('timeline.play');
  const loopLabel = loop
    ? t('timeline.loopClear', { from: clock.time(loop.from), to: clock.time(loop.to) })
    : t('timeline.loop');
  const offsetName = clock.offsetName(controls.getTime());
  const siteTimeTip = t('timeline.siteTime', { zone: clock.timeZone, offset: offsetName });

  return (
    <section
      ref={rootRef}
      className="timeline"
      data-testid="timeline"
      data-state={state}
      aria-label={t('timeline.title')}
    >
      <ScrubBar
        controls={controls}
        clock={clock}
        markers={markers}
        bookmarks={bookmarks ? bookmarkList : []}
        bufferedRanges={bufferedRanges}
        markerLeadSeconds={Math.round(markerLeadMs / 1000)}
        onMarker={onMarkerClick}
        onBookmark={onBookmarkClick}
        onFrame={paintClock}
      />
      <div className="timeline-controls">
        <button
          type="button"
          className="timeline-button timeline-play"
          data-testid="timeline-play"
          data-playing={playing}
          onClick={() => (playing ? controls.pause() : controls.play())}
          title={playLabel}
          aria-label={playLabel}
        >
          <TimelineIcon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="timeline-button"
          onClick={(e) => controls.step(-1, e.shiftKey ? MANY_STEPS : 1)}
          title={t('timeline.stepBack')}
          aria-label={t('timeline.stepBack')}
        >
          <TimelineIcon name="stepBack" />
        </button>
        <button
          type="button"
          className="timeline-button"
          onClick={(e) => controls.step(1, e.shiftKey ? MANY_STEPS : 1)}
          title={t('timeline.stepForward')}
          aria-label={t('timeline.stepForward')}
        >
          <TimelineIcon name="stepForward" />
        </button>
        <select
          className="timeline-speed"
          data-testid="timeline-speed"
          value={speed}
          onChange={(e) => controls.setSpeed(Number(e.target.value))}
          title={t('timeline.speed')}
          aria-label={t('timeline.speed')}
        >
          {speeds.map((s) => (
            <option key={s} value={s}>
              {formatSpeed(s)}
            </option>
          ))}
        </select>
        <span className="timeline-clock" title={siteTimeTip}>
          <span ref={timeRef} className="timeline-time mono" data-testid="timeline-time" />
          <span ref={dateRef} className="timeline-date mono muted" />
          <span className="timeline-zone muted">{offsetName}</span>
        </span>
        <span
          ref={elapsedRef}
          className="timeline-elapsed mono muted"
          title={t('timeline.elapsed')}
        />
        <span className="timeline-status" role="status">
          {status ? t(status) : ''}
        </span>
        <span className="timeline-spacer" />
        <button
          type="button"
          className="timeline-button"
          data-testid="timeline-loop"
          aria-pressed={loop !== null}
          onClick={() => controls.setLoop(loop ? null : loopAround(controls.getTime(), start, end))}
          title={loopLabel}
          aria-label={loopLabel}
        >
          <TimelineIcon name="loop" />
        </button>
        {bookmarks && (
          <span className="timeline-bookmarks">
            <button
              type="button"
              className="timeline-button"
              aria-expanded={bookmarksOpen}
              aria-haspopup="dialog"
              onClick={() => {
                setFocusBookmark(null);
                setBookmarksOpen((open) => !open);
              }}
              title={t('timeline.bookmarksTip', { count: bookmarkList.length })}
              aria-label={t('timeline.bookmarksTip', { count: bookmarkList.length })}
            >
              <TimelineIcon name="bookmark" />
              <span className="timeline-count">{bookmarkList.length}</span>
            </button>
            {bookmarksOpen && (
              <BookmarkPopover
                store={bookmarks}
                clock={clock}
                getTime={() => latest.current.controls.getTime()}
                onSeek={seekClamped}
                onClose={() => setBookmarksOpen(false)}
                focusId={focusBookmark}
              />
            )}
          </span>
        )}
      </div>
    </section>
  );
}
