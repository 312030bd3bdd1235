import type { AssetEvent, AssetSample } from '../samples';
import type { Binder, BindOutcome } from '../binding/createBinder';
import type { SparkplugHostState } from '../sparkplug';
import { decodeJson } from './decodeJson';
import {
  emptyCounters,
  GatewayTracker,
  type IngestCounters,
  type IngestStats,
  type TopicCount,
} from './ingestStats';
import { mergeSample } from './mergeSample';
import { createSequenceTracker } from './sequenceTracker';

/** What one animation frame applies: latest state per asset, events in order. */
export interface TelemetryBatch {
  samples: AssetSample[];
  events: AssetEvent[];
  /** Assets whose source went offline (a Sparkplug death, a gateway's will). */
  offline: string[];
}

/** Takes an ingest's output piece by piece (see `drainInto`). */
export interface BatchSink {
  sample(sample: AssetSample): void;
  death(id: string): void;
  event(event: AssetEvent): void;
}

/** Decoded Sparkplug B updates for the binder: metrics by name, per node or device. */
export interface SparkplugUpdate {
  /** Topic to match bindings against (NDATA/DDATA/… topics as received). */
  topic: string;
  kind: 'birth' | 'data' | 'death';
  metrics: Record<string, number | string | boolean>;
  sourceTime: number | undefined;
  /** The edge node (gateway) it came from. */
  gateway: string;
  /** For deaths: the device or node id that went offline. */
  offlineIds?: string[];
}

/** Turns a Sparkplug B message into updates; the host state machine lives behind it. */
export interface SparkplugAdapter {
  consume(
    topic: string,
    payload: Uint8Array,
    receiveTime: number,
  ): {
    updates: SparkplugUpdate[];
    decodeError?: string;
    /** Messages that sequence gaps say never arrived, per gateway. */
    losses?: Array<{ gateway: string; lost: number }>;
  };
  /** The host's state, for a recording's snapshot. */
  exportState?(): SparkplugHostState;
  importState?(state: SparkplugHostState): void;
}

/**
 * What an ingest remembers between messages, as JSON-safe data: with it a fresh ingest goes on
 * exactly as the one it was taken from (a recording's snapshot). Gateway delay percentiles and
 * the unknown-topic examples are statistics only and start afresh.
 */
export interface IngestState {
  /** Newest source time applied per asset: older messages are refused as out of order. */
  lastSourceTime: Array<[string, number]>;
  /** Last JSON `seq` per sender: repeats are dropped, jumps counted as lost. */
  sequences: Array<[string, number]>;
  counters: IngestCounters;
  /** Messages and refusals per binding, in binding order. */
  bindings: Array<{ messages: number; rejected: number }>;
  gateways: Array<{
    id: string;
    messages: number;
    lost: number;
    lastSeen: number;
    online: boolean;
  }>;
  sparkplug: SparkplugHostState | null;
}

export interface IngestOptions {
  binder: Binder;
  sparkplug?: SparkplugAdapter;
  /** Payloads larger than this are dropped before parsing. */
  maxPayloadBytes?: number;
  /** A source time this far ahead of the receive time is a skewed clock, not a time. */
  maxClockSkewMs?: number;
}

const MAX_TOPICS = 500;
const NO_SPARKPLUG_STATE: SparkplugHostState = {
  counters: { messages: 0, notSparkplug: 0, badTopics: 0, ignored: 0, internalErrors: 0 },
  nodes: [],
};
const UNKNOWN_EXAMPLES = 10;

/**
 * The ingest pipeline without its transport: MQTT messages in (topic, bytes, receive time),
 * batches of asset state and events out, every problem counted. Runs in the ingest worker and,
 * unchanged, in Node tests against real brokers.
 */
