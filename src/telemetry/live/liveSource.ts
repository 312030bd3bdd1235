import type { TelemetryBatch } from '../ingest/createIngest';
import type { IngestStats } from '../ingest/ingestStats';
import { idleConnection, type ConnectionState } from './connectionState';
import type { IngestReply, IngestRequest } from './workerProtocol';

type StartRequest = Omit<Extract<IngestRequest, { type: 'start' }>, 'type'>;

/**
 * The page's side of the ingest worker. `take()` is called once per animation frame: it returns
 * the batch that arrived since the last frame and asks for the next one, so the worker never
 * sends more than the page applies.
 */
export function createLiveSource(start: StartRequest) {
  const worker = new Worker(new URL('./ingestWorker.ts', import.meta.url), {
    type: 'module',
    name: 'twindeck-ingest',
  });
  let waiting = false;
  let ready: TelemetryBatch | null = null;
  let connection: ConnectionState = idleConnection(start.broker.url);
  let stats: IngestStats | null = null;
  let workerError: string | null = null;

  worker.onmessage = (event: MessageEvent<IngestReply>) => {
    waiting = false;
    const reply = event.data;
    connection = reply.connection;
    if (reply.stats) stats = reply.stats;
    if (reply.batch) ready = mergeBatches(ready, reply.batch);
  };
  worker.onerror = (event) => {
    workerError = event.message || 'the ingest worker stopped';
  };
  const post = (request: IngestRequest) => worker.postMessage(request);
  post({ type: 'start', ...start });

  return {
    take(now: number): TelemetryBatch | null {
      if (!waiting) {
        waiting = true;
        post({ type: 'pull', now });
      }
      const batch = ready;
      ready = null;
      return batch;
    },
    connection: () =>
      workerError
        ? { ...connection, phase: 'closed' as const, lastError: workerError }
        : connection,
    stats: () => stats,
    close() {
      post({ type: 'stop' });
      worker.terminate();
    },
  };
}

export type LiveSource = ReturnType<typeof createLiveSource>;

/** Two batches as one, when the page skipped a frame: later state wins, events keep order. */
function mergeBatches(a: TelemetryBatch | null, b: TelemetryBatch): TelemetryBatch {
  if (!a) return b;
  const byAsset = new Map(a.samples.map((s) => [s.assetId, s]));
  for (const s of b.samples) {
    const earlier = byAsset.get(s.assetId);
    if (!earlier) byAsset.set(s.assetId, s);
    else
      byAsset.set(s.assetId, {
        ...s,
        fields: { ...earlier.fields, ...s.fields },
        position: s.position ?? earlier.position,
        headingDeg: s.headingDeg ?? earlier.headingDeg,
      });
  }
  return {
    samples: [...byAsset.values()],
    events: [...a.events, ...b.events],
    offline: [...a.offline, ...b.offline],
  };
}
