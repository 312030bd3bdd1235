import type { TwinConfig } from '../../config/schema';
import { createBinder } from '../binding/createBinder';
import { fieldKinds } from '../binding/fieldKinds';
import { createIngest, type Ingest, type IngestState } from '../ingest/createIngest';
import { emptyCounters } from '../ingest/ingestStats';
import { createSparkplugAdapter } from '../ingest/sparkplugAdapter';
import { RECORDING_FORMAT_VERSION } from './recordingFormat';
import type { RecordingSnapshot } from './snapshot';
import { StateAccumulator } from './stateAccumulator';
import type { AssetSample } from '../samples';

const NO_ORIGIN = { lat: 0, lon: 0 };

/**
 * The live ingest pipeline, fed from a recording: each message goes through the same decode and
 * bind as live telemetry, and its outputs are folded into an accumulator in message order.
 */
export function createReplayEngine(config: TwinConfig | null) {
  const binder = createBinder(config?.bindings ?? [], {
    geoOrigin: config?.site.geoOrigin ?? NO_ORIGIN,
    fieldKinds: new Map(config ? fieldKinds(config) : []),
  });
  const ingest: Ingest = createIngest({ binder, sparkplug: createSparkplugAdapter() });
  return {
    ingest,
    /**
     * Feeds one message; what it produced goes into `into`. Returns the newest source time it
     * carried (undefined when it bound to nothing), which a recorder keeps as the publish time.
     */
    handle(
      topic: string,
      payload: Uint8Array,
      logTime: number,
      into: StateAccumulator,
    ): number | undefined {
      ingest.handle(topic, payload, logTime);
      // Drained per message so the order of samples and deaths survives (see StateAccumulator).
      return ingest.drainInto(into);
    },
    /**
     * Continues from a snapshot (null: from the start of the recording). Its samples in `shared`
     * belong to someone else too: they are copied before anything merges into them.
     */
    restore(
      snapshot: RecordingSnapshot | null,
      full: StateAccumulator,
      shared?: ReadonlySet<AssetSample>,
    ): void {
      ingest.takeBatch();
      if (snapshot) {
        // Not stored: the newest source time of an asset is the one of its merged sample.
        const lastSourceTime = snapshot.samples.map((s): [string, number] => [
          s.assetId,
          s.sourceTime,
        ]);
        ingest.importState({ ...snapshot.ingest, lastSourceTime });
        full.reset(snapshot.samples, snapshot.offline, shared);
      } else {
        ingest.importState(emptyIngestState(binder.bindings.length));
        full.reset();
      }
    },
    /**
     * The state after everything fed so far, as a snapshot at log time `t`: a keyframe, or with
     * `delta` the changes since the keyframe at `delta.base` (the samples of the `changed` assets).
     */
    snapshot(
      t: number,
      full: StateAccumulator,
      delta?: { base: number; changed: ReadonlySet<string> },
    ): RecordingSnapshot {
      const samples = [...full.samples.values()];
      return {
        v: RECORDING_FORMAT_VERSION,
        t,
        ...(delta && { base: delta.base }),
        samples: delta ? samples.filter((s) => delta.changed.has(s.assetId)) : samples,
        offline: [...full.offline],
        ingest: { ...ingest.exportState(), lastSourceTime: [] },
      };
    },
  };
}

/** The state of an ingest that has seen nothing. */
function emptyIngestState(bindings: number): IngestState {
  return {
    lastSourceTime: [],
    sequences: [],
    counters: emptyCounters(),
    bindings: Array.from({ length: bindings }, () => ({ messages: 0, rejected: 0 })),
    gateways: [],
    sparkplug: null,
  };
}

export type ReplayEngine = ReturnType<typeof createReplayEngine>;
