import type { GatewayMetricType, GatewayMetricValue, MetricSample } from './sparkplugMetrics';

/** A metric as the edge node last declared and sent it. */
export interface GatewayMetric {
  name: string;
  alias: number;
  type: GatewayMetricType;
  value: GatewayMetricValue;
  /** Source time of the value, ms since the Unix epoch. */
  timestamp: number;
}

/** What applying samples did to a table. */
export interface MetricChanges {
  /** A metric appeared or changed datatype: only a (re)birth may declare that. */
  redefined: boolean;
  /** Metrics whose value changed, in sample order. */
  changed: GatewayMetric[];
}

/** The metrics of one node or device, in the order they were first seen (the birth order). */
export interface MetricTable {
  apply(samples: readonly MetricSample[], t: number): MetricChanges;
  all(): GatewayMetric[];
  get(name: string): GatewayMetric | undefined;
}

export function createMetricTable(allocateAlias: () => number): MetricTable {
  const byName = new Map<string, GatewayMetric>();
  return {
    apply(samples, t) {
      const changes: MetricChanges = { redefined: false, changed: [] };
      for (const { name, type, value } of samples) {
        const metric = byName.get(name);
        if (!metric) {
          const created = { name, alias: allocateAlias(), type, value, timestamp: t };
          byName.set(name, created);
          changes.redefined = true;
          changes.changed.push(created);
          continue;
        }
        // A birth reports when each value was last sampled, even if it did not change then.
        metric.timestamp = t;
        if (metric.type !== type) {
          metric.type = type;
          changes.redefined = true;
        } else if (metric.value === value) {
          continue;
        }
        metric.value = value;
        changes.changed.push(metric);
      }
      return changes;
    },
    all: () => [...byName.values()],
    get: (name) => byName.get(name),
  };
}
