import type { GatewaySpec, SimOutput } from '../simOutput';
import { createMetricTable, type GatewayMetric, type MetricTable } from './metricTable';
import { topicLevel, type MqttMessage } from './mqttMessage';
import {
  decodePayload,
  encodePayload,
  type SparkplugPayloadMetric,
  type SparkplugPayloadObject,
} from './sparkplugPayload';
import {
  ALARM_CODE,
  BD_SEQ,
  clearAlarmSamples,
  eventSamples,
  initialNodeSamples,
  linkSamples,
  REBIRTH,
  sessionSamples,
  stateSamples,
  type MetricSample,
} from './sparkplugMetrics';

/** Options of a simulated Sparkplug B edge node. */
export interface SparkplugGatewayOptions {
  /** bdSeq of the first session (a restarted gateway would continue its count). @default 0 */
  firstBdSeq?: number;
  /** Fields sent as UInt64 counters. @default ['moves', 'pieces'] */
  counterFields?: readonly string[];
}

/**
 * A simulated 5G gateway as a Sparkplug B 3.0 edge node (docs/topics.md). A session is one MQTT
 * connection: `startSession` gives the NDEATH to register as the will, `birth` the messages to
 * publish once connected. `encode` births the node itself if nobody did (Preview has no broker).
 */
export interface SparkplugGateway {
  /** `twindeck-<site>` */
  readonly groupId: string;
  /** The gateway id. */
  readonly edgeNodeId: string;
  /** bdSeq of the current session. */
  readonly bdSeq: number;
  /** Starts a new session (bdSeq +1 after the first, wrapping 255 → 0); returns its NDEATH. */
  startSession(t: number): MqttMessage;
  /** The current session's NDEATH, for the MQTT will (QoS 1, not retained). */
  will(): MqttMessage;
  /** NBIRTH (seq 0) and a DBIRTH per device present; also what a rebirth publishes. */
  birth(t: number): MqttMessage[];
  /** The messages for one simulator record (none for other gateways' records). */
  encode(output: SimOutput): MqttMessage[];
  /** DDEATH for a device that went away; its next sample births it again. */
  deviceGone(assetId: string, t: number): MqttMessage[];
  /** Answers an NCMD `Node Control/Rebirth` with a new birth; ignores anything else. */
  handleCommand(topic: string, payload: Uint8Array, t: number): MqttMessage[];
}

export const DEFAULT_COUNTER_FIELDS: readonly string[] = ['moves', 'pieces'];

const NAMESPACE = 'spBv1.0';
const SEQ_MODULUS = 256;
const BD_SEQ_MODULUS = 256;

interface DeviceState {
  id: string;
  metrics: MetricTable;
  /** Born in the current session: DDATA may follow. */
  born: boolean;
  /** Went away (DDEATH): left out of rebirths until it reports again. */
  gone: boolean;
}