export function createIngest({
  binder,
  sparkplug,
  maxPayloadBytes = 64 * 1024,
  maxClockSkewMs = 2_000,
}: IngestOptions) {
  const counters = emptyCounters();
  const perBinding: TopicCount[] = binder.bindings.map((b) => ({
    topic: b.topic,
    messages: 0,
    rejected: 0,
  }));
  const unknownTopics = new Map<string, number>();
  const gateways = new Map<string, GatewayTracker>();
  const sequences = createSequenceTracker();
  const lastSourceTime = new Map<string, number>();
  let pending = new Map<string, AssetSample>();
  let events: AssetEvent[] = [];
  let offline: string[] = [];
  let rateAt = 0;
  let rateMessages = 0;
  let rate = 0;

  const gateway = (id: string) => {
    let g = gateways.get(id);
    if (!g) {
      g = new GatewayTracker(id);
      gateways.set(id, g);
    }
    return g;
  };

  const unknownTopic = (topic: string) => {
    counters.unknownTopics++;
    unknownTopics.delete(topic);
    unknownTopics.set(topic, (unknownTopics.get(topic) ?? 0) + 1);
    if (unknownTopics.size > MAX_TOPICS) {
      const oldest = unknownTopics.keys().next().value;
      if (oldest !== undefined) unknownTopics.delete(oldest);
    }
  };

  const apply = (outcome: BindOutcome) => {
    const count = perBinding[outcome.binding];
    if (outcome.kind === 'rejected') {
      if (count) count.rejected++;
      if (outcome.reason === 'unknownAsset' || outcome.reason === 'noAsset')
        counters.unknownAssets++;
      else counters.badValues++;
      return;
    }
    if (outcome.kind === 'event') {
      events.push(outcome.event);
      return;
    }
    const s = outcome.sample;
    if (s.sourceTime > s.receiveTime + maxClockSkewMs) {
      counters.clockSkew++;
      s.sourceTime = s.receiveTime;
    }
    const last = lastSourceTime.get(s.assetId);
    if (last !== undefined && s.sourceTime < last) {
      counters.outOfOrder++;
      if (count) count.rejected++;
      return;
    }
    lastSourceTime.set(s.assetId, s.sourceTime);
    if (s.gateway !== undefined)
      gateway(s.gateway).seen(s.receiveTime, s.receiveTime - s.sourceTime);
    const merged = pending.get(s.assetId);
    if (!merged) {
      pending.set(s.assetId, s);
      return;
    }
    mergeSample(merged, s);
  };

  const handleJson = (topic: string, payload: Uint8Array, receiveTime: number) => {
    const matches = binder.match(topic);
    if (matches.length === 0) {
      unknownTopic(topic);
      return;
    }
    const decoded = decodeJson(payload, maxPayloadBytes);
    if (!decoded.ok) {
      if (decoded.reason === 'tooLarge') counters.tooLarge++;
      else counters.decodeErrors++;
      for (const m of matches) {
        const c = perBinding[m.binding];
        if (c) c.rejected++;
      }
      return;
    }
    for (const { binding, captures } of matches) {
      const count = perBinding[binding];
      if (count) count.messages++;
      const seq = binder.sequenceOf(binding, decoded.value);
      const sender = captures.gateway ?? captures.assetId;
      if (seq !== undefined && sender !== undefined) {
        const verdict = sequences.check(sender, seq);
        if (verdict.kind === 'repeat') {
          counters.duplicates++;
          continue;
        }
        if (verdict.kind === 'gap') {
          counters.lost += verdict.lost;
          if (captures.gateway !== undefined) gateway(captures.gateway).lost += verdict.lost;
        }
      }
      apply(binder.bind(binding, captures, decoded.value, receiveTime));
    }
  };

  const handleSparkplug = (topic: string, payload: Uint8Array, receiveTime: number) => {
    if (!sparkplug) {
      unknownTopic(topic);
      return;
    }
    if (payload.byteLength > maxPayloadBytes) {
      counters.tooLarge++;
      return;
    }
    const result = sparkplug.consume(topic, payload, receiveTime);
    if (result.decodeError !== undefined) counters.decodeErrors++;
    for (const { gateway: id, lost } of result.losses ?? []) {
      counters.lost += lost;
      gateway(id).lost += lost;
    }
    for (const update of result.updates) {
      if (update.kind === 'death') {
        offline.push(...(update.offlineIds ?? []));
        if (update.offlineIds?.includes(update.gateway)) gateway(update.gateway).online = false;
        continue;
      }
      const matches = binder.match(update.topic);
      if (matches.length === 0) unknownTopic(update.topic);
      for (const { binding, captures } of matches) {
        const count = perBinding[binding];
        if (count) count.messages++;
        apply(binder.bind(binding, captures, update.metrics, receiveTime, update.sourceTime));
      }
    }
  };

  return {
    /** One MQTT message as received. */
    handle(topic: string, payload: Uint8Array, receiveTime: number): void {
      counters.messages++;
      counters.bytes += payload.byteLength;
      if (topic.startsWith('spBv1.0/')) handleSparkplug(topic, payload, receiveTime);
      else handleJson(topic, payload, receiveTime);
    },
    /** A gateway's own status message said it went offline (its MQTT will). */
    gatewayOffline(id: string): void {
      gateway(id).online = false;
    },
    /** Everything since the last call; null when nothing happened. */
    takeBatch(): TelemetryBatch | null {
      if (pending.size === 0 && events.length === 0 && offline.length === 0) return null;
      const batch = { samples: [...pending.values()], events, offline };
      pending = new Map();
      events = [];
      offline = [];
      return batch;
    },
    /**
     * Everything since the last call, handed to `sink` without building a batch (a replay feeds
     * messages one at a time): samples, then deaths, then events, as a batch would order them.
     * Returns the newest source time handed over, or undefined when nothing happened.
     */
    drainInto(sink: BatchSink): number | undefined {
      let newest: number | undefined;
      if (pending.size > 0) {
        for (const s of pending.values()) {
          sink.sample(s);
          if (newest === undefined || s.sourceTime > newest) newest = s.sourceTime;
        }
        pending.clear();
      }
      if (offline.length > 0) {
        for (const id of offline) sink.death(id);
        offline.length = 0;
      }
      if (events.length > 0) {
        for (const e of events) {
          sink.event(e);
          if (newest === undefined || e.sourceTime > newest) newest = e.sourceTime;
        }
        events.length = 0;
      }
      return newest;
    },
    stats(now: number): IngestStats {
      if (rateAt === 0) {
        rateAt = now;
        rateMessages = counters.messages;
      } else if (now - rateAt >= 1000) {
        rate = ((counters.messages - rateMessages) * 1000) / (now - rateAt);
        rateAt = now;
        rateMessages = counters.messages;
      }
      return {
        counters: { ...counters },
        filters: binder.filters.length,
        messagesPerSecond: rate,
        bindings: perBinding.map((b) => ({ ...b })),
        unknownTopicExamples: [...unknownTopics.keys()].slice(-UNKNOWN_EXAMPLES).reverse(),
        gateways: [...gateways.values()].map((g) => g.snapshot()),
      };
    },
    /** After a reconnect senders may restart their counters. */
    resetSequences(): void {
      for (const id of gateways.keys()) sequences.reset(id);
    },
    /** What this ingest remembers, for a recording's snapshot (take the batch first). */
    exportState(): IngestState {
      return {
        lastSourceTime: [...lastSourceTime],
        sequences: sequences.exportState(),
        counters: { ...counters },
        bindings: perBinding.map(({ messages, rejected }) => ({ messages, rejected })),
        gateways: [...gateways.values()].map(({ id, messages, lost, lastSeen, online }) => ({
          id,
          messages,
          lost,
          lastSeen,
          online,
        })),
        sparkplug: sparkplug?.exportState?.() ?? null,
      };
    },
    /** Continues from an exported state; pending samples and events are dropped. */
    importState(state: IngestState): void {
      pending = new Map();
      events = [];
      offline = [];
      lastSourceTime.clear();
      for (const [id, t] of state.lastSourceTime) lastSourceTime.set(id, t);
      sequences.importState(state.sequences);
      Object.assign(counters, state.counters);
      state.bindings.forEach((b, i) => {
        const count = perBinding[i];
        if (count) Object.assign(count, b);
      });
      // Trackers are kept (each holds a delay window): a replay restores state on every seek.
      const known = new Set(state.gateways.map((g) => g.id));
      for (const id of gateways.keys()) if (!known.has(id)) gateways.delete(id);
      for (const g of state.gateways) Object.assign(gateway(g.id), g);
      sparkplug?.importState?.(state.sparkplug ?? NO_SPARKPLUG_STATE);
    },
  };
}

export type Ingest = ReturnType<typeof createIngest>;
