import type { BatchSink, TelemetryBatch } from '../ingest/createIngest';
import { mergeSample } from '../ingest/mergeSample';
import type { AssetEvent, AssetSample } from '../samples';

/**
 * Batches folded in the order they happened: the latest sample per asset (merged as one batch
 * merges), events in order, and who is offline. A sample after a death brings the asset back; a
 * death after a sample leaves it offline — so a consumer that applies samples, then offline ids,
 * ends where message-by-message playback would.
 */
export class StateAccumulator implements BatchSink {
  samples = new Map<string, AssetSample>();
  offline = new Set<string>();
  events: AssetEvent[] = [];
  /** With `trackChanges`: the assets whose sample changed since `changed` was last cleared. */
  readonly changed: Set<string> | null;
  /** Samples this accumulator holds but does not own (see `reset`). */
  private shared: ReadonlySet<AssetSample> | null = null;

  constructor(
    private readonly keepEvents: boolean,
    trackChanges = false,
  ) {
    this.changed = trackChanges ? new Set() : null;
  }

  add(batch: TelemetryBatch): void {
    for (const s of batch.samples) this.sample(s);
    for (const id of batch.offline) this.offline.add(id);
    if (this.keepEvents) for (const e of batch.events) this.events.push(e);
  }

  /** One sample, as `add` folds each (the accumulator owns it from now on). */
  sample(s: AssetSample): void {
    this.changed?.add(s.assetId);
    let merged = this.samples.get(s.assetId);
    if (merged && this.shared?.has(merged)) {
      merged = { ...merged, fields: { ...merged.fields } };
      this.samples.set(s.assetId, merged);
    }
    if (merged) mergeSample(merged, s);
    else this.samples.set(s.assetId, s);
    this.offline.delete(s.assetId);
  }

  /** One asset gone offline, after the samples of its batch. */
  death(id: string): void {
    this.offline.add(id);
  }

  event(e: AssetEvent): void {
    if (this.keepEvents) this.events.push(e);
  }

  /**
   * Starts from a known state: a snapshot's samples, which this accumulator then owns — except
   * those in `shared`, which it copies before merging into them.
   */
  reset(
    samples: readonly AssetSample[] = [],
    offline: readonly string[] = [],
    shared: ReadonlySet<AssetSample> | null = null,
  ): void {
    this.shared = shared;
    this.samples = new Map(samples.map((s) => [s.assetId, s]));
    this.offline = new Set(offline);
    this.events = [];
  }

  /** Everything folded so far as one batch; the accumulator starts empty again. */
  take(): TelemetryBatch {
    const batch = {
      samples: [...this.samples.values()],
      events: this.events,
      offline: [...this.offline],
    };
    this.reset();
    return batch;
  }
}
