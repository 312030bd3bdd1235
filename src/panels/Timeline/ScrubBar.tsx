import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useLocale, useT } from '../../ui/i18n';
import { axisTicks } from './axisTicks';
import type { Bookmark } from './createBookmarkStore';
import type { SiteClock } from './siteClock';
import { MANY_STEPS } from './timelineKeys';
import type { TimelineControls, TimelineMarker, TimeRange } from './timelineTypes';
import { moveLoopEnd, rangeBetween, timeToFraction, xToTime } from './timeScale';

interface Props {
  controls: TimelineControls;
  clock: SiteClock;
  /** Events and alarms, as ticks above the bar. */
  markers: readonly TimelineMarker[];
  /** Bookmarks, as ticks above the bar. */
  bookmarks: readonly Bookmark[];
  /** Loaded spans, drawn faintly in the bar. */
  bufferedRanges: readonly TimeRange[];
  /** Seconds a marker click seeks before the marker, for its tooltip. */
  markerLeadSeconds: number;
  onMarker(marker: TimelineMarker): void;
  onBookmark(bookmark: Bookmark): void;
  /** Called inside the animation frame whenever the shown time changes. */
  onFrame(t: number): void;
}

/** What a pointer held down on the bar is doing. */
type Drag =
  | { kind: 'scrub' }
  | { kind: 'select'; anchor: number; anchorX: number; current: number }
  | { kind: 'from' | 'to'; loop: TimeRange };

/** A shift-drag shorter than this many pixels is a click: it seeks. */
const CLICK_SLOP_PX = 4;
/** Half the width of an `HH:mm:ss` axis label: ticks nearer the ends would be cut off. */
const AXIS_EDGE_PX = 26;
/** About half the hover tooltip's width (`HH:mm:ss` in 11 px monospace, padded). */
const HOVER_HALF_WIDTH_PX = 34;
/** More markers than this are skipped by Tab (an alarm list is the keyboard way to them). */
const MAX_FOCUSABLE_MARKERS = 100;

const percent = (fraction: number) => `${fraction * 100}%`;

/**
 * The scrub bar: axis in the site's time zone, buffered spans, played part, loop range with two
 * handles, marker and bookmark ticks, and the playhead. Click seeks, drag scrubs (at most one
 * seek per animation frame), shift-drag selects a loop, hover shows the time under the pointer.
 * The playhead moves by DOM writes from an animation-frame loop reading `controls.getTime()`,
 * and only when it moves by half a pixel: React renders only when props change.
 */
