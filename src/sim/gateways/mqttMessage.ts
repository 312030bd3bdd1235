/**
 * One MQTT publication as a gateway would make it. Kept in `sim/` because `sim/` may not import
 * `telemetry/`; the telemetry side takes (topic, payload, receive time) and needs no such type.
 */
export interface MqttMessage {
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1;
  retain: boolean;
  /** Source time the gateway published it, ms since the Unix epoch. */
  publishTime: number;
}

const FORBIDDEN_IN_TOPIC_LEVEL = /[/+#]/;

/** Refuses ids that would change a topic's shape (a `/` adds a level, `+`/`#` are wildcards). */
export function topicLevel(id: string, what: string): string {
  if (id.length === 0 || FORBIDDEN_IN_TOPIC_LEVEL.test(id) || id.includes('\0')) {
    throw new Error(`${what} "${id}" cannot be an MQTT topic level (empty, or has / + # or NUL)`);
  }
  return id;
}
