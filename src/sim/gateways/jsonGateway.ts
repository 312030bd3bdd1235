import type { GeoPoint } from '../../lib/geo';
import type { GatewaySpec, SimOutput } from '../simOutput';
import { eventPayload, linkPayload, statePayload, type JsonAssetStyle } from './jsonPayloads';
import { topicLevel, type MqttMessage } from './mqttMessage';

/** How a JSON gateway writes its site; only `geoOrigin` is required. */
export interface JsonGatewayOptions {
  /** The site's geo origin, to turn site metres into the GNSS fixes of vehicles. */
  geoOrigin: GeoPoint;
  /** Asset types with a GNSS receiver: they send `gnss`, not `loc`. @default ['truck'] */
  gnssAssetTypes?: readonly string[];
  /** Asset types that send `trolley`/`hoist` as `trolley_mm`/`hoist_mm`. @default ['quayCrane', 'yardCrane'] */
  craneAssetTypes?: readonly string[];
  /** `seq` of the first message (tests start near the 2³² wrap). @default 0 */
  firstSeq?: number;
}

/** A simulated gateway speaking the JSON conventions of docs/topics.md. */
export interface JsonGateway {
  readonly spec: GatewaySpec;
  /** The messages this gateway publishes for one simulator record (none for other gateways'). */
  encode(output: SimOutput): MqttMessage[];
  /** Retained `{ ts, state: online | offline }` on `.../status`; `t` defaults to the last source time seen. */
  status(online: boolean, t?: number): MqttMessage;
  /** The MQTT will to register on connect: the retained `offline` status, stamped now. */
  will(): MqttMessage;
}

export const DEFAULT_GNSS_ASSET_TYPES: readonly string[] = ['truck'];
export const DEFAULT_CRANE_ASSET_TYPES: readonly string[] = ['quayCrane', 'yardCrane'];

const SEQ_MODULUS = 2 ** 32;
const textEncoder = new TextEncoder();

export function createJsonGateway(
  spec: GatewaySpec,
  siteId: string,
  options: JsonGatewayOptions,
): JsonGateway {
  const gatewayTopic = `site/${topicLevel(siteId, 'site id')}/gw/${topicLevel(spec.id, 'gateway id')}`;
  const gnssTypes = new Set(options.gnssAssetTypes ?? DEFAULT_GNSS_ASSET_TYPES);
  const craneTypes = new Set(options.craneAssetTypes ?? DEFAULT_CRANE_ASSET_TYPES);
  let nextSeq = (options.firstSeq ?? 0) % SEQ_MODULUS;
  let lastTime = 0;

  function takeSeq(): number {
    const seq = nextSeq;
    nextSeq = (nextSeq + 1) % SEQ_MODULUS;
    return seq;
  }

  function styleOf(assetType: string): JsonAssetStyle {
    return { gnss: gnssTypes.has(assetType), crane: craneTypes.has(assetType) };
  }

  function message(topic: string, body: unknown, qos: 0 | 1, publishTime: number): MqttMessage {
    return {
      topic,
      payload: textEncoder.encode(JSON.stringify(body)),
      qos,
      retain: false,
      publishTime,
    };
  }

  function assetTopic(assetType: string, assetId: string, leaf: 'state' | 'event'): string {
    return `${gatewayTopic}/${topicLevel(assetType, 'asset type')}/${topicLevel(assetId, 'asset id')}/${leaf}`;
  }

  function status(online: boolean, t: number = lastTime): MqttMessage {
    // No `seq`: it is retained and, as the will, published by the broker whenever the
    // connection dies, so it cannot take part in the gateway's message count.
    const body = { ts: t, state: online ? 'online' : 'offline' };
    return { ...message(`${gatewayTopic}/status`, body, 1, t), retain: true };
  }

  return {
    spec,
    status,
    will: () => status(false),
    encode(output) {
      if (output.gateway !== spec.id) return [];
      lastTime = Math.max(lastTime, output.t);
      switch (output.kind) {
        case 'state': {
          const topic = assetTopic(output.assetType, output.assetId, 'state');
          const body = statePayload(
            output,
            takeSeq(),
            styleOf(output.assetType),
            options.geoOrigin,
          );
          // Periodic samples: the next one replaces a lost one, so at most once.
          return [message(topic, body, 0, output.t)];
        }
        case 'event': {
          const topic = assetTopic(output.assetType, output.assetId, 'event');
          const body = eventPayload(output, takeSeq(), styleOf(output.assetType));
          // An event happens once; losing it loses it for good, so at least once.
          return [message(topic, body, 1, output.t)];
        }
        case 'link':
          return [message(`${gatewayTopic}/link`, linkPayload(output, takeSeq()), 0, output.t)];
      }
    },
  };
}
