import { z } from 'zod';
import { id, LocalizedText, vec3 } from './primitives';

/** How long a tour stays at a stop that does not say, ms: time to read a short note and look. */
export const DEFAULT_STOP_DWELL_MS = 12_000;

/** A trainer's note: longer than a name, so its own length limit. */
const NoteText = z
  .union([
    z.string().max(1000),
    z.object({ en: z.string().max(1000), 'zh-CN': z.string().max(1000).optional() }).strict(),
  ])
  .describe('what the trainer says at this stop: a string, or { "en": "…", "zh-CN": "…" }');

/** Where the camera goes at a stop: exactly one of `view`, `camera` or `follow`. */
const CAMERA_KEYS = ['view', 'camera', 'follow'] as const;

export const TourStop = z
  .object({
    view: id.optional().describe('camera view id (cameraViews) the camera flies to'),
    camera: z
      .object({
        position: vec3.describe('the eye, site metres'),
        target: vec3.describe('the point looked at, site metres'),
      })
      .strict()
      .optional()
      .describe('a camera pose of its own, when no camera view fits'),
    follow: id.optional().describe('asset id the camera flies to and then follows as it moves'),
    note: NoteText,
    dwellMs: z
      .number()
      .int()
      .min(2_000)
      .max(3_600_000)
      .default(DEFAULT_STOP_DWELL_MS)
      .describe('how long a playing tour stays at this stop, ms'),
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .describe(
        'replay only: the recording time this stop shows, ISO 8601 with an offset ' +
          '(2025-01-06T09:15:00+08:00); ignored live',
      ),
  })
  .strict()
  .superRefine((stop, ctx) => {
    const given = CAMERA_KEYS.filter((key) => stop[key] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `a stop needs exactly one of view, camera or follow (it has ${
          given.length === 0 ? 'none' : given.join(' and ')
        })`,
      });
  });

/** A guided tour: stops a trainer plays, pauses and steps through (docs/tours.md). */
export const Tour = z
  .object({
    id,
    name: LocalizedText.describe('shown in the tour list'),
    stops: z.array(TourStop).min(1).max(200).describe('in the order the tour visits them'),
  })
  .strict();

export type TourConfig = z.infer<typeof Tour>;
export type TourStopConfig = z.infer<typeof TourStop>;
