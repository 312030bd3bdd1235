import { createSparkplugHost } from '../sparkplug';
import type { SparkplugUpdate as HostUpdate } from '../sparkplug';
import type { SparkplugAdapter, SparkplugUpdate } from './createIngest';

const MESSAGE_TYPE = {
  birth: ['NBIRTH', 'DBIRTH'],
  data: ['NDATA', 'DDATA'],
  death: ['NDEATH', 'DDEATH'],
} as const;

/**
 * The Sparkplug B host application in the ingest pipeline's terms: each node or device update
 * becomes metrics by name on its topic, for the bindings to match; deaths name who went
 * offline; sequence gaps are losses of that gateway (edge node).
 */
export function createSparkplugAdapter(): SparkplugAdapter {
  const host = createSparkplugHost();
  return {
    consume(topic, payload, receiveTime) {
      const result = host.handle(topic, payload, receiveTime);
      const updates = result.updates.map(toIngestUpdate);
      let decodeError: string | undefined;
      const losses: Array<{ gateway: string; lost: number }> = [];
      for (const d of result.diagnostics) {
        if (d.kind === 'decodeError' || d.kind === 'badTopic') decodeError ??= d.message;
        if (d.kind === 'gap' && d.missed && d.edgeNode)
          losses.push({ gateway: d.edgeNode, lost: d.missed });
      }
      return { updates, decodeError, losses };
    },
    exportState: () => host.exportState(),
    importState: (state) => host.importState(state),
  };
}

function toIngestUpdate(u: HostUpdate): SparkplugUpdate {
  const type = MESSAGE_TYPE[u.kind][u.device === null ? 0 : 1];
  const metrics: Record<string, number | string | boolean> = {};
  let sourceTime: number | undefined;
  for (const m of u.metrics) {
    metrics[m.name] = m.value;
    if (sourceTime === undefined || m.timestamp > sourceTime) sourceTime = m.timestamp;
  }
  return {
    topic: `spBv1.0/${u.group}/${type}/${u.edgeNode}${u.device === null ? '' : `/${u.device}`}`,
    kind: u.kind,
    metrics,
    sourceTime,
    gateway: u.edgeNode,
    offlineIds: u.kind === 'death' ? [u.device ?? u.edgeNode] : undefined,
  };
}
