import { metricValue, safeInteger, type MetricValue, type SparkplugDatatype } from './metricValue';
import { decodeTahuPayload, rawMetricValues, type TahuMetric } from './sparkplugPayload';
import { parseSparkplugTopic, type SparkplugTopic } from './sparkplugTopic';

/** One metric of a decoded Sparkplug B payload. */
export interface SparkplugMetric {
  /** Set in births (and NDEATH's bdSeq); DATA usually sends the alias alone. */
  name: string | null;
  /** A number, or decimal digits for an alias past 2^53. */
  alias: number | string | null;
  datatype: SparkplugDatatype | null;
  /** Null when sent as `is_null`, or when `problem` says why it cannot be read. */
  value: MetricValue | null;
  /** Source time, ms since the Unix epoch. */
  timestamp: number | null;
  /** Why the value cannot be used (unknown datatype, a DataSet, a mismatched value), or null. */
  problem: string | null;
  /**
   * Sent without a datatype (other vendors' DATA often leaves it to the birth): the raw protobuf
   * value, for the host to read with the datatype the birth declared.
   */
  untyped?: { raw: unknown };
}

/** A decoded Sparkplug B message. */
export interface SparkplugMessage {
  topic: SparkplugTopic;
  timestamp: number | null;
  /** As sent (Sparkplug's is 0–255); null when absent. */
  seq: number | null;
  metrics: SparkplugMetric[];
}

/** Why a message could not be decoded: its topic, a host STATE message (JSON), or its bytes. */
export interface SparkplugDecodeError {
  kind: 'topic' | 'state' | 'payload';
  message: string;
  /** The parsed topic when only the payload failed. */
  topic: SparkplugTopic | null;
}

export type SparkplugDecodeResult =
  { ok: true; message: SparkplugMessage } | { ok: false; error: SparkplugDecodeError };

/** Decodes one MQTT message of a Sparkplug B topic. Never throws: failures are results. */
export function decodeSparkplug(topic: string, payload: Uint8Array): SparkplugDecodeResult {
  const parsed = parseSparkplugTopic(topic);
  if (!parsed.ok) {
    if (parsed.state) {
      const message = `spBv1.0/STATE/${parsed.hostId} is a host application's JSON state, not a Sparkplug B payload`;
      return { ok: false, error: { kind: 'state', message, topic: null } };
    }
    return { ok: false, error: { kind: 'topic', message: parsed.error, topic: null } };
  }
  return decodeSparkplugPayload(parsed.topic, payload);
}

/** Decodes the payload of a message whose topic is already parsed. Never throws. */
export function decodeSparkplugPayload(
  topic: SparkplugTopic,
  payload: Uint8Array,
): SparkplugDecodeResult {
  try {
    const decoded = decodeTahuPayload(payload);
    const message: SparkplugMessage = {
      topic,
      timestamp: timestampOf(decoded.timestamp),
      seq: numberOrNull(safeInteger(decoded.seq)),
      metrics: withUntypedValues((decoded.metrics ?? []).map(metricOf), payload),
    };
    return { ok: true, message };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = `${topic.type} of ${topic.group}/${topic.edgeNode}${topic.device === null ? '' : `/${topic.device}`}`;
    const message = `${payload.byteLength} bytes of ${where} are not a Sparkplug B payload: ${reason}`;
    return { ok: false, error: { kind: 'payload', message, topic } };
  }
}

/** Attaches the raw value to metrics that came without a datatype (decoding the bytes again). */
function withUntypedValues(metrics: SparkplugMetric[], payload: Uint8Array): SparkplugMetric[] {
  if (metrics.every((m) => m.datatype !== null)) return metrics;
  const raw = rawMetricValues(payload);
  metrics.forEach((m, i) => {
    if (m.datatype === null && raw[i] !== null && raw[i] !== undefined) m.untyped = { raw: raw[i] };
  });
  return metrics;
}

function metricOf(metric: TahuMetric): SparkplugMetric {
  const datatype = metric.type ?? null;
  const decodedValue = metricValue(metric.type, metric.value);
  return {
    name: typeof metric.name === 'string' ? metric.name : null,
    alias: safeInteger(metric.alias),
    datatype,
    value: decodedValue.ok ? decodedValue.value : null,
    timestamp: timestampOf(metric.timestamp),
    problem: decodedValue.ok ? null : `metric ${describe(metric)} ${decodedValue.problem}`,
  };
}

/** A time past 2^53 ms (285,000 years) is garbage, not a time. */
function timestampOf(raw: unknown): number | null {
  return numberOrNull(safeInteger(raw));
}

function numberOrNull(value: number | string | null): number | null {
  return typeof value === 'number' ? value : null;
}

function describe(metric: TahuMetric): string {
  if (typeof metric.name === 'string') return `"${metric.name}"`;
  const alias = safeInteger(metric.alias);
  return alias === null ? '(no name or alias)' : `alias ${alias}`;
}
