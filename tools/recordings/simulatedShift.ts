import type { TwinConfig } from '../../src/config/schema';
import { createSiteSimulation, type SitePlan } from '../../src/sim/createSiteSimulation';
import { createJsonGateway, type JsonGateway } from '../../src/sim/gateways/jsonGateway';
import type { MqttMessage } from '../../src/sim/gateways/mqttMessage';
import {
  createSparkplugGateway,
  type SparkplugGateway,
} from '../../src/sim/gateways/sparkplugGateway';
import type { SimLink } from '../../src/sim/simOutput';
import {
  createRecordingWriter,
  type RecordingWriterStats,
} from '../../src/telemetry/recording/createRecordingWriter';
import type { RecordingSink } from '../../src/telemetry/recording/recordingSinks';

export interface SimulatedShiftOptions {
  config: TwinConfig;
  configText: string;
  sink: RecordingSink;
  /** Shift start, ms epoch. */
  startTime: number;
  hours: number;
  seed?: number;
  plan?: SitePlan;
  planText?: string;
  shift: string;
  snapshotEveryMs?: number;
  snapshotMaxMessages?: number;
  snapshotKeyRatio?: number;
  chunkBytes?: number;
  metadata?: Record<string, string>;
}

/** How far the simulation is advanced at a time; messages are written in receive order per step. */
const STEP_MS = 1000;

interface Pending {
  message: MqttMessage;
  receiveTime: number;
  order: number;
}

/** One MQTT message as the recorder would have received it. */
export interface ReceivedMessage {
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1;
  retain: boolean;
  publishTime: number;
  receiveTime: number;
}

/**
 * A site's traffic as a subscriber would have received it: the simulation's records, encoded by
 * each gateway (JSON or Sparkplug B), through each gateway's radio — lost at its loss rate, late
 * by its delay (both from the gateway's latest link report, seeded, so the same inputs give the
 * same messages) — handed over in receive-time order.
 */
export async function simulatedMessages(
  options: Pick<SimulatedShiftOptions, 'config' | 'startTime' | 'hours' | 'seed' | 'plan'>,
  onMessage: (message: ReceivedMessage) => void | Promise<void>,
): Promise<void> {
  const { config, startTime, hours } = options;
  const siteId = config.site.id;
  const end = startTime + hours * 3600_000;
  const sim = createSiteSimulation(config, {
    seed: options.seed ?? 1,
    startTime,
    plan: options.plan,
  });
  const gateways = new Map<
    string,
    { json?: JsonGateway; sparkplug?: SparkplugGateway; link: SimLink | null }
  >();
  let pending: Pending[] = [];
  let order = 0;
  let seed = (options.seed ?? 1) >>> 0 || 1;
  const random = () => {
    // xorshift, as the live gateway runner: the radio's randomness apart from the simulation's.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  // Awaited only when the receiver returns a promise: most do not, and ~600 messages/s of
  // simulated shift add up to millions of awaits.
  const deliver = ({ message, receiveTime }: Pending) => {
    const { topic, payload, qos, retain, publishTime } = message;
    return onMessage({ topic, payload, qos, retain, publishTime, receiveTime });
  };

  for (const spec of sim.gateways) {
    if (spec.protocol === 'json') {
      const json = createJsonGateway(spec, siteId, { geoOrigin: config.site.geoOrigin });
      gateways.set(spec.id, { json, link: null });
      // The retained "online" status a gateway publishes when it connects.
      pending.push({
        message: json.status(true, startTime),
        receiveTime: startTime,
        order: order++,
      });
    } else {
      gateways.set(spec.id, { sparkplug: createSparkplugGateway(spec, siteId), link: null });
    }
  }

  for (let t = startTime + STEP_MS; t <= end; t += STEP_MS) {
    for (const output of sim.advanceTo(t)) {
      const gateway = gateways.get(output.gateway);
      if (!gateway) continue;
      if (output.kind === 'link') gateway.link = output;
      const messages = gateway.json?.encode(output) ?? gateway.sparkplug?.encode(output) ?? [];
      for (const message of messages) {
        const link = gateway.link;
        if (link && link.lossRate > 0 && random() < link.lossRate) continue;
        const receiveTime = Math.round(message.publishTime + (link?.delayMs ?? 0));
        pending.push({ message, receiveTime, order: order++ });
      }
    }
    // Everything published later arrives after `t`, so all that arrived by `t` can go.
    pending.sort((a, b) => a.receiveTime - b.receiveTime || a.order - b.order);
    let n = 0;
    while (n < pending.length && (pending[n] as Pending).receiveTime <= t) {
      const delivered = deliver(pending[n++] as Pending);
      if (delivered) await delivered;
    }
    pending = pending.slice(n);
  }
  for (const p of pending) await deliver(p);
}

/** A site's shift written as the recorder would have written it off the broker. */
export async function writeSimulatedShift(
  options: SimulatedShiftOptions,
): Promise<RecordingWriterStats> {
  const writer = createRecordingWriter({
    sink: options.sink,
    config: options.config,
    configText: options.configText,
    planText: options.planText,
    shift: options.shift,
    startTime: options.startTime,
    snapshotEveryMs: options.snapshotEveryMs,
    snapshotMaxMessages: options.snapshotMaxMessages,
    snapshotKeyRatio: options.snapshotKeyRatio,
    chunkBytes: options.chunkBytes,
    metadata: options.metadata,
    library: 'twindeck simulated shift',
  });
  await simulatedMessages(options, (m) =>
    writer.message(m.topic, m.payload, m.receiveTime, m.publishTime, {
      qos: m.qos,
      retain: m.retain,
    }),
  );
  return writer.close(options.startTime + options.hours * 3600_000);
}
