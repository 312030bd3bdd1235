// The ingest worker: MQTT client, decoding and binding off the main thread. It posts what
// arrived as soon as it arrived, at most every few milliseconds, rather than waiting to be asked:
// under a software GPU the page's frame blocks for a second or more, and a batch asked for
// during one frame would only come back after the next had started — a whole frame of latency.
// Posted batches queue on the page and are merged there; telemetry never reaches React.
import mqtt from 'mqtt';
import { createBinder } from '../binding/createBinder';
import { createIngest, type Ingest } from '../ingest/createIngest';
import { createSparkplugAdapter } from '../ingest/sparkplugAdapter';
import { idleConnection, type ConnectionState } from './connectionState';
import { createLiveClient, type LiveClient } from './liveClient';
import { createLiveRecorder } from './liveRecorder';
import type { IngestReply, IngestRequest } from './workerProtocol';

const STATS_EVERY_MS = 500;
/** Posts no closer together than this: batches of a few ms, not one per message. */
const MIN_POST_INTERVAL_MS = 8;

let ingest: Ingest | null = null;
let live: LiveClient | null = null;
let connection: ConnectionState = idleConnection('');
let connectionChanged = true;
let dataWaiting = false;
let statsAt = 0;
let postedAt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let statsTimer: ReturnType<typeof setInterval> | undefined;
const recorder = createLiveRecorder();

function post() {
  timer = undefined;
  const now = Date.now();
  const statsDue = now - statsAt >= STATS_EVERY_MS;
  if (!dataWaiting && !connectionChanged && !statsDue) return;
  if (statsDue) statsAt = now;
  const message: IngestReply = {
    type: 'batch',
    batch: dataWaiting ? (ingest?.takeBatch() ?? null) : null,
    connection,
    stats: statsDue && ingest ? ingest.stats(now) : null,
    recording: statsDue ? recorder.status() : null,
  };
  dataWaiting = false;
  connectionChanged = false;
  postedAt = now;
  self.postMessage(message);
}

/**
 * Posts now, or as soon as the minimum interval since the last post allows. A worker busy with a
 * flood of socket frames runs its timers late, so a batch already due is posted right here
 * rather than left to a timer that may wait behind the next frames.
 */
function schedule() {
  const wait = postedAt + MIN_POST_INTERVAL_MS - Date.now();
  if (wait <= 0) {
    clearTimeout(timer);
    post();
    return;
  }
  if (timer === undefined) timer = setTimeout(post, wait);
}

function start(request: Extract<IngestRequest, { type: 'start' }>) {
  live?.close();
  const binder = createBinder(request.bindings, {
    geoOrigin: request.geoOrigin,
    fieldKinds: new Map(request.fieldKinds),
  });
  const current = createIngest({ binder, sparkplug: createSparkplugAdapter() });
  ingest = current;
  connection = idleConnection(request.broker.url);
  live = createLiveClient({
    ...request.broker,
    filters: binder.filters,
    connect: mqtt.connect,
    onMessage: (topic, payload, at) => {
      current.handle(topic, payload, at);
      recorder.message(topic, payload, at);
      dataWaiting = true;
      schedule();
    },
    onState: (state) => {
      if (state.phase !== connection.phase) connectionChanged = true;
      connection = state;
      if (state.phase === 'connected' && state.connects > 1) current.resetSequences();
      if (connectionChanged) schedule();
    },
  });
  live.start();
  clearInterval(statsTimer);
  statsTimer = setInterval(schedule, STATS_EVERY_MS);
}

self.onmessage = (event: MessageEvent<IngestRequest>) => {
  const request = event.data;
  if (request.type === 'start') start(request);
  else if (request.type === 'record') {
    void recorder.start(request.config, request.configText, request.shift);
  } else if (request.type === 'stopRecording') {
    void recorder.stop().then((done) => {
      const message: IngestReply = { type: 'recording', ...done };
      self.postMessage(message);
    });
  } else {
    clearTimeout(timer);
    clearInterval(statsTimer);
    live?.close();
    live = null;
    ingest = null;
  }
};
