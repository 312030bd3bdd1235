import type { TwinConfig } from '../../config/schema';
import type { RecordingLocation, ReplayCall, ReplayMessage, ReplayResults } from './replayProtocol';
import type { ReplaySource } from './replaySource';

type CallBody = ReplayCall extends infer C ? (C extends ReplayCall ? Omit<C, 'id'> : never) : never;

export interface OpenReplayOptions {
  location: RecordingLocation;
  /** The twin config to bind with, when the page already has one (else the recording's own). */
  config: TwinConfig | null;
  /** Opening a file made elsewhere can mean a first pass to build snapshots. */
  onProgress?(stage: 'reading' | 'indexing', fraction: number): void;
}

/**
 * Opens a recording in the replay worker (reading, decoding and binding happen there) and
 * returns it as a `ReplaySource`. Rejects with the worker's explanation when it cannot open.
 */
export async function openReplayWorker(options: OpenReplayOptions): Promise<ReplaySource> {
  // Only the callback is kept in the closures below: a source still referenced after it was
  // closed (a stale React callback, say) then holds no config, which can be a large site's.
  const { onProgress } = options;
  const worker = new Worker(new URL('./replayWorker.ts', import.meta.url), {
    type: 'module',
    name: 'twindeck-replay',
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let failure: Error | null = null;
  worker.onmessage = (event: MessageEvent<ReplayMessage>) => {
    const message = event.data;
    if (message.type === 'progress') {
      onProgress?.(message.stage, message.fraction);
      return;
    }
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'error') call?.reject(new Error(message.message));
    else call?.resolve(message.value);
  };
  worker.onerror = (event) => {
    failure = new Error(event.message || 'the replay worker stopped');
    for (const call of waiting.values()) call.reject(failure);
    waiting.clear();
  };
  const call = <M extends keyof ReplayResults>(
    body: Extract<CallBody, { method: M }>,
  ): Promise<ReplayResults[M]> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<ReplayResults[M]>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...body } as ReplayCall);
    });
  };

  let info;
  try {
    info = await call<'open'>({
      method: 'open',
      location: options.location,
      config: options.config,
    });
  } catch (err) {
    worker.terminate();
    throw err;
  }
  return {
    info,
    stateAt: (t) => call<'stateAt'>({ method: 'stateAt', t }),
    readTo: (t) => call<'readTo'>({ method: 'readTo', t }),
    history: (assetId, from, to) => call<'history'>({ method: 'history', assetId, from, to }),
    events: (from, to) => call<'events'>({ method: 'events', from, to }),
    close() {
      worker.terminate();
      for (const pending of waiting.values()) pending.reject(new Error('the recording was closed'));
      waiting.clear();
    },
  };
}
