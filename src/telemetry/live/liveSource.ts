import type { TelemetryBatch } from '../ingest/createIngest';
import type { IngestStats } from '../ingest/ingestStats';
import { idleConnection, type ConnectionState } from './connectionState';
import type { IngestReply, IngestRequest } from './workerProtocol';

type StartRequest = Omit<Extract<IngestRequest, { type: 'start' }>, 'type'>;

/**
 * The page's side of the ingest worker. One request for data is always open: the worker
 * answers it when data arrives, and the answer is merged here until the next animation frame
 * takes it. So a message waits at most one frame, and the worker sends nothing unasked.
 */
export function createLiveSource(start: StartRequest) {
  const worker = new Worker(new URL('./ingestWorker.ts', import.meta.url), {
    type: 'module',
    name: 'twindeck-ingest',
  });
  let ready: TelemetryBatch | null = null;
  let connection: ConnectionState = idleConnection(start.broker.url);
  let stats: IngestStats | null = null;
  let workerError: string | null = null;

  worker.onmessage = (event: MessageEvent<IngestReply>) => {
    const reply = event.data;
    connection = reply.connection;
    if (reply.stats) stats = reply.stats;
    if (reply.batch) ready = mergeBatches(ready, reply.batch);
    post({ type: 'pull', now: performance.now() });
  };
  worker.onerror = (event) => {
    workerError = event.message || 'the ingest worker stopped';
  };
  const post = (request: IngestRequest) => worker.postMessage(request);
  post({ type: 'start', ...start });
  post({ type: 'pull', now: performance.now() });

  return {
    take(): TelemetryBatch | null {
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
