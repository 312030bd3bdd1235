import { createBatchAccumulator } from '../ingest/batchAccumulator';
import type { TelemetryBatch } from '../ingest/createIngest';
import type { AssetEvent, AssetSample } from '../samples';
import type { AssetHistory, ReplayInfo, ReplaySource } from './replaySource';

/**
 * A recording held in memory as bound samples (by receive time), for tests of what plays it.
 * `delayMs` makes every answer arrive that much later, like a slow disk or network.
 */
export function createFakeReplaySource(
  samples: readonly AssetSample[],
  options: { info?: Partial<ReplayInfo>; delayMs?: number; events?: readonly AssetEvent[] } = {},
): ReplaySource & { calls: string[] } {
  const sorted = [...samples].sort((a, b) => a.receiveTime - b.receiveTime);
  const info: ReplayInfo = {
    siteId: 's',
    shift: 'test',
    start: sorted[0]?.receiveTime ?? 0,
    end: sorted.at(-1)?.receiveTime ?? 0,
    messageCount: sorted.length,
    hasSnapshots: true,
    configText: undefined,
    planText: undefined,
    problems: [],
    ...options.info,
  };
  const calls: string[] = [];
  let cursor = info.start - 1;
  const later = <T>(value: () => T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(value()), options.delayMs ?? 0));
  /** Samples in (from, to], merged as ingest merges them. */
  const between = (from: number, to: number): TelemetryBatch => {
    const acc = createBatchAccumulator();
    const copies = sorted
      .filter((s) => s.receiveTime > from && s.receiveTime <= to)
      .map((s) => ({ ...s, fields: { ...s.fields } }));
    acc.add({ samples: copies, events: [], offline: [] });
    return acc.take() ?? { samples: [], events: [], offline: [] };
  };
  return {
    info,
    calls,
    stateAt(t) {
      calls.push(`stateAt ${t}`);
      cursor = t;
      return later(() => between(-Infinity, t));
    },
    readTo(t) {
      calls.push(`readTo ${t}`);
      const from = cursor;
      cursor = Math.max(cursor, t);
      return later(() => between(from, t));
    },
    history(assetId, from, to): Promise<AssetHistory> {
      const rows = sorted.filter(
        (s) => s.assetId === assetId && s.receiveTime >= from && s.receiveTime <= to,
      );
      const names = [...new Set(rows.flatMap((s) => Object.keys(s.fields)))];
      return later(() => ({
        t: rows.map((s) => s.receiveTime),
        fields: Object.fromEntries(names.map((n) => [n, rows.map((s) => s.fields[n] ?? null)])),
      }));
    },
    events(from, to) {
      return later(() =>
        (options.events ?? []).filter((e) => e.receiveTime >= from && e.receiveTime <= to),
      );
    },
    close() {
      calls.push('close');
    },
  };
}
