import { decodeSparkplugPayload, type SparkplugMessage } from './decodeSparkplug';
import type {
  SparkplugDeviceView,
  SparkplugDiagnostic,
  SparkplugDiagnosticKind,
  SparkplugHost,
  SparkplugHostCounters,
  SparkplugHostResult,
  SparkplugHostState,
  SparkplugMetricRecord,
  SparkplugNodeCounters,
  SparkplugNodeView,
  SparkplugUpdate,
} from './hostTypes';
import {
  defineMetrics,
  emptyMetricSet,
  markStale,
  resolveMetric,
  type MetricSet,
  type MutableHostMetric,
} from './metricSet';
import { classifySeq, isValidSeq } from './sequence';
import { metricValue } from './metricValue';
import { asDeclared } from './sparkplugPayload';
import {
  parseSparkplugTopic,
  SPARKPLUG_NAMESPACE,
  type SparkplugTopic,
  type SparkplugTopicResult,
} from './sparkplugTopic';

interface DeviceState {
  id: string;
  online: boolean;
  metrics: MetricSet;
}

interface NodeState {
  group: string;
  edgeNode: string;
  online: boolean;
  bdSeq: number | string | null;
  lastSeq: number | null;
  rebirthPending: boolean;
  counters: SparkplugNodeCounters;
  metrics: MetricSet;
  devices: Map<string, DeviceState>;
}

const BD_SEQ = 'bdSeq';
/** Topics whose parse is remembered. */
const TOPIC_CACHE_SIZE = 4096;

interface ParsedTopic {
  result: SparkplugTopicResult;
  /** `group/edgeNode`: the node's key in the host's map. */
  nodeKey: string;
}

/**
 * A read-only Sparkplug B 3.0 host application: births declare metrics, DATA is resolved by
 * alias, deaths make values stale, and seq gaps, repeats, stale deaths and undecodable bytes are
 * counted per edge node. It never publishes; it suggests a rebirth when it cannot follow a node.
 */