export function createSparkplugGateway(
  spec: GatewaySpec,
  siteId: string,
  options: SparkplugGatewayOptions = {},
): SparkplugGateway {
  const groupId = `twindeck-${topicLevel(siteId, 'site id')}`;
  const edgeNodeId = topicLevel(spec.id, 'gateway id');
  const counterFields = new Set(options.counterFields ?? DEFAULT_COUNTER_FIELDS);
  const nodeTopic = (type: string) => `${NAMESPACE}/${groupId}/${type}/${edgeNodeId}`;
  const deviceTopic = (type: string, device: string) => `${nodeTopic(type)}/${device}`;

  // One alias space for the node and all its devices: aliases are unique per edge node.
  let nextAlias = 0;
  const allocateAlias = () => nextAlias++;
  let bdSeq = (options.firstBdSeq ?? 0) % BD_SEQ_MODULUS;
  let sessionStarted = false;
  let sessionStart = 0;
  let born = false;
  let seq = 0;
  const nodeMetrics = createMetricTable(allocateAlias);
  // Declared up front so node aliases do not depend on whether a link sample comes first.
  nodeMetrics.apply(initialNodeSamples(bdSeq), 0);
  const devices = new Map<string, DeviceState>();

  function publish(topic: string, payload: SparkplugPayloadObject, t: number): MqttMessage {
    return { topic, payload: encodePayload(payload), qos: 0, retain: false, publishTime: t };
  }

  function takeSeq(): number {
    seq = (seq + 1) % SEQ_MODULUS;
    return seq;
  }

  function startSession(t: number): MqttMessage {
    if (sessionStarted) bdSeq = (bdSeq + 1) % BD_SEQ_MODULUS;
    sessionStarted = true;
    sessionStart = t;
    born = false;
    for (const device of devices.values()) device.born = false;
    nodeMetrics.apply(sessionSamples(bdSeq), t);
    return will();
  }

  function will(): MqttMessage {
    // No seq: the broker publishes it, whenever the connection dies.
    const payload = {
      timestamp: sessionStart,
      metrics: [{ name: BD_SEQ, type: 'UInt64' as const, value: bdSeq }],
    };
    return { ...publish(nodeTopic('NDEATH'), payload, sessionStart), qos: 1 };
  }

  function deviceBirth(device: DeviceState, t: number): MqttMessage {
    device.born = true;
    device.gone = false;
    const payload = {
      timestamp: t,
      seq: takeSeq(),
      metrics: device.metrics.all().map(birthMetric),
    };
    return publish(deviceTopic('DBIRTH', device.id), payload, t);
  }

  function birth(t: number): MqttMessage[] {
    if (!sessionStarted) startSession(t);
    born = true;
    seq = 0;
    const nbirth = { timestamp: t, seq, metrics: nodeMetrics.all().map(birthMetric) };
    const messages = [publish(nodeTopic('NBIRTH'), nbirth, t)];
    for (const device of devices.values()) {
      if (!device.gone) messages.push(deviceBirth(device, t));
    }
    return messages;
  }

  function deviceOf(assetId: string): DeviceState {
    let device = devices.get(assetId);
    if (!device) {
      const id = topicLevel(assetId, 'asset id');
      device = { id, metrics: createMetricTable(allocateAlias), born: false, gone: false };
      devices.set(assetId, device);
    }
    return device;
  }

  function encodeNode(samples: readonly MetricSample[], t: number): MqttMessage[] {
    const { changed } = nodeMetrics.apply(samples, t);
    if (!born) return birth(t);
    if (changed.length === 0) return [];
    const payload = { timestamp: t, seq: takeSeq(), metrics: changed.map(dataMetric) };
    return [publish(nodeTopic('NDATA'), payload, t)];
  }

  function encodeDevice(assetId: string, samples: readonly MetricSample[], t: number) {
    const device = deviceOf(assetId);
    const { redefined, changed } = device.metrics.apply(samples, t);
    // Appended after the first sample's own metrics, so a DBIRTH lists position and fields first.
    if (!device.metrics.get(ALARM_CODE)) device.metrics.apply(clearAlarmSamples(), t);
    device.gone = false;
    if (!born) return birth(t);
    if (!device.born || redefined) return [deviceBirth(device, t)];
    // Nothing changed: this is the asset's heartbeat. Sparkplug reports by exception, but a host
    // shows a device silent for its stale time as stale, so the heartbeat re-reports its values.
    const metrics =
      changed.length > 0 ? changed : samples.flatMap(({ name }) => device.metrics.get(name) ?? []);
    if (metrics.length === 0) return [];
    const payload = { timestamp: t, seq: takeSeq(), metrics: metrics.map(dataMetric) };
    return [publish(deviceTopic('DDATA', device.id), payload, t)];
  }

  return {
    groupId,
    edgeNodeId,
    get bdSeq() {
      return bdSeq;
    },
    startSession,
    will,
    birth,
    encode(output) {
      if (output.gateway !== spec.id) return [];
      switch (output.kind) {
        case 'link':
          return encodeNode(linkSamples(output), output.t);
        case 'state':
          return encodeDevice(output.assetId, stateSamples(output, counterFields), output.t);
        case 'event': {
          const samples = eventSamples(output);
          if (samples.length === 0) return [];
          return encodeDevice(output.assetId, samples, output.t);
        }
      }
    },
    deviceGone(assetId, t) {
      const device = devices.get(assetId);
      if (!device || !born || !device.born) return [];
      device.born = false;
      device.gone = true;
      return [publish(deviceTopic('DDEATH', device.id), { timestamp: t, seq: takeSeq() }, t)];
    },
    handleCommand(topic, payload, t) {
      if (topic !== nodeTopic('NCMD')) return [];
      const rebirthAlias = nodeMetrics.get(REBIRTH)?.alias;
      let command: SparkplugPayloadObject;
      try {
        command = decodePayload(payload);
      } catch {
        return []; // A command we cannot read is a command we do not follow.
      }
      const wantsRebirth = (command.metrics ?? []).some(
        (metric) =>
          (metric.name === REBIRTH || aliasNumber(metric.alias) === rebirthAlias) &&
          metric.value === true,
      );
      return wantsRebirth ? birth(t) : [];
    },
  };
}

function birthMetric(metric: GatewayMetric): SparkplugPayloadMetric {
  const { name, alias, type, value, timestamp } = metric;
  // A value never sampled has no sample time.
  return value === null ? { name, alias, type, value } : { name, alias, type, value, timestamp };
}

/** DATA carries the alias alone; the host knows the name from the birth. */
function dataMetric(metric: GatewayMetric): SparkplugPayloadMetric {
  const { alias, type, value, timestamp } = metric;
  return { alias, type, value, timestamp };
}

function aliasNumber(alias: SparkplugPayloadMetric['alias']): number | undefined {
  if (alias === null || alias === undefined) return undefined;
  return typeof alias === 'number' ? alias : alias.toNumber();
}
