import type { TypeStr } from 'sparkplug-payload/lib/sparkplugbpayload';
import { isLong } from './sparkplugPayload';

/** Sparkplug B datatype names, as the Tahu codec spells them. */
export type SparkplugDatatype = TypeStr;

/** A metric value as the twin takes it. */
export type MetricValue = number | string | boolean;

/** A decoded value (`null`: the metric was sent with `is_null`), or why it cannot be used. */
export type MetricValueResult =
  { ok: true; value: MetricValue | null } | { ok: false; problem: string };

const WHOLE_NUMBER_TYPES: ReadonlySet<TypeStr> = new Set([
  'Int8',
  'Int16',
  'Int32',
  'UInt8',
  'UInt16',
]);
const LONG_TYPES: ReadonlySet<TypeStr> = new Set(['Int64', 'UInt64', 'DateTime']);
const STRING_TYPES: ReadonlySet<TypeStr> = new Set(['String', 'Text', 'UUID']);

/**
 * A 64-bit integer as a number when a double holds it exactly (|v| < 2^53), else as its decimal
 * digits: a counter past 2^53 stays exact for display instead of being rounded or clamped.
 */
export function safeInteger(raw: unknown): number | string | null {
  if (isLong(raw)) {
    const asNumber = raw.toNumber();
    return Number.isSafeInteger(asNumber) ? asNumber : raw.toString();
  }
  if (typeof raw === 'number' && Number.isInteger(raw)) {
    return Number.isSafeInteger(raw) ? raw : String(raw);
  }
  return null;
}

/** The value of a metric of `datatype` as the Tahu codec decoded it. */
export function metricValue(datatype: TypeStr | undefined, raw: unknown): MetricValueResult {
  if (datatype === undefined) {
    // The codec needs the datatype to find the value: DATA that leaves it out cannot be read.
    return { ok: false, problem: 'has no datatype, or one Sparkplug B does not define' };
  }
  if (raw === null) return { ok: true, value: null };
  if (datatype === 'Float' || datatype === 'Double' || WHOLE_NUMBER_TYPES.has(datatype)) {
    return typeof raw === 'number' ? { ok: true, value: raw } : mismatch(datatype);
  }
  if (datatype === 'UInt32') {
    // The codec reads a UInt32 through Long.toInt(), which turns values ≥ 2^31 negative.
    if (isLong(raw)) return { ok: true, value: raw.toInt() >>> 0 };
    return typeof raw === 'number' ? { ok: true, value: raw >>> 0 } : mismatch(datatype);
  }
  if (LONG_TYPES.has(datatype)) {
    const value = safeInteger(raw);
    return value === null ? mismatch(datatype) : { ok: true, value };
  }
  if (datatype === 'Boolean') {
    return typeof raw === 'boolean' ? { ok: true, value: raw } : mismatch(datatype);
  }
  if (STRING_TYPES.has(datatype)) {
    return typeof raw === 'string' ? { ok: true, value: raw } : mismatch(datatype);
  }
  return {
    ok: false,
    problem: `is a ${datatype}, which the twin does not take (only single values)`,
  };
}

function mismatch(datatype: TypeStr): MetricValueResult {
  return { ok: false, problem: `is declared ${datatype} but carries no ${datatype} value` };
}
