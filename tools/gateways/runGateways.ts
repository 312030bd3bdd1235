import mqtt, { type MqttClient } from 'mqtt';
import type { TwinConfig } from '../../src/config/schema';
import { createSiteSimulation } from '../../src/sim/createSiteSimulation';
import { createJsonGateway, type JsonGateway } from '../../src/sim/gateways/jsonGateway';
import type { MqttMessage } from '../../src/sim/gateways/mqttMessage';
import {
  createSparkplugGateway,
  type SparkplugGateway,
} from '../../src/sim/gateways/sparkplugGateway';
import type { GatewaySpec, SimLink } from '../../src/sim/simOutput';

export interface RunGatewaysOptions {
  /** `mqtt://host:port` (or ws://…) of the broker. */
  brokerUrl: string;
  config: TwinConfig;
  seed?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  /** How often the simulation is advanced and its messages published, ms. */
  tickMs?: number;
  log?: (line: string) => void;
}

interface RunningGateway {
  spec: GatewaySpec;
  client: MqttClient;
  json?: JsonGateway;
  sparkplug?: SparkplugGateway;
  link: SimLink | null;
  published: number;
  dropped: number;
}

/**
 * The simulated 5G gateways of one site, each its own MQTT client with its own will: the site
 * simulation runs in real time (or faster), and every record it produces is encoded by the
 * gateway that owns it and published — late or not at all when that gateway's radio is bad.
 */
export function runGateways(options: RunGatewaysOptions) {
  const { config, brokerUrl, speed = 1, tickMs = 50, log = () => undefined } = options;
  const siteId = config.site.id;
  const wallStart = Date.now();
  const simStart = wallStart;
  const sim = createSiteSimulation(config, { seed: options.seed ?? 1, startTime: simStart });
  const gateways = new Map<string, RunningGateway>();
  let timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;

  for (const spec of sim.gateways) {
    const json =
      spec.protocol === 'json'
        ? createJsonGateway(spec, siteId, { geoOrigin: config.site.geoOrigin })
        : undefined;
    const sparkplug =
      spec.protocol === 'sparkplugb' ? createSparkplugGateway(spec, siteId) : undefined;
    const will = toWill(json ? json.will() : sparkplug!.startSession(Date.now()));
    const client = mqtt.connect(brokerUrl, {
      clientId: `${siteId}-${spec.id}`,
      will,
      reconnectPeriod: 1000,
      clean: true,
    });
    const gateway: RunningGateway = {
      spec,
      client,
      json,
      sparkplug,
      link: null,
      published: 0,
      dropped: 0,
    };
    let sessions = 0;
    client.on('connect', () => {
      if (json) publish(gateway, json.status(true, Date.now()));
      if (sparkplug) {
        // Every connection is a new Sparkplug session: a new bdSeq, its NDEATH as the will.
        if (sessions > 0) client.options.will = toWill(sparkplug.startSession(Date.now()));
        for (const m of sparkplug.birth(Date.now())) publish(gateway, m);
        client.subscribe(`spBv1.0/${sparkplug.groupId}/NCMD/${sparkplug.edgeNodeId}`);
      }
      sessions++;
    });
    client.on('close', () => {
      // The next connection registers the next session's death certificate.
      if (sparkplug && sessions > 0)
        client.options.will = toWill(sparkplug.startSession(Date.now()));
    });
    client.on('message', (topic, payload) => {
      for (const m of sparkplug?.handleCommand(topic, payload, Date.now()) ?? [])
        publish(gateway, m);
    });
    client.on('error', () => undefined);
    gateways.set(spec.id, gateway);
  }

  function publish(gateway: RunningGateway, message: MqttMessage) {
    if (!gateway.client.connected) {
      gateway.dropped++;
      return;
    }
    gateway.client.publish(message.topic, Buffer.from(message.payload), {
      qos: message.qos,
      retain: message.retain,
    });
    gateway.published++;
  }

  /** Through the gateway's radio: lost at its loss rate, late by its extra delay. */
  function send(gateway: RunningGateway, message: MqttMessage, random: () => number) {
    const link = gateway.link;
    if (link && link.lossRate > 0 && random() < link.lossRate) {
      gateway.dropped++;
      return;
    }
    const delay = link?.delayMs ?? 0;
    if (delay < 5) {
      publish(gateway, message);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      publish(gateway, message);
    }, delay);
    timers.add(timer);
  }

  let seed = (options.seed ?? 1) >>> 0 || 1;
  const random = () => {
    // xorshift: the radio's randomness only, so the simulation's own stays deterministic.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };

  const tick = setInterval(() => {
    if (stopped) return;
    const simNow = simStart + (Date.now() - wallStart) * speed;
    for (const output of sim.advanceTo(simNow)) {
      const gateway = gateways.get(output.gateway);
      if (!gateway) continue;
      if (output.kind === 'link') gateway.link = output;
      const messages = gateway.json?.encode(output) ?? gateway.sparkplug?.encode(output) ?? [];
      for (const m of messages) send(gateway, m, random);
    }
  }, tickMs);

  const report = setInterval(() => {
    const all = [...gateways.values()];
    const published = all.reduce((n, g) => n + g.published, 0);
    const connected = all.filter((g) => g.client.connected).length;
    log(
      `${siteId}: ${connected}/${all.length} gateways connected, ${published} messages published`,
    );
  }, 10_000);

  return {
    siteId,
    gateways: () =>
      [...gateways.values()].map(({ spec, published, dropped, client }) => ({
        id: spec.id,
        published,
        dropped,
        connected: client.connected,
      })),
    async stop() {
      stopped = true;
      clearInterval(tick);
      clearInterval(report);
      for (const timer of timers) clearTimeout(timer);
      timers = new Set();
      await Promise.all(
        [...gateways.values()].map(
          (g) =>
            new Promise<void>((resolve) => {
              // A clean stop: gateways say goodbye (status offline / NDEATH) rather than vanish.
              if (g.client.connected) {
                if (g.json) publish(g, g.json.status(false, Date.now()));
                if (g.sparkplug) publish(g, g.sparkplug.will());
              }
              g.client.end(false, {}, () => resolve());
            }),
        ),
      );
    },
  };
}

export type RunningGateways = ReturnType<typeof runGateways>;

function toWill(m: MqttMessage) {
  return { topic: m.topic, payload: Buffer.from(m.payload), qos: m.qos, retain: m.retain };
}
