import type { TourStopConfig } from '../../config/tours';
import { localize } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';
import { siteClock } from '../Timeline/siteClock';

interface Props {
  tourName: string;
  stop: TourStopConfig;
  index: number;
  stops: number;
  ended: boolean;
  /** A replay is open: a stop's `at` was gone to; live it was not, and the card says so. */
  replay: boolean;
  timeZone: string;
}

/** The current stop's note, over the 3D view, in the page's language. */
export function TourNote({ tourName, stop, index, stops, ended, replay, timeZone }: Props) {
  const t = useT();
  const locale = useLocale();
  const at = stop.at === undefined ? null : siteClock(timeZone).time(Date.parse(stop.at));
  return (
    <article className="tour-note" data-testid="tour-note" aria-live="polite">
      <header className="tour-note-header muted">
        <span>{tourName}</span>
        <span>{ended ? t('tour.ended') : t('tour.position', { stop: index + 1, stops })}</span>
      </header>
      <p className="tour-note-text" data-testid="tour-note-text">
        {localize(stop.note, locale)}
      </p>
      {at !== null && (
        <p className="tour-note-at muted" data-testid="tour-note-at">
          {replay ? t('tour.atReplay', { time: at }) : t('tour.atLive', { time: at })}
        </p>
      )}
    </article>
  );
}