export function createSparkplugHost(): SparkplugHost {
  const nodes = new Map<string, NodeState>();
  const counters: SparkplugHostCounters = {
    messages: 0,
    notSparkplug: 0,
    badTopics: 0,
    ignored: 0,
    internalErrors: 0,
  };

  // Each edge node and device publishes on a few topics over and over: parse each once. The
  // cache is emptied when it fills, so a flood of made-up topics cannot grow it.
  const parsedTopics = new Map<string, ParsedTopic>();
  function parseTopic(topic: string): ParsedTopic {
    let parsed = parsedTopics.get(topic);
    if (!parsed) {
      const result = parseSparkplugTopic(topic);
      parsed = {
        result,
        nodeKey: result.ok ? `${result.topic.group}/${result.topic.edgeNode}` : '',
      };
      if (parsedTopics.size >= TOPIC_CACHE_SIZE) parsedTopics.clear();
      parsedTopics.set(topic, parsed);
    }
    return parsed;
  }

  function nodeOf(topic: SparkplugTopic, key: string): NodeState {
    let node = nodes.get(key);
    if (!node) {
      node = {
        group: topic.group,
        edgeNode: topic.edgeNode,
        online: false,
        bdSeq: null,
        lastSeq: null,
        rebirthPending: false,
        counters: zeroNodeCounters(),
        metrics: emptyMetricSet(),
        devices: new Map(),
      };
      nodes.set(key, node);
    }
    return node;
  }

  function handle(topic: string, payload: Uint8Array, receiveTime: number): SparkplugHostResult {
    const result: SparkplugHostResult = { updates: [], diagnostics: [], rebirthSuggested: null };
    counters.messages++;
    try {
      handleMessage(topic, payload, receiveTime, result);
    } catch (error) {
      // A bug here must cost one message, not the ingest worker.
      counters.internalErrors++;
      const reason = error instanceof Error ? error.message : String(error);
      result.diagnostics.push(
        diagnostic('internalError', null, null, `host failed on ${topic}: ${reason}`),
      );
    }
    return result;
  }

  function handleMessage(
    topic: string,
    payload: Uint8Array,
    receiveTime: number,
    result: SparkplugHostResult,
  ): void {
    const { result: parsed, nodeKey } = parseTopic(topic);
    if (!parsed.ok) {
      if (parsed.state) {
        counters.ignored++;
      } else if (topic.startsWith(`${SPARKPLUG_NAMESPACE}/`)) {
        counters.badTopics++;
        result.diagnostics.push(diagnostic('badTopic', null, null, parsed.error));
      } else {
        counters.notSparkplug++;
        result.diagnostics.push(diagnostic('notSparkplug', null, null, parsed.error));
      }
      return;
    }
    const { type } = parsed.topic;
    if (type === 'NCMD' || type === 'DCMD') {
      counters.ignored++;
      return;
    }
    const node = nodeOf(parsed.topic, nodeKey);
    node.counters.messages++;
    const decoded = decodeSparkplugPayload(parsed.topic, payload);
    if (!decoded.ok) {
      node.counters.decodeErrors++;
      result.diagnostics.push(
        nodeDiagnostic('decodeError', node, parsed.topic.device, decoded.error.message),
      );
      return;
    }
    const message = decoded.message;
    const context: MessageContext = { node, message, receiveTime, result };
    if (type === 'NBIRTH') return nodeBirth(context);
    if (type === 'NDEATH') return nodeDeath(context);
    if (!node.online) return notBorn(context, `${type} before the node's NBIRTH`);
    if (!acceptSeq(context)) return;
    const device = parsed.topic.device;
    if (type === 'NDATA') return data(context, node.metrics, null);
    if (device === null) return;
    if (type === 'DBIRTH') return deviceBirth(context, device);
    const known = node.devices.get(device);
    if (type === 'DDEATH') return deviceDeath(context, device, known);
    if (!known?.online) return notBorn(context, `DDATA of ${device} before its DBIRTH`);
    data(context, known.metrics, device);
  }

  return {
    handle,
    node(group, edgeNode) {
      const node = nodes.get(`${group}/${edgeNode}`);
      return node && viewOf(node);
    },
    nodes: () => [...nodes.values()].map(viewOf),
    counters,
    exportState(): SparkplugHostState {
      return {
        counters: { ...counters },
        nodes: [...nodes.values()].map((node) => ({
          group: node.group,
          edgeNode: node.edgeNode,
          online: node.online,
          bdSeq: node.bdSeq,
          lastSeq: node.lastSeq,
          rebirthPending: node.rebirthPending,
          counters: { ...node.counters },
          metrics: exportMetrics(node.metrics),
          devices: [...node.devices.values()].map((device) => ({
            id: device.id,
            online: device.online,
            metrics: exportMetrics(device.metrics),
          })),
        })),
      };
    },
    importState(state: SparkplugHostState): void {
      Object.assign(counters, state.counters);
      nodes.clear();
      for (const record of state.nodes) {
        const devices = new Map<string, DeviceState>();
        for (const device of record.devices)
          devices.set(device.id, {
            id: device.id,
            online: device.online,
            metrics: importMetrics(device.metrics),
          });
        nodes.set(`${record.group}/${record.edgeNode}`, {
          group: record.group,
          edgeNode: record.edgeNode,
          online: record.online,
          bdSeq: record.bdSeq,
          lastSeq: record.lastSeq,
          rebirthPending: record.rebirthPending,
          counters: { ...record.counters },
          metrics: importMetrics(record.metrics),
          devices,
        });
      }
    },
  };
}

/** Every distinct metric of a set, with which of its maps resolve to it (compact: a snapshot
 * of a recording carries one per declared metric). */
function exportMetrics(set: MetricSet): SparkplugMetricRecord[] {
  const all = new Set<MutableHostMetric>([...set.byName.values(), ...set.byAlias.values()]);
  return [...all].map((m) => {
    const record: SparkplugMetricRecord = {
      name: m.name,
      alias: m.alias,
      datatype: m.datatype,
      value: m.value,
      timestamp: m.timestamp,
    };
    if (m.stale) record.stale = true;
    if (m.problem !== null) record.problem = m.problem;
    if (set.byName.get(m.name) !== m) record.named = false;
    if (m.alias === null || set.byAlias.get(m.alias) !== m) record.aliased = false;
    return record;
  });
}

function importMetrics(records: readonly SparkplugMetricRecord[]): MetricSet {
  const set = emptyMetricSet();
  for (const r of records) {
    const metric: MutableHostMetric = {
      name: r.name,
      alias: r.alias,
      datatype: r.datatype,
      value: r.value,
      timestamp: r.timestamp,
      stale: r.stale === true,
      problem: r.problem ?? null,
    };
    if (r.named !== false) set.byName.set(metric.name, metric);
    if (r.aliased !== false && metric.alias !== null) set.byAlias.set(metric.alias, metric);
  }
  return set;
}

