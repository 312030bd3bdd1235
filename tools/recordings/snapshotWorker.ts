import { parentPort } from 'node:worker_threads';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import {
  createSnapshotTaker,
  type SnapshotTaker,
  type SnapshotTakerOptions,
} from '../../src/telemetry/recording/snapshotTaker';

/** The snapshot side of the parallel shift generator: the ingest runs here, the MCAP writing there. */

export interface SnapshotWorkerInit {
  type: 'init';
  configText: string;
  snapshot: SnapshotTakerOptions;
}

/** Messages in log-time order, packed: payload i is `payloads[ends[i-1]..ends[i])`. */
export interface SnapshotWorkerBatch {
  type: 'batch';
  id: number;
  /** Topics first used in this batch, numbered on from the previous batch's. */
  newTopics: string[];
  topics: Uint32Array;
  times: Float64Array;
  payloads: Uint8Array;
  ends: Uint32Array;
}

export interface SnapshotWorkerReply {
  id: number;
  /** Snapshots to write before message `before` of the batch. */
  snapshots: Array<{ before: number; t: number; kind: 'key' | 'delta'; data: Uint8Array }>;
  stats: ReturnType<SnapshotTaker['stats']>;
}

const port = parentPort;
if (!port) throw new Error('snapshotWorker.ts runs in a worker thread');
let taker: SnapshotTaker | null = null;
const topics: string[] = [];

port.on('message', (message: SnapshotWorkerInit | SnapshotWorkerBatch) => {
  if (message.type === 'init') {
    const loaded = validateTwinConfig(JSON.parse(message.configText), message.configText);
    if (!loaded.ok) throw new Error(`the config is not valid: ${loaded.issues[0]?.message}`);
    taker = createSnapshotTaker(loaded.config, message.snapshot);
    return;
  }
  if (!taker) throw new Error('a batch came before init');
  topics.push(...message.newTopics);
  const reply: SnapshotWorkerReply = { id: message.id, snapshots: [], stats: taker.stats() };
  let start = 0;
  for (let i = 0; i < message.times.length; i++) {
    const t = message.times[i] as number;
    const end = message.ends[i] as number;
    const snapshot = taker.before(t);
    if (snapshot) reply.snapshots.push({ before: i, ...snapshot });
    taker.handle(
      topics[message.topics[i] as number] as string,
      message.payloads.subarray(start, end),
      t,
    );
    start = end;
  }
  reply.stats = taker.stats();
  port.postMessage(
    reply,
    reply.snapshots.map((s) => s.data.buffer as ArrayBuffer),
  );
});
