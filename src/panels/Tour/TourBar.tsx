import { useState } from 'react';
import type { TourConfig } from '../../config/tours';
import { localize } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';
import { CloseButton } from '../common/CloseButton';
import { TimelineIcon } from '../Timeline/TimelineIcon';
import { TourNote } from './TourNote';
import './Tour.css';

/** Where the running tour is; null when none runs. */
export interface TourPosition {
  tourId: string;
  stop: number;
  playing: boolean;
  ended: boolean;
}

interface Props {
  tours: readonly TourConfig[];
  position: TourPosition | null;
  replay: boolean;
  timeZone: string;
  onStart(tourId: string): void;
  onPlay(): void;
  onPause(): void;
  onPrevious(): void;
  onNext(): void;
  /** Ends the tour and closes the bar. */
  onClose(): void;
}

/**
 * A trainer's controls at the foot of the view: which tour, previous / play-pause / next, where
 * the tour is — and above them the note of the stop shown.
 */
export function TourBar({ tours, position, replay, timeZone, ...on }: Props) {
  const t = useT();
  const locale = useLocale();
  const [chosen, setChosen] = useState(tours[0]?.id ?? '');
  // The list may have changed under a choice made before (another site): fall back to its first.
  const tour = tours.find((x) => x.id === (position?.tourId ?? chosen)) ?? tours[0];
  const stop = position ? tour?.stops[position.stop] : undefined;
  const count = tour?.stops.length ?? 0;
  return (
    <section className="tour-overlay" data-testid="tour-bar" aria-label={t('tour.title')}>
      {position && tour && stop && (
        <TourNote
          tourName={localize(tour.name, locale)}
          stop={stop}
          index={position.stop}
          stops={count}
          ended={position.ended}
          replay={replay}
          timeZone={timeZone}
        />
      )}
      <div className="tour-controls">
        {tours.length === 0 ? (
          <span className="muted" data-testid="tours-empty">
            {t('tour.empty')}
          </span>
        ) : (
          <>
            <select
              value={tour?.id ?? ''}
              title={t('tour.choose')}
              aria-label={t('tour.choose')}
              data-testid="tour-select"
              onChange={(e) => {
                setChosen(e.target.value);
                on.onStart(e.target.value);
              }}
            >
              {tours.map((x) => (
                <option key={x.id} value={x.id}>
                  {localize(x.name, locale)}
                </option>
              ))}
            </select>
            <button
              onClick={on.onPrevious}
              disabled={!position || position.stop === 0}
              title={t('tour.previous')}
              aria-label={t('tour.previous')}
              data-testid="tour-previous"
            >
              <TimelineIcon name="stepBack" />
            </button>
            <button
              onClick={() =>
                position?.playing
                  ? on.onPause()
                  : position
                    ? on.onPlay()
                    : tour && on.onStart(tour.id)
              }
              title={position?.playing ? t('tour.pause') : t('tour.play')}
              aria-label={position?.playing ? t('tour.pause') : t('tour.play')}
              data-testid="tour-play"
              data-playing={position?.playing ? 'true' : 'false'}
            >
              <TimelineIcon name={position?.playing ? 'pause' : 'play'} />
            </button>
            <button
              onClick={on.onNext}
              disabled={!position || position.stop + 1 >= count}
              title={t('tour.next')}
              aria-label={t('tour.next')}
              data-testid="tour-next"
            >
              <TimelineIcon name="stepForward" />
            </button>
            {position && (
              <span className="tour-position" data-testid="tour-position">
                {t('tour.position', { stop: position.stop + 1, stops: count })}
              </span>
            )}
            <span className="tour-keys muted">{t('tour.keys')}</span>
          </>
        )}
        <CloseButton onClick={on.onClose} label={t('tour.close')} />
      </div>
    </section>
  );
}
