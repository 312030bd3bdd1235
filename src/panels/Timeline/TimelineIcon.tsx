/** The timeline's glyphs, drawn inline so nothing loads from the network. */
export type TimelineIconName = 'play' | 'pause' | 'stepBack' | 'stepForward' | 'loop' | 'bookmark';

const PATHS: Record<TimelineIconName, string> = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  stepBack: 'M3 3h2v10H3zM13 3v10L6 8z',
  stepForward: 'M11 3h2v10h-2zM3 3v10l7-5z',
  loop: 'M3 7a4 4 0 0 1 4-4h4V1l3 3-3 3V5H7a2 2 0 0 0-2 2zM13 9a4 4 0 0 1-4 4H5v2l-3-3 3-3v2h4a2 2 0 0 0 2-2z',
  bookmark: 'M4 1.5h8v13l-4-3-4 3z',
};

/** A 16 × 16 glyph in the current text colour; decorative (the button carries the label). */
export function TimelineIcon({ name }: { name: TimelineIconName }) {
  return (
    <svg
      className="timeline-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
