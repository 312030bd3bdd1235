import Long from 'long';
import protobuf from 'protobufjs/minimal.js';
import { get } from 'sparkplug-payload';
import proto from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import type { UMetric, UPayload } from 'sparkplug-payload/lib/sparkplugbpayload';

/** The Eclipse Tahu codec for Sparkplug B payloads, set up to keep 64-bit integers whole. */

export type { UMetric as TahuMetric, UPayload as TahuPayload };

/**
 * Bundled for a browser worker, protobufjs cannot `require('long')` and then decodes every uint64
 * (values, timestamps, aliases) as a number that silently rounds past 2^53. Handing it long.js is
 * the recipe of protobufjs's README; in Node it found long.js itself and this changes nothing.
 */
export function installLongDecoding(): void {
  if (protobuf.util.Long) return;
  protobuf.util.Long = Long;
  protobuf.configure();
}

installLongDecoding();

const codec = get('spBv1.0');
if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');
const sparkplugB = codec;

/** Decodes payload bytes; throws on bytes that are not a Sparkplug B payload. */
export function decodeTahuPayload(bytes: Uint8Array): UPayload {
  return sparkplugB.decodePayload(bytes);
}

/** Protobuf bytes of a payload, as a plain Uint8Array view (Node hands back a Buffer). */
export function encodeTahuPayload(payload: UPayload): Uint8Array {
  const bytes = sparkplugB.encodePayload(payload);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** True for a long.js value (decoded 64-bit integers). */
export function isLong(value: unknown): value is Long {
  return Long.isLong(value);
}

interface RawMetric {
  /** The name of the value field set (protobufjs's oneof getter): `intValue`, `doubleValue`, … */
  value?: string;
  [field: string]: unknown;
}

/**
 * The raw value of each metric, read from the protobuf without a datatype: the Tahu codec picks
 * a metric's value by its datatype, and other vendors' DATA messages often leave the datatype to
 * the birth. Null for a metric without a value field.
 */
export function rawMetricValues(bytes: Uint8Array): Array<unknown> {
  const payload = proto.org.eclipse.tahu.protobuf.Payload.decode(bytes) as unknown as {
    metrics?: RawMetric[];
  };
  return (payload.metrics ?? []).map((m) => (m.value ? m[m.value] : null));
}

/** A raw protobuf value as the Tahu codec would read it for `datatype` (sign of small ints, Int64). */
export function asDeclared(datatype: string, raw: unknown): unknown {
  if (
    (datatype === 'Int8' || datatype === 'Int16' || datatype === 'Int32') &&
    typeof raw === 'number'
  )
    return raw | 0;
  if (datatype === 'Int64' && isLong(raw)) return raw.toSigned();
  return raw;
}