interface MessageContext {
  node: NodeState;
  message: SparkplugMessage;
  receiveTime: number;
  result: SparkplugHostResult;
}

function nodeBirth({ node, message, receiveTime, result }: MessageContext): void {
  const bdSeq = bdSeqOf(message);
  if (node.online && bdSeq !== node.bdSeq) {
    // A new session while the old one looked alive: its NDEATH never reached us.
    for (const device of node.devices.values()) killDevice(node, device, result);
  }
  const definition = defineMetrics(message.metrics, message.timestamp ?? receiveTime);
  reportProblems(node, null, definition.problems, result);
  node.online = true;
  node.bdSeq = bdSeq;
  node.lastSeq = isValidSeq(message.seq) ? message.seq : null;
  node.rebirthPending = false;
  node.metrics = definition.set;
  result.updates.push(update(node, null, 'birth', definition.updates));
}

function nodeDeath({ node, message, result }: MessageContext): void {
  const bdSeq = bdSeqOf(message);
  // A birth without bdSeq cannot be matched; then any death of the node is taken as its own.
  const ofLiveSession = node.online && (node.bdSeq === null || bdSeq === node.bdSeq);
  if (!ofLiveSession) {
    node.counters.staleDeaths++;
    const live = node.online
      ? `the live session's is ${String(node.bdSeq)}`
      : 'the node is not online';
    const text = `NDEATH with bdSeq ${String(bdSeq)} ignored: ${live}`;
    result.diagnostics.push(nodeDiagnostic('staleDeath', node, null, text));
    return;
  }
  node.online = false;
  markStale(node.metrics);
  result.updates.push(update(node, null, 'death', []));
  for (const device of node.devices.values()) killDevice(node, device, result);
}

function deviceBirth({ node, message, receiveTime, result }: MessageContext, id: string): void {
  const definition = defineMetrics(message.metrics, message.timestamp ?? receiveTime);
  reportProblems(node, id, definition.problems, result);
  node.devices.set(id, { id, online: true, metrics: definition.set });
  result.updates.push(update(node, id, 'birth', definition.updates));
}

function deviceDeath(
  { node, result }: MessageContext,
  id: string,
  device: DeviceState | undefined,
): void {
  if (!device?.online) {
    // Nothing to take offline, and nothing a rebirth would tell us about a device that left.
    node.counters.notBorn++;
    result.diagnostics.push(
      nodeDiagnostic('notBorn', node, id, `DDEATH of ${id}, which is not online`),
    );
    return;
  }
  killDevice(node, device, result);
}

function data(context: MessageContext, metrics: MetricSet, device: string | null): void {
  const { node, message, receiveTime, result } = context;
  const values: SparkplugUpdate['metrics'] = [];
  for (const metric of message.metrics) {
    const declared = resolveMetric(metrics, metric);
    if (!declared) {
      node.counters.unknownAliases++;
      const which = metric.alias !== null ? `alias ${metric.alias}` : `"${metric.name ?? ''}"`;
      const text = `${message.topic.type} refers to ${which}, which no birth declared`;
      result.diagnostics.push(nodeDiagnostic('unknownAlias', node, device, text));
      suggestRebirth(node, result);
      continue;
    }
    let value = metric.value;
    if (metric.untyped && declared.datatype !== null) {
      // No datatype in the DATA: read the raw value as the birth declared it.
      const read = metricValue(
        declared.datatype,
        asDeclared(declared.datatype, metric.untyped.raw),
      );
      if (!read.ok) {
        reportProblems(node, device, [`${declared.name} ${read.problem}`], result);
        continue;
      }
      value = read.value;
    } else if (metric.problem !== null) {
      reportProblems(node, device, [metric.problem], result);
      continue;
    }
    if (value === null) continue; // is_null: no value to show
    const timestamp = metric.timestamp ?? message.timestamp ?? receiveTime;
    declared.value = value;
    declared.timestamp = timestamp;
    declared.stale = false;
    values.push({ name: declared.name, value, timestamp });
  }
  if (values.length > 0) result.updates.push(update(node, device, 'data', values));
}

