// The replay worker: reads a recording (MCAP) through its index, decodes and binds its messages
// with the same ingest as live telemetry, and answers the player's calls in order. The page
// never parses a recording itself, so scrubbing an 8-hour shift costs the main thread nothing.
import { openRecording, type Replay } from '../recording/openRecording';
import { blobReadable, httpReadable } from '../recording/recordingReadables';
import type { ReplayCall, ReplayMessage, ReplayResults } from './replayProtocol';
import type { ReplayInfo } from './replaySource';

let replay: Replay | null = null;

const post = (message: ReplayMessage) => self.postMessage(message);
const progress = (stage: 'reading' | 'indexing', fraction: number) =>
  post({ type: 'progress', stage, fraction });

async function open(call: Extract<ReplayCall, { method: 'open' }>): Promise<ReplayInfo> {
  replay?.close();
  replay = null;
  const { location, config } = call;
  const readable =
    location.kind === 'url'
      ? await httpReadable(location.url, {
          onProgress: (loaded, total) => progress('reading', total ? loaded / total : 0),
        })
      : blobReadable(location.file);
  const opened = await openRecording(readable, {
    config: config ?? undefined,
    onProgress: (fraction) => progress('reading', fraction),
  });
  // Recordings made elsewhere have no snapshots: one pass builds them, so seeks stay cheap.
  if (!opened.info.hasSnapshots) await opened.buildSnapshots((f) => progress('indexing', f));
  replay = opened;
  const info = opened.info;
  return {
    siteId: info.siteId ?? config?.site.id ?? '',
    shift:
      info.shift ?? (location.kind === 'file' ? location.name : location.url.split('/').pop()!),
    start: info.start,
    end: info.end,
    messageCount: info.messageCount ?? 0,
    hasSnapshots: opened.info.hasSnapshots,
    configText: info.configText,
    planText: info.planText,
    problems: info.problems.map((p) => p.message),
  };
}

async function answer(call: ReplayCall): Promise<ReplayResults[keyof ReplayResults]> {
  if (call.method === 'open') return open(call);
  if (call.method === 'close') {
    replay?.close();
    replay = null;
    return null;
  }
  if (!replay) throw new Error('no recording is open');
  switch (call.method) {
    case 'stateAt':
      return (await replay.stateAt(call.t)).batch;
    case 'readTo':
      return replay.readTo(call.t);
    case 'history': {
      const history = await replay.history(call.assetId, call.from, call.to);
      return { t: Array.from(history.t), fields: history.fields };
    }
    case 'events':
      return replay.events(call.from, call.to);
  }
}

self.onmessage = (event: MessageEvent<ReplayCall>) => {
  const call = event.data;
  answer(call).then(
    (value) => post({ type: 'result', id: call.id, value }),
    (err: unknown) =>
      post({
        type: 'error',
        id: call.id,
        message: err instanceof Error ? err.message : String(err),
      }),
  );
};
