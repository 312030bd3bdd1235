import type { TwinConfig } from '../../config/schema';
import { createSiteSimulation, type SitePlan } from '../../sim/createSiteSimulation';
import { createJsonGateway, type JsonGateway } from '../../sim/gateways/jsonGateway';
import type { MqttMessage } from '../../sim/gateways/mqttMessage';
import { createSparkplugGateway, type SparkplugGateway } from '../../sim/gateways/sparkplugGateway';
import type { SimLink } from '../../sim/simOutput';
import {
  createRecordingWriter,
  type RecordingWriterStats,
} from '../../telemetry/recording/createRecordingWriter';
import type { RecordingSink } from '../../telemetry/recording/recordingSinks';

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
  /** Breakdowns and hold-ups at seeded times; false runs the plan as planned. @default true */
  disruptions?: boolean;
  /** How often moving assets are sampled, ms. @default 500 */
  movingSampleMs?: number;
  /** Messages lost and late as each gateway's 5G link reports; false: none. @default true */
  radio?: boolean;
  /** Stop this long after the plan's work is done, ms, rather than at `hours`. */
  stopAfterWorkMs?: number;
  /** Simulation time reached and the share of the plan's work done, every simulated minute. */
  onProgress?(t: number, workDone: number): void;
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
  options: Pick<
    SimulatedShiftOptions,
    | 'config'
    | 'startTime'
    | 'hours'
    | 'seed'
    | 'plan'
    | 'disruptions'
    | 'movingSampleMs'
    | 'radio'
    | 'stopAfterWorkMs'
    | 'onProgress'
  >,
  onMessage: (message: ReceivedMessage) => void | Promise<void>,
): Promise<number> {
  const { config, startTime, hours } = options;
  const siteId = config.site.id;
  let end = startTime + hours * 3600_000;
  const radio = options.radio ?? true;
  const sim = createSiteSimulation(config, {
    seed: options.seed ?? 1,
    startTime,
    plan: options.plan,
    disruptions: options.disruptions,
    movingSampleMs: options.movingSampleMs,
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
        const link = radio ? gateway.link : null;
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
    if (options.onProgress && (t - startTime) % 60_000 === 0)
      options.onProgress(t, sim.workProgress());
    // Checked once a simulated minute: the work is done, and the tail after it is recorded.
    const tail = options.stopAfterWorkMs;
    if (tail !== undefined && end - t > tail && (t - startTime) % 60_000 === 0 && sim.workDone())
      end = Math.min(end, t + tail);
  }
  for (const p of pending) await deliver(p);
  return end;
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
  const end = await simulatedMessages(options, (m) =>
    writer.message(m.topic, m.payload, m.receiveTime, m.publishTime, {
      qos: m.qos,
      retain: m.retain,
    }),
  );
  return writer.close(end);
}
