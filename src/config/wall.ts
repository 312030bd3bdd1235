import { z } from 'zod';
import { id } from './primitives';

/**
 * How the site's control-room wall screen behaves (`?wall=1`, docs/wall.md). Every key has a
 * default, so a site without this section still gets a tour of all its camera views.
 */
export const Wall = z
  .object({
    tour: z
      .array(id)
      .optional()
      .describe('camera view ids the wall tour visits, in order (default: every view)'),
    dwellMs: z
      .number()
      .int()
      .min(2_000)
      .max(3_600_000)
      .default(20_000)
      .describe('how long the tour stays at each view, ms'),
    flyToCritical: z
      .boolean()
      .default(true)
      .describe('a new critical alarm pauses the tour and flies to its asset'),
    alarmHoldMs: z
      .number()
      .int()
      .min(5_000)
      .max(3_600_000)
      .default(120_000)
      .describe('the tour resumes this long after a critical alarm if nobody acknowledges it, ms'),
  })
  .strict();

export type WallConfig = z.infer<typeof Wall>;
