/** Sparkplug B topics: `spBv1.0/<group>/<message type>/<edge node>[/<device>]`. */

export const SPARKPLUG_NAMESPACE = 'spBv1.0';

/** Message types about an edge node or device (everything but the hosts' STATE). */
export type SparkplugMessageType =
  'NBIRTH' | 'NDEATH' | 'NDATA' | 'NCMD' | 'DBIRTH' | 'DDEATH' | 'DDATA' | 'DCMD';

/** Where a message is from, by its topic. */
export interface SparkplugTopic {
  group: string;
  type: SparkplugMessageType;
  edgeNode: string;
  /** Device id for D* messages, null for N* messages. */
  device: string | null;
}

/** A parsed topic, a host STATE topic (JSON, not for this decoder), or why the topic is not one. */
export type SparkplugTopicResult =
  | { ok: true; topic: SparkplugTopic }
  | { ok: false; state: true; hostId: string }
  | { ok: false; state: false; error: string };

const NODE_TYPES = ['NBIRTH', 'NDEATH', 'NDATA', 'NCMD'] as const;
const DEVICE_TYPES = ['DBIRTH', 'DDEATH', 'DDATA', 'DCMD'] as const;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function parseSparkplugTopic(topic: string): SparkplugTopicResult {
  const levels = topic.split('/');
  const [namespace, group, type, edgeNode, device] = levels;
  if (namespace !== SPARKPLUG_NAMESPACE) {
    return fail(`"${clip(topic)}" is not a Sparkplug B topic (it does not start with spBv1.0/)`);
  }
  if (group === 'STATE' && levels.length === 3 && type) {
    return { ok: false, state: true, hostId: type };
  }
  if (group === undefined || type === undefined || edgeNode === undefined) {
    return fail(`"${clip(topic)}" is too short for a Sparkplug B topic`);
  }
  if (!group || !edgeNode || levels.some((level) => level.length === 0)) {
    return fail(`"${clip(topic)}" has an empty level`);
  }
  if (isOneOf(NODE_TYPES, type)) {
    if (levels.length !== 4) return fail(`${type} topic "${clip(topic)}" must have 4 levels`);
    return { ok: true, topic: { group, type, edgeNode, device: null } };
  }
  if (isOneOf(DEVICE_TYPES, type)) {
    if (levels.length !== 5 || device === undefined) {
      return fail(`${type} topic "${clip(topic)}" must have 5 levels`);
    }
    return { ok: true, topic: { group, type, edgeNode, device } };
  }
  return fail(`"${clip(type)}" in "${clip(topic)}" is not a Sparkplug B message type`);
}

function fail(error: string): SparkplugTopicResult {
  return { ok: false, state: false, error };
}

/** Topics come from the network: keep error messages a readable size. */
function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
