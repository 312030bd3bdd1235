import { z } from 'zod';
import { parsePayloadPath } from '../lib/payloadPath';
import { finite, id } from './primitives';

/**
 * A binding says how messages on some topics become asset state: which topics (a pattern with
 * named captures), how payloads decode, and where in a payload each field, the position and the
 * source time are. Documented with worked examples in docs/topics.md.
 */

/**
 * Where a value sits in a decoded payload: `data.trolley_mm`, `loc.x`, `pos[0]`, `"a.b".c` for a
 * key containing a dot. For Sparkplug B the path is a metric name (`pos/x`, `Link/RSRP`).
 */
export const PayloadPath = z.string().min(1).max(256);

/** A field read from a payload: a path, or a path with a linear conversion to the field's unit. */
export const FieldSource = z.union([
  PayloadPath,
  z
    .object({
      path: PayloadPath,
      scale: finite.default(1).describe('field = value × scale + offset'),
      offset: finite.default(0),
      unit: z.string().max(32).optional().describe('unit of the payload value, for people'),
    })
    .strict(),
]);

const SitePosition = z
  .object({ x: FieldSource, y: FieldSource.optional(), z: FieldSource })
  .strict()
  .describe('site metres: x east, y up (0 when absent), z south');
const GeoPosition = z
  .object({ lat: PayloadPath, lon: PayloadPath })
  .strict()
  .describe('WGS 84 degrees, converted through the site geo origin');

const BindingShape = z
  .object({
    id: id.optional(),
    topic: z
      .string()
      .min(1)
      .max(512)
      .describe(
        'MQTT topic pattern; +name captures one level (+assetId, +gateway), + and # as in MQTT',
      ),
    decoder: z.enum(['json', 'sparkplugb']),
    kind: z
      .enum(['state', 'event', 'link'])
      .default('state')
      .describe('state sets fields; event is kept in order; link is a gateway’s 5G figures'),
    asset: id.optional().describe('the asset, when the topic has no +assetId capture'),
    time: PayloadPath.optional().describe('source time, ms since the Unix epoch'),
    sequence: PayloadPath.optional().describe('per-gateway message counter, to count losses'),
    position: z.union([SitePosition, GeoPosition]).optional(),
    heading: FieldSource.optional().describe('compass heading, degrees (0 north, 90 east)'),
    fields: z.record(z.string(), FieldSource).default({}).describe('asset field → payload value'),
    event: z
      .object({ name: PayloadPath, code: PayloadPath.optional(), severity: PayloadPath.optional() })
      .strict()
      .optional()
      .describe('for kind "event": where the event name, code and severity are'),
    staleAfterMs: finite
      .positive()
      .default(30_000)
      .describe('an asset with no message for this long is shown stale'),
  })
  .strict();

export const Binding = BindingShape.superRefine((binding, ctx) => {
  const levels = binding.topic.split('/');
  const captures = levels.filter((l) => l.startsWith('+') && l.length > 1).map((l) => l.slice(1));
  levels.forEach((level, i) => {
    const bad =
      (level.includes('#') && (level !== '#' || i !== levels.length - 1)) ||
      (level.includes('+') && !level.startsWith('+')) ||
      (level.startsWith('+') && level.length > 1 && !/^\+[A-Za-z]\w*$/.test(level));
    if (bad)
      ctx.addIssue({
        code: 'custom',
        path: ['topic'],
        message: `level "${level}": use a name, +, +name or a final #`,
      });
  });
  if (new Set(captures).size !== captures.length)
    ctx.addIssue({ code: 'custom', path: ['topic'], message: 'a capture name is used twice' });
  if (!captures.includes('assetId') && binding.asset === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['topic'],
      message: 'capture the asset with +assetId, or name it in "asset"',
    });
  if (binding.decoder === 'json') {
    for (const [path, value] of pathsOf(binding)) {
      try {
        parsePayloadPath(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', path, message: (err as Error).message });
      }
    }
  }
  if (binding.kind === 'event' && binding.event === undefined)
    ctx.addIssue({ code: 'custom', path: ['event'], message: 'an event binding needs "event"' });
});

export type BindingConfig = z.infer<typeof Binding>;

type SourceOrPath = z.infer<typeof FieldSource> | undefined;

/** Every payload path of a binding with where it is written (JSON paths need a valid syntax). */
function pathsOf(binding: z.infer<typeof BindingShape>): Array<[Array<string>, string]> {
  const out: Array<[Array<string>, string]> = [];
  const add = (at: string[], source: SourceOrPath) => {
    if (source === undefined) return;
    out.push(typeof source === 'string' ? [at, source] : [[...at, 'path'], source.path]);
  };
  add(['time'], binding.time);
  add(['sequence'], binding.sequence);
  add(['heading'], binding.heading);
  for (const [key, source] of Object.entries(binding.position ?? {}))
    add(['position', key], source);
  for (const [key, source] of Object.entries(binding.fields)) add(['fields', key], source);
  for (const [key, source] of Object.entries(binding.event ?? {})) add(['event', key], source);
  return out;
}
export type FieldSourceConfig = z.infer<typeof FieldSource>;

/** Where an MQTT client connects when the URL does not say. */
export const BrokerConfig = z
  .object({
    url: z.string().optional().describe('ws:// or wss:// URL of the broker'),
    username: z.string().optional(),
    protocolVersion: z
      .union([z.literal(4), z.literal(5)])
      .default(4)
      .describe('4 = MQTT 3.1.1'),
  })
  .strict();
