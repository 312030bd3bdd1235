import { get } from 'sparkplug-payload';
import type { UMetric, UPayload } from 'sparkplug-payload/lib/sparkplugbpayload';

/** The Eclipse Tahu codec for Sparkplug B payloads, typed for what the edge side uses. */

export type { UMetric as SparkplugPayloadMetric, UPayload as SparkplugPayloadObject };

const codec = get('spBv1.0');
if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');
const sparkplugB = codec;

/** Protobuf bytes of a payload, as a plain Uint8Array view (Node hands back a Buffer). */
export function encodePayload(payload: UPayload): Uint8Array {
  const bytes = sparkplugB.encodePayload(payload);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes payload bytes; throws on bytes that are not a Sparkplug B payload. */
export function decodePayload(bytes: Uint8Array): UPayload {
  return sparkplugB.decodePayload(bytes);
}
