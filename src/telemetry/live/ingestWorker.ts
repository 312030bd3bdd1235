// The ingest worker: MQTT client, decoding and binding off the main thread. The page keeps one
// request for data open at a time; the worker answers it as soon as something arrived (at most
// every few milliseconds), so a message waits for the next frame, not for a polling interval,
// and the page never receives more batches than it takes. Telemetry never reaches React.
import mqtt from 'mqtt';
import { createBinder } from '../binding/createBinder';
import { createIngest, type Ingest } from '../ingest/createIngest';
import { createSparkplugAdapter } from '../ingest/sparkplugAdapter';
import { idleConnection, type ConnectionState } from './connectionState';
import { createLiveClient, type LiveClient } from './liveClient';
import type { IngestReply, IngestRequest } from './workerProtocol';

const STATS_EVERY_MS = 500;
/** Replies no closer together than this: batches of a few ms, not one per message. */
const MIN_REPLY_INTERVAL_MS = 4;

let ingest: Ingest | null = null;
let live: LiveClient | null = null;
let connection: ConnectionState = idleConnection('');
let connectionChanged = true;
let requested = false;
let dataWaiting = false;
let statsAt = 0;
let repliedAt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function reply() {
  timer = undefined;
  if (!requested) return;
  const now = Date.now();
  const statsDue = now - statsAt >= STATS_EVERY_MS;
  if (!dataWaiting && !connectionChanged && !statsDue) {
    // Nothing to say yet: answer when there is, or when the stats fall due.
    timer = setTimeout(reply, STATS_EVERY_MS - (now - statsAt));
    return;
  }
  const wait = repliedAt + MIN_REPLY_INTERVAL_MS - now;
  if (wait > 0) {
    timer = setTimeout(reply, wait);
    return;
  }
  if (statsDue) statsAt = now;
  const message: IngestReply = {
    type: 'batch',
    batch: ingest?.takeBatch() ?? null,
    connection,
    stats: statsDue && ingest ? ingest.stats(now) : null,
  };
  requested = false;
  dataWaiting = false;
  connectionChanged = false;
  repliedAt = now;
  self.postMessage(message);
}

const soon = () => {
  clearTimeout(timer);
  reply();
};

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
      if (!dataWaiting) {
        dataWaiting = true;
        if (requested && timer === undefined) soon();
      }
    },
    onState: (state) => {
      if (state.phase !== connection.phase) connectionChanged = true;
      connection = state;
      if (state.phase === 'connected' && state.connects > 1) current.resetSequences();
      if (connectionChanged && requested) soon();
    },
  });
  live.start();
}

self.onmessage = (event: MessageEvent<IngestRequest>) => {
  const request = event.data;
  if (request.type === 'start') start(request);
  else if (request.type === 'stop') {
    clearTimeout(timer);
    live?.close();
    live = null;
    ingest = null;
  } else {
    requested = true;
    soon();
  }
};