export function ScrubBar({
  controls,
  clock,
  markers,
  bookmarks,
  bufferedRanges,
  markerLeadSeconds,
  onMarker,
  onBookmark,
  onFrame,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const { start, end, loop } = controls;
  const barRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const playheadRef = useRef<HTMLDivElement>(null);
  const hoverRef = useRef<HTMLDivElement>(null);
  const loopRegionRef = useRef<HTMLDivElement>(null);
  const fromHandleRef = useRef<HTMLDivElement>(null);
  const toHandleRef = useRef<HTMLDivElement>(null);

  // The frame loop reads the latest props through refs, so it starts once per mount.
  const latest = useRef({ controls, clock, onFrame });
  latest.current = { controls, clock, onFrame };
  const frame = useRef({
    /** Seek requested by the pointer, sent in the next frame; NaN when none. */
    pendingSeek: Number.NaN,
    lastTime: Number.NaN,
    lastPx: Number.NaN,
    lastSecond: Number.NaN,
    /** Repaint even if the clock has not moved (new range, resize, new clock). */
    dirty: true,
    width: 0,
    left: 0,
  });
  const drag = useRef<Drag | null>(null);
  const [width, setWidth] = useState(0);

  // Any render may change the range or the clock: repaint on the next frame.
  useEffect(() => {
    frame.current.dirty = true;
    frame.current.lastSecond = Number.NaN;
  });

  useEffect(() => {
    let raf = 0;
    const f = frame.current;
    const tick = () => {
      raf = requestAnimationFrame(tick);
      const { controls: c, clock: k, onFrame: notify } = latest.current;
      if (!Number.isNaN(f.pendingSeek)) {
        const target = f.pendingSeek;
        f.pendingSeek = Number.NaN;
        c.seek(target);
      }
      const now = c.getTime();
      if (now === f.lastTime && !f.dirty) return; // paused: a read and a compare per frame
      f.lastTime = now;
      f.dirty = false;
      const fraction = timeToFraction(now, c.start, c.end);
      const px = Math.round(fraction * f.width * 2) / 2;
      if (px !== f.lastPx) {
        f.lastPx = px;
        if (playheadRef.current) playheadRef.current.style.transform = `translateX(${px}px)`;
        if (fillRef.current) fillRef.current.style.transform = `scaleX(${fraction})`;
      }
      const second = Math.floor((now - c.start) / 1000);
      if (second !== f.lastSecond && trackRef.current) {
        f.lastSecond = second;
        trackRef.current.setAttribute('aria-valuenow', String(Math.max(0, second)));
        trackRef.current.setAttribute('aria-valuetext', k.time(now));
      }
      notify(now);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, []);

  useEffect(() => {
    const track = trackRef.current;
    if (!track || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      frame.current.width = entry.contentRect.width;
      frame.current.lastPx = Number.NaN;
      frame.current.dirty = true;
      setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(track);
    return () => observer.disconnect();
  }, []);

  const ticks = useMemo(
    () => axisTicks(start, end, width, clock, { edgePx: AXIS_EDGE_PX }),
    [start, end, width, clock],
  );

  /** Caches where the track is; read once per gesture instead of once per pointer move. */
  const measure = () => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (rect) {
      frame.current.left = rect.left;
      frame.current.width = rect.width;
    }
  };
  const timeAtX = (clientX: number) => {
    const f = frame.current;
    return Math.round(xToTime(clientX - f.left, start, end, f.width));
  };

  /** Draws a loop range (a drag in progress, or the player's); null hides it. */
  const paintLoop = (range: TimeRange | null) => {
    const region = loopRegionRef.current;
    if (!region) return;
    region.hidden = range === null;
    if (!range) return;
    const from = timeToFraction(range.from, start, end);
    const to = timeToFraction(range.to, start, end);
    region.style.left = percent(from);
    region.style.width = percent(to - from);
    if (fromHandleRef.current) fromHandleRef.current.style.left = percent(from);
    if (toHandleRef.current) toHandleRef.current.style.left = percent(to);
  };

  const showHover = (clientX: number, time: number) => {
    const tip = hoverRef.current;
    if (!tip) return;
    const f = frame.current;
    tip.hidden = false;
    // Kept whole inside the bar: a tooltip at either end would be cut off by the window.
    const x = Math.min(
      f.width - HOVER_HALF_WIDTH_PX,
      Math.max(HOVER_HALF_WIDTH_PX, clientX - f.left),
    );
    tip.style.left = `${x}px`;
    tip.textContent = clock.time(time);
  };
  const hideHover = () => {
    if (hoverRef.current) hoverRef.current.hidden = true;
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    measure();
    e.currentTarget.setPointerCapture(e.pointerId);
    trackRef.current?.focus({ preventScroll: true });
    const time = timeAtX(e.clientX);
    if (e.shiftKey) {
      drag.current = { kind: 'select', anchor: time, anchorX: e.clientX, current: time };
      paintLoop({ from: time, to: time });
    } else {
      drag.current = { kind: 'scrub' };
      frame.current.pendingSeek = time;
    }
    showHover(e.clientX, time);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) measure(); // hovering: the page may have scrolled or resized since the last gesture
    const time = timeAtX(e.clientX);
    showHover(e.clientX, time);
    if (!d) return;
    if (d.kind === 'scrub') frame.current.pendingSeek = time;
    else if (d.kind === 'select') {
      d.current = time;
      paintLoop(rangeBetween(d.anchor, time, start, end));
    } else {
      d.loop = moveLoopEnd(d.loop, d.kind, time, start, end);
      paintLoop(d.loop);
    }
  };

  const endDrag = (e: ReactPointerEvent<HTMLDivElement>, commit: boolean) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.kind === 'scrub') {
      // The last position is sent now, not a frame later, so a quick release lands exactly.
      const target = frame.current.pendingSeek;
      frame.current.pendingSeek = Number.NaN;
      if (commit && !Number.isNaN(target)) controls.seek(target);
      return;
    }
    // Back to the loop React last drew; if the player takes the new one, props bring it.
    paintLoop(loop);
    if (!commit) return;
    if (d.kind === 'select') {
      if (Math.abs(e.clientX - d.anchorX) < CLICK_SLOP_PX) controls.seek(d.anchor);
      else controls.setLoop(rangeBetween(d.anchor, d.current, start, end));
    } else controls.setLoop(d.loop);
  };

  const onTrackKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const span = end - start;
    const now = controls.getTime();
    const many = e.shiftKey ? MANY_STEPS : 1;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') controls.step(-1, many);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') controls.step(1, many);
    else if (e.key === 'PageDown') controls.seek(Math.max(start, now - span / 10));
    else if (e.key === 'PageUp') controls.seek(Math.min(end, now + span / 10));
    else if (e.key === 'Home') controls.seek(start);
    else if (e.key === 'End') controls.seek(end);
    else return;
    e.preventDefault();
  };

  const onHandleDown = (which: 'from' | 'to') => (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !loop) return;
    e.stopPropagation();
    measure();
    barRef.current?.setPointerCapture(e.pointerId);
    drag.current = { kind: which, loop };
  };
  const onHandleKey = (which: 'from' | 'to') => (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!loop) return;
    const nudge = ((end - start) / 100) * (e.shiftKey ? 10 : 1);
    const at = loop[which];
    const target =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? at - nudge
        : e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? at + nudge
          : e.key === 'Home'
            ? start
            : e.key === 'End'
              ? end
              : null;
    if (target === null) return;
    e.preventDefault();
    controls.setLoop(moveLoopEnd(loop, which, target, start, end));
  };

  const seconds = (time: number) => Math.round((time - start) / 1000);
  const at = (time: number) => percent(timeToFraction(time, start, end));
  const loopFrom = loop ? timeToFraction(loop.from, start, end) : 0;
  const loopTo = loop ? timeToFraction(loop.to, start, end) : 0;

  const markerTicks = useMemo(() => {
    const focusable = markers.length <= MAX_FOCUSABLE_MARKERS;
    return markers.map((marker) => {
      const label = t('timeline.marker', {
        severity: t(`timeline.severity.${marker.severity}`),
        time: clock.time(marker.t),
        label: marker.label,
        lead: markerLeadSeconds,
      });
      return (
        <button
          key={marker.id}
          type="button"
          className={`timeline-marker severity-${marker.severity}`}
          data-testid="timeline-marker"
          data-id={marker.id}
          style={{ left: percent(timeToFraction(marker.t, start, end)) }}
          title={label}
          aria-label={label}
          tabIndex={focusable ? undefined : -1}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => onMarker(marker)}
        />
      );
    });
    // `t` and `onMarker` are new closures each render; rebuilding every marker for them would
    // cost a time format per marker on each play/pause. `locale` is what `t` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [markers, start, end, clock, locale, markerLeadSeconds]);

  return (
    <div
      ref={barRef}
      className="timeline-bar"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => endDrag(e, true)}
      onPointerCancel={(e) => endDrag(e, false)}
      onPointerLeave={() => {
        if (!drag.current) hideHover();
      }}
    >
      <div className="timeline-lane">
        {markerTicks}
        {bookmarks.map((bookmark) => {
          const label = t('timeline.bookmark', {
            time: clock.time(bookmark.t),
            note: bookmark.note || t('timeline.bookmarkUntitled'),
          });
          return (
            <button
              key={bookmark.id}
              type="button"
              className="timeline-bookmark-tick"
              data-testid="timeline-bookmark"
              data-id={bookmark.id}
              style={{ left: at(bookmark.t) }}
              title={label}
              aria-label={label}
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => onBookmark(bookmark)}
            />
          );
        })}
      </div>
      <div
        ref={trackRef}
        className="timeline-track"
        data-testid="timeline-scrub"
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.scrub')}
        aria-valuemin={0}
        aria-valuemax={Math.max(0, seconds(end))}
        title={t('timeline.scrubTip')}
        onKeyDown={onTrackKey}
      >
        {bufferedRanges.map((range, i) => (
          <div
            key={i}
            className="timeline-buffered"
            style={{
              left: at(range.from),
              width: percent(
                timeToFraction(range.to, start, end) - timeToFraction(range.from, start, end),
              ),
            }}
          />
        ))}
        <div ref={fillRef} className="timeline-fill" />
      </div>
      <div
        ref={loopRegionRef}
        className="timeline-loop-region"
        hidden={!loop}
        style={{ left: percent(loopFrom), width: percent(loopTo - loopFrom) }}
      />
      {loop && (
        <>
          <div
            ref={fromHandleRef}
            className="timeline-loop-handle"
            role="slider"
            tabIndex={0}
            aria-label={t('timeline.loopStart')}
            aria-valuemin={0}
            aria-valuemax={seconds(end)}
            aria-valuenow={seconds(loop.from)}
            aria-valuetext={clock.time(loop.from)}
            title={`${t('timeline.loopStart')} ${clock.time(loop.from)}`}
            style={{ left: percent(loopFrom) }}
            onPointerDown={onHandleDown('from')}
            onKeyDown={onHandleKey('from')}
          />
          <div
            ref={toHandleRef}
            className="timeline-loop-handle"
            role="slider"
            tabIndex={0}
            aria-label={t('timeline.loopEnd')}
            aria-valuemin={0}
            aria-valuemax={seconds(end)}
            aria-valuenow={seconds(loop.to)}
            aria-valuetext={clock.time(loop.to)}
            title={`${t('timeline.loopEnd')} ${clock.time(loop.to)}`}
            style={{ left: percent(loopTo) }}
            onPointerDown={onHandleDown('to')}
            onKeyDown={onHandleKey('to')}
          />
        </>
      )}
      <div className="timeline-axis" aria-hidden="true">
        {ticks.map((tick) => (
          <span
            key={tick.t}
            className={tick.dayStart ? 'timeline-tick day' : 'timeline-tick'}
            style={{ left: at(tick.t) }}
          >
            {tick.label}
          </span>
        ))}
      </div>
      <div ref={playheadRef} className="timeline-playhead" aria-hidden="true" />
      <div ref={hoverRef} className="timeline-hover mono" hidden aria-hidden="true" />
    </div>
  );
}
