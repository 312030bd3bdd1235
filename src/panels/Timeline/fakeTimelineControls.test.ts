import { describe, expect, it } from 'vitest';
import { createFakeTimelineControls } from './fakeTimelineControls';

describe('createFakeTimelineControls', () => {
  it('plays, steps, loops and ends like a small player', () => {
    const fake = createFakeTimelineControls({ start: 0, end: 10_000 });
    fake.play();
    fake.setSpeed(2);
    fake.advance(1000);
    expect(fake.getTime()).toBe(2000);
    fake.step(1, 10);
    expect(fake.getTime()).toBe(10_000);
    fake.seek(1000);
    fake.setLoop({ from: 1000, to: 3000 });
    fake.advance(1500);
    expect(fake.getTime()).toBe(1000);
    fake.setLoop(null);
    fake.advance(10_000);
    expect(fake.state).toBe('ended');
    expect(fake.calls).toEqual([
      'play()',
      'setSpeed(2)',
      'step(1,10)',
      'seek(1000)',
      'setLoop(1000,3000)',
      'setLoop(null)',
    ]);
  });
});
