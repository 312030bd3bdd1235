import type { SparkplugMetric } from './decodeSparkplug';
import type { HostMetric, SparkplugMetricUpdate } from './hostTypes';
import type { MetricValue, SparkplugDatatype } from './metricValue';

/** The metrics a birth declared for one node or device, by name and by alias. */
export interface MetricSet {
  byName: Map<string, MutableHostMetric>;
  byAlias: Map<number | string, MutableHostMetric>;
}

export interface MutableHostMetric extends HostMetric {
  datatype: SparkplugDatatype | null;
  value: MetricValue | null;
  timestamp: number | null;
  stale: boolean;
}

export function emptyMetricSet(): MetricSet {
  return { byName: new Map(), byAlias: new Map() };
}

/** A birth's metrics: the set it declares, the values to report, the metrics it cannot use. */
export interface BirthDefinition {
  set: MetricSet;
  updates: SparkplugMetricUpdate[];
  problems: string[];
}

export function defineMetrics(
  metrics: readonly SparkplugMetric[],
  fallbackTime: number,
): BirthDefinition {
  const definition: BirthDefinition = { set: emptyMetricSet(), updates: [], problems: [] };
  for (const metric of metrics) {
    if (metric.name === null) {
      definition.problems.push('a birth metric has no name, so nothing can refer to it');
      continue;
    }
    const timestamp = metric.timestamp ?? fallbackTime;
    const defined: MutableHostMetric = {
      name: metric.name,
      alias: metric.alias,
      datatype: metric.datatype,
      value: metric.value,
      timestamp,
      stale: false,
      problem: metric.problem,
    };
    definition.set.byName.set(metric.name, defined);
    if (metric.alias !== null) definition.set.byAlias.set(metric.alias, defined);
    if (metric.problem !== null) definition.problems.push(metric.problem);
    else if (metric.value !== null)
      definition.updates.push({ name: metric.name, value: metric.value, timestamp });
  }
  return definition;
}

/** Marks every metric's value as the last known one. */
export function markStale(set: MetricSet): void {
  for (const metric of set.byName.values()) metric.stale = true;
}

/** The declared metric a DATA metric refers to: by alias, else by name. */
export function resolveMetric(
  set: MetricSet,
  metric: SparkplugMetric,
): MutableHostMetric | undefined {
  if (metric.alias !== null) return set.byAlias.get(metric.alias);
  if (metric.name !== null) return set.byName.get(metric.name);
  return undefined;
}
