import { clamp } from './timeScale';
import type { TimelineControls, TimeRange } from './timelineTypes';

/** A `TimelineControls` for tests and demos: a hand-moved clock that records every call. */
export interface FakeTimelineControls extends TimelineControls {
  /** Every call, in order, as `name(args)`: `seek(1000)`, `step(-1,10)`. */
  readonly calls: string[];
  /** The clock; `getTime()` returns it. */
  time: number;
  /** Moves the clock by `ms` × speed while playing, stopping at the end (or looping). */
  advance(ms: number): void;
}

/** One step at speed 1, ms. */
const STEP_MS = 1000;

export function createFakeTimelineControls(range: {
  start: number;
  end: number;
  time?: number;
}): FakeTimelineControls {
  const calls: string[] = [];
  const fake: FakeTimelineControls = {
    calls,
    start: range.start,
    end: range.end,
    time: range.time ?? range.start,
    playing: false,
    speed: 1,
    state: 'paused',
    loop: null,
    getTime: () => fake.time,
    play() {
      calls.push('play()');
      fake.playing = true;
      fake.state = 'playing';
    },
    pause() {
      calls.push('pause()');
      fake.playing = false;
      fake.state = 'paused';
    },
    seek(t) {
      calls.push(`seek(${t})`);
      fake.time = clamp(t, fake.start, fake.end);
    },
    setSpeed(speed) {
      calls.push(`setSpeed(${speed})`);
      fake.speed = speed;
    },
    step(direction, count = 1) {
      calls.push(`step(${direction},${count})`);
      fake.time = clamp(fake.time + direction * count * STEP_MS * fake.speed, fake.start, fake.end);
    },
    setLoop(loop: TimeRange | null) {
      calls.push(loop ? `setLoop(${loop.from},${loop.to})` : 'setLoop(null)');
      fake.loop = loop;
    },
    advance(ms) {
      if (!fake.playing) return;
      const next = fake.time + ms * fake.speed;
      if (fake.loop && next > fake.loop.to) fake.time = fake.loop.from;
      else if (next >= fake.end) {
        fake.time = fake.end;
        fake.playing = false;
        fake.state = 'ended';
      } else fake.time = next;
    },
  };
  return fake;
}
