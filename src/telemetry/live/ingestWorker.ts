// The ingest worker: MQTT client, decoding and binding off the main thread. The page pulls one
// batch per animation frame; telemetry never reaches React directly.
import mqtt from 'mqtt';
import { createBinder } from '../binding/createBinder';
import { createIngest, type Ingest } from '../ingest/createIngest';
import { createSparkplugAdapter } from '../ingest/sparkplugAdapter';
import { idleConnection, type ConnectionState } from './connectionState';
import { createLiveClient, type LiveClient } from './liveClient';
import type { IngestReply, IngestRequest } from './workerProtocol';

const STATS_EVERY_MS = 500;

let ingest: Ingest | null = null;
let live: LiveClient | null = null;
let connection: ConnectionState = idleConnection('');
let statsAt = 0;

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
    onMessage: (topic, payload, at) => current.handle(topic, payload, at),
    onState: (state) => {
      connection = state;
      if (state.phase === 'connected' && state.connects > 1) current.resetSequences();
    },
  });
  live.start();
}

self.onmessage = (event: MessageEvent<IngestRequest>) => {
  const request = event.data;
  if (request.type === 'start') start(request);
  else if (request.type === 'stop') {
    live?.close();
    live = null;
    ingest = null;
  } else {
    const due = request.now - statsAt >= STATS_EVERY_MS;
    if (due) statsAt = request.now;
    const reply: IngestReply = {
      type: 'batch',
      batch: ingest?.takeBatch() ?? null,
      connection,
      stats: due && ingest ? ingest.stats(Date.now()) : null,
    };
    self.postMessage(reply);
  }
};
