/** Counters of one ingest pipeline; bounded however many topics and gateways appear. */
export interface IngestCounters {
  messages: number;
  bytes: number;
  /** Payloads that are not valid JSON / Sparkplug B. */
  decodeErrors: number;
  /** Payloads over the size cap, dropped unread. */
  tooLarge: number;
  /** Messages no binding's topic pattern matches. */
  unknownTopics: number;
  /** Topics naming an asset the site does not have. */
  unknownAssets: number;
  /** Values of the wrong type, non-finite numbers, bad positions. */
  badValues: number;
  /** Older than what the asset already shows: not applied. */
  outOfOrder: number;
  duplicates: number;
  /** Messages the senders' sequence numbers say never arrived. */
  lost: number;
  /** Source timestamps from the future (a gateway clock ahead of ours). */
  clockSkew: number;
}

export interface GatewayStats {
  id: string;
  messages: number;
  lost: number;
  lossRate: number;
  delayMsP50: number | null;
  delayMsP95: number | null;
  lastSeen: number;
  online: boolean;
}

export interface TopicCount {
  /** A binding's topic pattern, or an exact topic no binding matches. */
  topic: string;
  messages: number;
  rejected: number;
}

export interface IngestStats {
  counters: IngestCounters;
  /** Distinct topic filters subscribed to on each connect. */
  filters: number;
  messagesPerSecond: number;
  bindings: TopicCount[];
  /** Most recent distinct topics nobody binds, for the connection panel. */
  unknownTopicExamples: string[];
  gateways: GatewayStats[];
}

export const emptyCounters = (): IngestCounters => ({
  messages: 0,
  bytes: 0,
  decodeErrors: 0,
  tooLarge: 0,
  unknownTopics: 0,
  unknownAssets: 0,
  badValues: 0,
  outOfOrder: 0,
  duplicates: 0,
  lost: 0,
  clockSkew: 0,
});

const DELAY_WINDOW = 512;

/** Per-gateway message, loss and delay figures; delays kept in a fixed ring for percentiles. */
export class GatewayTracker {
  messages = 0;
  lost = 0;
  lastSeen = 0;
  online = true;
  private readonly delays = new Float64Array(DELAY_WINDOW);
  private readonly sorted = new Float64Array(DELAY_WINDOW);
  private count = 0;
  /** Delay percentiles as of `percentilesAt` messages: a quiet gateway is not sorted again. */
  private percentilesAt = -1;
  private p50: number | null = null;
  private p95: number | null = null;

  constructor(readonly id: string) {}

  seen(receiveTime: number, delayMs: number | undefined): void {
    this.messages++;
    this.lastSeen = receiveTime;
    this.online = true;
    if (delayMs !== undefined) {
      this.delays[this.count % DELAY_WINDOW] = delayMs;
      this.count++;
    }
  }

  snapshot(): GatewayStats {
    if (this.percentilesAt !== this.count) {
      // Typed-array sort is numeric and in place: hundreds of gateways twice a second must not
      // hold up the ingest worker.
      const n = Math.min(this.count, DELAY_WINDOW);
      const sorted = this.sorted.subarray(0, n);
      sorted.set(this.delays.subarray(0, n));
      sorted.sort();
      // Nearest rank: the smallest delay that at least a share q of the window is at or below.
      const at = (q: number) =>
        n === 0 ? null : (sorted[Math.max(0, Math.ceil(q * n) - 1)] ?? null);
      this.p50 = at(0.5);
      this.p95 = at(0.95);
      this.percentilesAt = this.count;
    }
    const expected = this.messages + this.lost;
    return {
      id: this.id,
      messages: this.messages,
      lost: this.lost,
      lossRate: expected === 0 ? 0 : this.lost / expected,
      delayMsP50: this.p50,
      delayMsP95: this.p95,
      lastSeen: this.lastSeen,
      online: this.online,
    };
  }
}
