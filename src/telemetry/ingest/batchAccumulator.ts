import type { AssetEvent, AssetSample } from '../samples';
import type { TelemetryBatch } from './createIngest';

/**
 * Batches merged until a frame takes them: later state wins per asset, events keep their order.
 * Batches arrive by structured clone from a worker, so their samples are ours to merge in place.
 */
export function createBatchAccumulator() {
  const byAsset = new Map<string, AssetSample>();
  let events: AssetEvent[] = [];
  let offline: string[] = [];
  let empty = true;
  return {
    add(batch: TelemetryBatch) {
      empty = false;
      for (const s of batch.samples) {
        const earlier = byAsset.get(s.assetId);
        if (!earlier) {
          byAsset.set(s.assetId, s);
          continue;
        }
        Object.assign(earlier.fields, s.fields);
        if (s.position) earlier.position = s.position;
        if (s.headingDeg !== undefined) earlier.headingDeg = s.headingDeg;
        if (s.gateway !== undefined) earlier.gateway = s.gateway;
        earlier.sourceTime = s.sourceTime;
        earlier.receiveTime = s.receiveTime;
        earlier.staleAfterMs = s.staleAfterMs;
      }
      if (batch.events.length > 0) events = events.concat(batch.events);
      if (batch.offline.length > 0) offline = offline.concat(batch.offline);
    },
    take(): TelemetryBatch | null {
      if (empty) return null;
      const batch = { samples: [...byAsset.values()], events, offline };
      byAsset.clear();
      events = [];
      offline = [];
      empty = true;
      return batch;
    },
  };
}
