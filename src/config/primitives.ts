import { z } from 'zod';

// No generated code: the app runs under a Content-Security-Policy without 'unsafe-eval'
// (docs/deploy.md), and zod's interpreted path measured as fast on the bundled configs.
z.config({ jitless: true });

/** The building blocks of the twin-config schema, shared by its sections. */

export const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'ids use letters, digits and . _ : - only');
// zod 4 numbers already refuse NaN and ±Infinity (JSON cannot spell them anyway).
export const finite = z.number();
export const vec3 = z.tuple([finite, finite, finite]).describe('[x, y, z] in site metres (y up)');
export const vec2 = z.tuple([finite, finite]).describe('[x, z] in site metres');
// Strings first: most field values in a site config are names and slots, and a union stops at
// the first option that fits.
export const fieldValue = z.union([z.string().max(256), finite, z.boolean()]);

/** Text shown to people; a plain string or one per language. */
export const LocalizedText = z.union([
  z.string().max(256),
  z.object({ en: z.string().max(256), 'zh-CN': z.string().max(256).optional() }).strict(),
]);

/** Keys that could pollute prototypes when copied into records. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Compass heading of an asset without one: the model's +x axis points east. */
export const DEFAULT_HEADING_DEG = 90;
