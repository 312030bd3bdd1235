import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Player } from '../../playback/createPlayer';
import { useTwin } from '../../twin/react';
import { AssetHistory } from '../AssetHistory/AssetHistory';
import { historyWindow } from '../AssetHistory/historyWindow';
import { Timeline } from '../Timeline/Timeline';
import { createBookmarkStore } from '../Timeline/createBookmarkStore';
import type { TimelineControls, TimelineMarker } from '../Timeline/timelineTypes';
import type { Alarm } from '../../diagnostics/alarmTypes';
import { alarmText } from '../Alarms/alarmText';
import { useLocale } from '../../ui/i18n';

interface Props {
  player: Player;
  /**
   * The recording's incidents (its alarms, found by a pass over it): the timeline marks each.
   * null when the site has no rules: the timeline marks the recorded fault events instead.
   */
  incidents: readonly Alarm[] | null;
  /** A marker of an incident was clicked (the timeline has already gone to just before it). */
  onIncident(alarm: Alarm): void;
  timeZone: string;
  /** A field's unit for an asset, from its type in the config. */
  unitOf(assetId: string, field: string): string | undefined;
  nameOf(assetId: string): string;
}

/** How much history the charts show around the clock. */
const HISTORY_SPAN_MS = 10 * 60_000;
/** Fetch a new window once the clock is this close to an edge of the shown one. */
const HISTORY_MARGIN = 0.2;
/** Markers are events of at least this severity; job-done events would bury the faults. */
const MARKED = new Set(['warning', 'critical']);
const MAX_MARKERS = 2000;

/** The replay's panels: the timeline at the bottom and the selected asset's history above it. */
export function ReplayPanels({ player, incidents, onIncident, timeZone, unitOf, nameOf }: Props) {
  const locale = useLocale();
  const machine = useStore(player.ui, (s) => s.machine);
  const speed = useStore(player.ui, (s) => s.speed);
  const loop = useStore(player.ui, (s) => s.loop);
  const info = player.info;
  const controls = useMemo<TimelineControls>(
    () => ({
      getTime: player.time,
      start: info.start,
      end: info.end,
      playing: machine.state === 'playing' || (machine.resume && machine.state !== 'paused'),
      speed,
      state: machine.state,
      loop,
      play: player.play,
      pause: player.pause,
      seek: (at) => void player.seek(at),
      setSpeed: player.setSpeed,
      step: player.step,
      setLoop: player.setLoop,
    }),
    [player, info, machine, speed, loop],
  );
  const bookmarks = useMemo(
    () => createBookmarkStore({ recordingKey: `${info.siteId}/${info.shift}/${info.start}` }),
    [info],
  );
  const [eventMarkers, setMarkers] = useState<TimelineMarker[]>([]);
  const incidentMarkers = useMemo(
    () =>
      incidents?.slice(0, MAX_MARKERS).map((a) => ({
        id: `alarm:${a.id}`,
        t: a.since,
        severity: a.severity,
        label: `${nameOf(a.assetId)}: ${alarmText(a, locale)}`,
      })) ?? null,
    [incidents, nameOf, locale],
  );
  const markers = incidentMarkers ?? eventMarkers;
  useEffect(() => {
    if (incidents) return;
    let current = true;
    player.events(info.start, info.end).then(
      (events) => {
        if (!current) return;
        const marked = events.filter((e) => MARKED.has(e.severity)).slice(0, MAX_MARKERS);
        setMarkers(
          marked.map((e, i) => ({
            id: `${i}:${e.assetId}`,
            t: e.sourceTime,
            severity: e.severity,
            label: `${nameOf(e.assetId)}: ${e.name}${e.code ? ` (${e.code})` : ''}`,
          })),
        );
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [player, info, nameOf, incidents]);
  const select = useTwin((s) => s.select);
  const selectedId = useTwin((s) => s.selectedId);

  return (
    <>
      {selectedId && (
        <SelectedHistory
          key={selectedId}
          player={player}
          assetId={selectedId}
          timeZone={timeZone}
          unitOf={unitOf}
          nameOf={nameOf}
          onClose={() => select(null)}
        />
      )}
      <Timeline
        controls={controls}
        timeZone={timeZone}
        markers={markers}
        onMarker={(id) => {
          if (id.startsWith('alarm:')) {
            const alarm = incidents?.find((a) => `alarm:${a.id}` === id);
            if (alarm) onIncident(alarm);
            return;
          }
          select(id.slice(id.indexOf(':') + 1));
        }}
        bookmarks={bookmarks}
      />
    </>
  );
}

interface HistoryProps {
  player: Player;
  assetId: string;
  timeZone: string;
  unitOf(assetId: string, field: string): string | undefined;
  nameOf(assetId: string): string;
  onClose(): void;
}

/** One asset's history around the clock, refetched when the clock nears an edge of it. */
function SelectedHistory({ player, assetId, timeZone, unitOf, nameOf, onClose }: HistoryProps) {
  const [span, setSpan] = useState(() =>
    historyWindow(player.time(), HISTORY_SPAN_MS, player.info.start, player.info.end),
  );
  const [data, setData] = useState<{
    t: number[];
    fields: Array<{ name: string; unit?: string; values: Array<number | string | boolean | null> }>;
  } | null>(null);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    player.history(assetId, span.from, span.to).then(
      (history) => {
        if (!current) return;
        setError(undefined);
        setData({
          t: history.t,
          fields: Object.entries(history.fields).map(([name, values]) => ({
            name,
            unit: unitOf(assetId, name),
            values,
          })),
        });
      },
      (err: Error) => current && setError(err.message),
    );
    return () => {
      current = false;
    };
  }, [player, assetId, span, unitOf]);
  useEffect(() => {
    // Human speed: once a second is plenty to notice the clock leaving the window.
    const timer = setInterval(() => {
      const now = player.time();
      const margin = (span.to - span.from) * HISTORY_MARGIN;
      if (now < span.from + margin || now > span.to - margin) {
        const next = historyWindow(now, HISTORY_SPAN_MS, player.info.start, player.info.end);
        if (next.from !== span.from || next.to !== span.to) setSpan(next);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [player, span]);
  return (
    <AssetHistory
      assetName={nameOf(assetId)}
      t={data?.t ?? []}
      fields={data?.fields ?? []}
      getTime={player.time}
      timeZone={timeZone}
      range={span}
      loading={data === null && !error}
      error={error}
      onSeek={(at) => void player.seek(at)}
      onClose={onClose}
    />
  );
}
