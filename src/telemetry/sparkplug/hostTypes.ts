import type { MetricValue, SparkplugDatatype } from './metricValue';

/** What the Sparkplug B host application tells the twin, and what it keeps per edge node. */

/** One metric value for the twin. */
export interface SparkplugMetricUpdate {
  name: string;
  value: MetricValue;
  /** Source time, ms since the Unix epoch (the metric's, else the payload's, else receipt). */
  timestamp: number;
}

/** New values of one node (`device` null) or device; a death carries none: all went stale. */
export interface SparkplugUpdate {
  group: string;
  edgeNode: string;
  device: string | null;
  kind: 'birth' | 'data' | 'death';
  metrics: SparkplugMetricUpdate[];
}

export type SparkplugDiagnosticKind =
  | 'notSparkplug'
  | 'badTopic'
  | 'decodeError'
  | 'gap'
  | 'duplicate'
  | 'outOfOrder'
  | 'invalidSeq'
  | 'unknownAlias'
  | 'notBorn'
  | 'staleDeath'
  | 'unsupportedMetric'
  | 'internalError';

/** Something the host noticed, in words for a diagnostics panel. */
export interface SparkplugDiagnostic {
  kind: SparkplugDiagnosticKind;
  group: string | null;
  edgeNode: string | null;
  device: string | null;
  message: string;
  /** For a gap: how many messages were lost. */
  missed?: number;
}

/** Per edge node, since the host started. */
export interface SparkplugNodeCounters {
  messages: number;
  /** Seq gaps, and the messages they lost in all. */
  gaps: number;
  missedMessages: number;
  /** Repeated or late messages (dropped: their values are older than what was applied). */
  duplicates: number;
  outOfOrder: number;
  invalidSeqs: number;
  decodeErrors: number;
  unknownAliases: number;
  /** DATA, DBIRTH or DDEATH of a node or device without a live birth. */
  notBorn: number;
  /** NDEATHs of another session than the live one (or of a node already dead). */
  staleDeaths: number;
  /** Metrics with an unknown datatype, or one the twin does not take (DataSet, Bytes…). */
  unsupportedMetrics: number;
  rebirthsSuggested: number;
}

/** Host-wide counts of messages that belong to no edge node. */
export interface SparkplugHostCounters {
  messages: number;
  notSparkplug: number;
  badTopics: number;
  /** STATE, NCMD and DCMD: other applications' traffic. */
  ignored: number;
  internalErrors: number;
}

/** A metric as its birth declared it, with its last value. */
export interface HostMetric {
  readonly name: string;
  readonly alias: number | string | null;
  readonly datatype: SparkplugDatatype | null;
  readonly value: MetricValue | null;
  readonly timestamp: number | null;
  /** Its node or device died: the value is the last known, not the current one. */
  readonly stale: boolean;
  /** Why its values cannot be read, or null. */
  readonly problem: string | null;
}

export interface SparkplugDeviceView {
  readonly id: string;
  readonly online: boolean;
  readonly metrics: ReadonlyMap<string, HostMetric>;
}

export interface SparkplugNodeView {
  readonly group: string;
  readonly edgeNode: string;
  readonly online: boolean;
  /** bdSeq of the live (or last) session's birth. */
  readonly bdSeq: number | string | null;
  readonly lastSeq: number | null;
  readonly counters: Readonly<SparkplugNodeCounters>;
  readonly metrics: ReadonlyMap<string, HostMetric>;
  readonly devices: ReadonlyMap<string, SparkplugDeviceView>;
}

/** What one MQTT message changed. */
export interface SparkplugHostResult {
  updates: SparkplugUpdate[];
  diagnostics: SparkplugDiagnostic[];
  /**
   * The edge node the host cannot follow until it rebirths (unknown alias, data before birth).
   * Set once per node until its next NBIRTH; the app is read-only and only suggests it.
   */
  rebirthSuggested: { group: string; edgeNode: string } | null;
}

/** A Sparkplug B host application's view of the edge nodes it hears. */
export interface SparkplugHost {
  /** Feeds one MQTT message. Never throws: failures are counted and reported. */
  handle(topic: string, payload: Uint8Array, receiveTime: number): SparkplugHostResult;
  /** A snapshot of one edge node (undefined if never heard). */
  node(group: string, edgeNode: string): SparkplugNodeView | undefined;
  nodes(): SparkplugNodeView[];
  readonly counters: Readonly<SparkplugHostCounters>;
  /** A copy of everything the host knows (births, aliases, seq, bdSeq, online, counters). */
  exportState(): SparkplugHostState;
  /** Replaces everything the host knows with an exported state. */
  importState(state: SparkplugHostState): void;
}

/** One declared metric in a host's exported state; flags are left out at their usual value. */
export interface SparkplugMetricRecord {
  name: string;
  alias: number | string | null;
  datatype: SparkplugDatatype | null;
  value: MetricValue | null;
  timestamp: number | null;
  /** Present (true) when its node or device died. */
  stale?: boolean;
  /** Present when its values cannot be read. */
  problem?: string;
  /** false when a later birth metric of the same name took its name. */
  named?: false;
  /** false when a later birth metric with the same alias took its alias. */
  aliased?: false;
}

/** One edge node in a host's exported state. */
export interface SparkplugNodeRecord {
  group: string;
  edgeNode: string;
  online: boolean;
  bdSeq: number | string | null;
  lastSeq: number | null;
  rebirthPending: boolean;
  counters: SparkplugNodeCounters;
  metrics: SparkplugMetricRecord[];
  devices: Array<{ id: string; online: boolean; metrics: SparkplugMetricRecord[] }>;
}

/**
 * Everything a host knows, as plain JSON-safe data: a recording's snapshot carries it so that a
 * seek continues with the births, aliases, seq and bdSeq the host had at that moment.
 */
export interface SparkplugHostState {
  counters: SparkplugHostCounters;
  nodes: SparkplugNodeRecord[];
}
