import { useStore } from 'zustand';
import { TourBar } from '../../panels/Tour/TourBar';
import type { TourControls } from './useTourPlayer';

interface Props {
  tours: TourControls;
  /** A replay is open (stops with a recording time go to it). */
  replay: boolean;
  timeZone: string;
}

/** The tour bar and note, fed from the tour's status store (re-renders only when it changes). */
export function TourOverlay({ tours, replay, timeZone }: Props) {
  const { tourId, state } = useStore(tours.status);
  const position =
    tourId !== null && state.kind !== 'stopped'
      ? {
          tourId,
          stop: state.stop,
          playing: state.kind === 'playing',
          ended: state.kind === 'paused' && state.ended,
        }
      : null;
  return (
    <TourBar
      tours={tours.tours}
      position={position}
      replay={replay}
      timeZone={timeZone}
      onStart={(id) => tours.start(id)}
      onPlay={tours.play}
      onPause={tours.pause}
      onPrevious={tours.previous}
      onNext={tours.next}
      onClose={tours.close}
    />
  );
}
