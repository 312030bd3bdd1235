import { describe, expect, it } from 'vitest';
import { idlePlayer, transition, type PlayerEvent, type PlayerMachine } from './playerState';

const run = (events: PlayerEvent[], from: PlayerMachine = idlePlayer) =>
  events.reduce(transition, from).state;

describe('player state machine', () => {
  it('opens paused, plays, pauses, and ends', () => {
    expect(run(['loaded'])).toBe('paused');
    expect(run(['loaded', 'play'])).toBe('playing');
    expect(run(['loaded', 'play', 'pause'])).toBe('paused');
    expect(run(['loaded', 'play', 'reachedEnd'])).toBe('ended');
    expect(run(['loaded', 'play', 'reachedEnd', 'play'])).toBe('playing');
  });

  it('resumes after a seek only when it was playing, or was asked to during the seek', () => {
    expect(run(['loaded', 'play', 'seek', 'seeked'])).toBe('playing');
    expect(run(['loaded', 'seek', 'seeked'])).toBe('paused');
    expect(run(['loaded', 'seek', 'play', 'seeked'])).toBe('playing');
    expect(run(['loaded', 'play', 'seek', 'pause', 'seeked'])).toBe('paused');
    // Drag-scrubbing: seek after seek keeps the wish of the first.
    expect(run(['loaded', 'play', 'seek', 'seek', 'seek', 'seeked'])).toBe('playing');
  });

  it('buffers while starved and plays on when fed, unless paused meanwhile', () => {
    expect(run(['loaded', 'play', 'starved'])).toBe('buffering');
    expect(run(['loaded', 'play', 'starved', 'fed'])).toBe('playing');
    expect(run(['loaded', 'play', 'starved', 'pause', 'fed'])).toBe('paused');
    expect(run(['loaded', 'play', 'starved', 'seek', 'seeked'])).toBe('playing');
  });

  it('ignores events that make no sense where it is', () => {
    expect(run(['play'])).toBe('idle');
    expect(run(['loaded', 'fed'])).toBe('paused');
    expect(run(['loaded', 'seeked'])).toBe('paused');
    expect(run(['loaded', 'starved'])).toBe('paused');
    expect(run(['loaded', 'play', 'unloaded'])).toBe('idle');
  });
});
