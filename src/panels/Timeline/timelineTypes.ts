/** A span of recording time, ms epoch, `from` ≤ `to`. */
export interface TimeRange {
  from: number;
  to: number;
}

/** The player's named states (issue 4, Foxglove-style string state machine). */
export type PlaybackState = 'idle' | 'playing' | 'paused' | 'seeking' | 'buffering' | 'ended';

/**
 * What the Timeline panel needs from the player. The app passes a new object whenever a
 * human-speed field changes (`playing`, `speed`, `state`, `loop`, `start`, `end`); the clock
 * itself is read through `getTime()` every animation frame and never goes through React.
 */
export interface TimelineControls {
  /** Current clock, ms epoch. Called once per animation frame; must not allocate. */
  getTime(): number;
  /** First instant of the recording, ms epoch. */
  start: number;
  /** Last instant of the recording, ms epoch. */
  end: number;
  /** Whether the clock is advancing (or will, once buffering ends). */
  playing: boolean;
  /** Playback speed, one of `SPEEDS` (0.25–64). */
  speed: number;
  state: PlaybackState;
  /** The looped range, or null when playback runs to the end. */
  loop: TimeRange | null;
  play(): void;
  pause(): void;
  /** Shows the state at `t`. Called while dragging too, at most once per animation frame. */
  seek(t: number): void;
  setSpeed(speed: number): void;
  /** Moves `count` steps (default 1) forward or back; the player decides a step's length. */
  step(direction: 1 | -1, count?: number): void;
  setLoop(range: TimeRange | null): void;
}

/** How bad a marked event is; decides the marker's colour. */
export type MarkerSeverity = 'info' | 'warning' | 'critical';

/** An event or alarm drawn on the scrub bar. */
export interface TimelineMarker {
  id: string;
  /** When it happened, ms epoch. */
  t: number;
  severity: MarkerSeverity;
  /** Shown in the marker's tooltip; plain text. */
  label: string;
}
