import type { TelemetryBatch } from '../ingest/createIngest';
import { createBatchAccumulator } from '../ingest/batchAccumulator';
import type { IngestStats } from '../ingest/ingestStats';
import { idleConnection, type ConnectionState } from './connectionState';
import type { IngestReply, IngestRequest } from './workerProtocol';
import type { RecordingStatus } from './liveRecorder';
import type { TwinConfig } from '../../config/schema';

type StartRequest = Omit<Extract<IngestRequest, { type: 'start' }>, 'type'>;

/**
 * The page's side of the ingest worker. The worker posts what arrived every few milliseconds;
 * posts are merged here until the next animation frame takes them, so a message waits for the
 * next frame and no longer.
 */
export function createLiveSource(start: StartRequest) {
  const worker = new Worker(new URL('./ingestWorker.ts', import.meta.url), {
    type: 'module',
    name: 'twindeck-ingest',
  });
  const ready = createBatchAccumulator();
  let connection: ConnectionState = idleConnection(start.broker.url);
  let stats: IngestStats | null = null;
  let workerError: string | null = null;

  let recording: RecordingStatus | null = null;
  let finished: ((done: { blob: Blob | null; error: string | null }) => void) | null = null;

  worker.onmessage = (event: MessageEvent<IngestReply>) => {
    const reply = event.data;
    if (reply.type === 'recording') {
      finished?.({ blob: reply.blob, error: reply.error });
      finished = null;
      return;
    }
    connection = reply.connection;
    if (reply.stats) {
      stats = reply.stats;
      recording = reply.recording;
    }
    if (reply.batch) ready.add(reply.batch);
  };
  worker.onerror = (event) => {
    workerError = event.message || 'the ingest worker stopped';
  };
  const post = (request: IngestRequest) => worker.postMessage(request);
  post({ type: 'start', ...start });

  return {
    take: (): TelemetryBatch | null => ready.take(),
    connection: () =>
      workerError
        ? { ...connection, phase: 'closed' as const, lastError: workerError }
        : connection,
    stats: () => stats,
    /** Starts recording what arrives, to a file the page downloads when it stops. */
    startRecording(config: TwinConfig, shift: string) {
      recording = { since: Date.now(), elapsedMs: 0, messages: 0, bytes: 0, error: null };
      post({ type: 'record', config, configText: JSON.stringify(config), shift });
    },
    /** The recording in progress (about twice a second), or null. */
    recording: () => recording,
    stopRecording(): Promise<{ blob: Blob | null; error: string | null }> {
      recording = null;
      return new Promise((resolve) => {
        finished = resolve;
        post({ type: 'stopRecording' });
      });
    },
    close() {
      post({ type: 'stop' });
      worker.terminate();
    },
  };
}

export type LiveSource = ReturnType<typeof createLiveSource>;