/** Checks the node's seq; false when the message repeats or trails one already applied. */
function acceptSeq({ node, message, result }: MessageContext): boolean {
  const seq = message.seq;
  const device = message.topic.device;
  if (!isValidSeq(seq)) {
    node.counters.invalidSeqs++;
    const text = `${message.topic.type} has seq ${String(seq)}, not 0–255; applied without a check`;
    result.diagnostics.push(nodeDiagnostic('invalidSeq', node, device, text));
    return true;
  }
  const last = node.lastSeq;
  node.lastSeq = seq;
  if (last === null) return true;
  const verdict = classifySeq(last, seq);
  switch (verdict.kind) {
    case 'next':
      return true;
    case 'gap': {
      node.counters.gaps++;
      node.counters.missedMessages += verdict.missed;
      const text = `seq jumped from ${last} to ${seq}: ${verdict.missed} message(s) lost`;
      result.diagnostics.push({
        ...nodeDiagnostic('gap', node, device, text),
        missed: verdict.missed,
      });
      return true;
    }
    case 'duplicate':
      node.counters.duplicates++;
      result.diagnostics.push(
        nodeDiagnostic('duplicate', node, device, `seq ${seq} again; dropped`),
      );
      return false;
    case 'late':
      node.lastSeq = last;
      node.counters.outOfOrder++;
      result.diagnostics.push(
        nodeDiagnostic('outOfOrder', node, device, `seq ${seq} arrived after ${last}; dropped`),
      );
      return false;
  }
}

function notBorn(context: MessageContext, text: string): void {
  const { node, message, result } = context;
  node.counters.notBorn++;
  result.diagnostics.push(nodeDiagnostic('notBorn', node, message.topic.device, text));
  suggestRebirth(node, result);
}

function suggestRebirth(node: NodeState, result: SparkplugHostResult): void {
  if (node.rebirthPending) return;
  node.rebirthPending = true;
  node.counters.rebirthsSuggested++;
  result.rebirthSuggested = { group: node.group, edgeNode: node.edgeNode };
}

function killDevice(node: NodeState, device: DeviceState, result: SparkplugHostResult): void {
  if (!device.online) return;
  device.online = false;
  markStale(device.metrics);
  result.updates.push(update(node, device.id, 'death', []));
}

function reportProblems(
  node: NodeState,
  device: string | null,
  problems: readonly string[],
  result: SparkplugHostResult,
): void {
  for (const problem of problems) {
    node.counters.unsupportedMetrics++;
    result.diagnostics.push(nodeDiagnostic('unsupportedMetric', node, device, problem));
  }
}

/** A snapshot of a node for panels and tests (its metric records are the live ones). */
function viewOf(node: NodeState): SparkplugNodeView {
  const devices = new Map<string, SparkplugDeviceView>();
  for (const device of node.devices.values()) {
    devices.set(device.id, {
      id: device.id,
      online: device.online,
      metrics: device.metrics.byName,
    });
  }
  return {
    group: node.group,
    edgeNode: node.edgeNode,
    online: node.online,
    bdSeq: node.bdSeq,
    lastSeq: node.lastSeq,
    counters: { ...node.counters },
    metrics: node.metrics.byName,
    devices,
  };
}

function bdSeqOf(message: SparkplugMessage): number | string | null {
  const metric = message.metrics.find((candidate) => candidate.name === BD_SEQ);
  const value = metric?.value;
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function update(
  node: NodeState,
  device: string | null,
  kind: SparkplugUpdate['kind'],
  metrics: SparkplugUpdate['metrics'],
): SparkplugUpdate {
  return { group: node.group, edgeNode: node.edgeNode, device, kind, metrics };
}

function nodeDiagnostic(
  kind: SparkplugDiagnosticKind,
  node: NodeState,
  device: string | null,
  message: string,
): SparkplugDiagnostic {
  return { kind, group: node.group, edgeNode: node.edgeNode, device, message };
}

function diagnostic(
  kind: SparkplugDiagnosticKind,
  group: string | null,
  edgeNode: string | null,
  message: string,
): SparkplugDiagnostic {
  return { kind, group, edgeNode, device: null, message };
}

function zeroNodeCounters(): SparkplugNodeCounters {
  return {
    messages: 0,
    gaps: 0,
    missedMessages: 0,
    duplicates: 0,
    outOfOrder: 0,
    invalidSeqs: 0,
    decodeErrors: 0,
    unknownAliases: 0,
    notBorn: 0,
    staleDeaths: 0,
    unsupportedMetrics: 0,
    rebirthsSuggested: 0,
  };
}
