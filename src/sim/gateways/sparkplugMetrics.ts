import type { FieldValue } from '../../config/schema';
import type { SimEvent, SimLink, SimState } from '../simOutput';

/** Which Sparkplug metrics a simulator record sets, as docs/topics.md ("Sparkplug B gateways") names them. */

/** The Sparkplug datatypes the bundled gateways use. */
export type GatewayMetricType = 'Double' | 'Float' | 'String' | 'Boolean' | 'UInt64';

/** A metric's value; `null` until first sampled (sent with `is_null`). */
export type GatewayMetricValue = number | string | boolean | null;

/** One metric as a record sets it. */
export interface MetricSample {
  name: string;
  type: GatewayMetricType;
  value: GatewayMetricValue;
}

export const BD_SEQ = 'bdSeq';
export const REBIRTH = 'Node Control/Rebirth';
export const ALARM_CODE = 'alarm/code';
export const ALARM_ACTIVE = 'alarm/active';

/** What a new session sets: its bdSeq, and no rebirth asked for. */
export function sessionSamples(bdSeq: number): MetricSample[] {
  return [
    { name: BD_SEQ, type: 'UInt64', value: bdSeq },
    { name: REBIRTH, type: 'Boolean', value: false },
  ];
}

/** Node metrics before the first link sample: the Link/* figures are still unknown. */
export function initialNodeSamples(bdSeq: number): MetricSample[] {
  return [
    ...sessionSamples(bdSeq),
    { name: 'Link/RSRP', type: 'Float', value: null },
    { name: 'Link/SINR', type: 'Float', value: null },
    { name: 'Link/UplinkMbps', type: 'Float', value: null },
  ];
}

export function linkSamples(link: SimLink): MetricSample[] {
  return [
    { name: 'Link/RSRP', type: 'Float', value: link.rsrpDbm },
    { name: 'Link/SINR', type: 'Float', value: link.sinrDb },
    { name: 'Link/UplinkMbps', type: 'Float', value: link.uplinkMbps },
  ];
}

/** Every device is born with its alarm metrics, clear. */
export function clearAlarmSamples(): MetricSample[] {
  return [
    { name: ALARM_CODE, type: 'String', value: '' },
    { name: ALARM_ACTIVE, type: 'Boolean', value: false },
  ];
}

export function stateSamples(state: SimState, counterFields: ReadonlySet<string>): MetricSample[] {
  const samples: MetricSample[] = [];
  if (state.position) {
    samples.push({ name: 'pos/x', type: 'Double', value: state.position[0] });
    samples.push({ name: 'pos/y', type: 'Double', value: state.position[1] });
    samples.push({ name: 'pos/z', type: 'Double', value: state.position[2] });
  }
  if (state.headingDeg !== undefined) {
    samples.push({ name: 'pos/heading', type: 'Double', value: state.headingDeg });
  }
  for (const [name, value] of Object.entries(state.fields)) {
    samples.push(fieldSample(name, value, counterFields.has(name)));
  }
  return samples;
}

/** Faults raise the alarm and clearing lowers it; other events have no Sparkplug metric. */
export function eventSamples(event: SimEvent): MetricSample[] {
  if (event.event === 'fault') {
    return [
      { name: ALARM_CODE, type: 'String', value: event.code ?? '' },
      { name: ALARM_ACTIVE, type: 'Boolean', value: true },
    ];
  }
  if (event.event === 'faultCleared') return clearAlarmSamples();
  return [];
}

function fieldSample(name: string, value: FieldValue, isCounter: boolean): MetricSample {
  if (typeof value === 'string') return { name, type: 'String', value };
  if (typeof value === 'boolean') return { name, type: 'Boolean', value };
  // A counter is a whole number of things; a UInt64 cannot say less than none.
  if (isCounter) {
    return {
      name,
      type: 'UInt64',
      value: Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0,
    };
  }
  return { name, type: 'Double', value };
}
