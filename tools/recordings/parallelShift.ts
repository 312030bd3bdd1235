import { Worker } from 'node:worker_threads';
import { recordingMetadata } from '../../src/telemetry/recording/createRecordingWriter';
import { createRecordingFile } from '../../src/telemetry/recording/recordingFile';
import type { RecordingSink } from '../../src/telemetry/recording/recordingSinks';
import { createSnapshotTaker } from '../../src/telemetry/recording/snapshotTaker';
import {
  simulatedMessages,
  type ReceivedMessage,
  type SimulatedShiftOptions,
} from '../../src/app/preview/simulatedShift';
import type {
  SnapshotWorkerBatch,
  SnapshotWorkerInit,
  SnapshotWorkerReply,
} from './snapshotWorker';

/** One file of a parallel run: the shift's first `hours`, closed at that time. */
export interface ShiftOutput {
  sink: RecordingSink;
  hours: number;
}

export interface ParallelShiftOptions extends Omit<SimulatedShiftOptions, 'sink' | 'hours'> {
  outputs: ShiftOutput[];
}

export interface ShiftOutputStats {
  hours: number;
  messages: number;
  snapshots: number;
  keyframes: number;
  snapshotBytes: number;
  keyframeBytes: number;
  lastSnapshotBytes: number;
  bytesWritten: number;
}

/** Messages per batch handed to the snapshot thread, and batches it may be behind. */
const BATCH = 4096;
const IN_FLIGHT = 3;

interface Received extends ReceivedMessage {
  /** Log time: the receive time, never before the previous message's (as the writer clamps). */
  t: number;
}

/**
 * A simulated shift written on two threads, with the same bytes as `writeSimulatedShift`: this
 * one simulates and writes MCAP (createRecordingFile), a worker runs the ingest that takes the
 * snapshots (createSnapshotTaker) and sends them back to be written before their message. Each
 * output gets the shift up to its own length — so one run makes an 8-hour file and its first
 * hour as a file of its own (its own index and summary, closed at 1:00:00).
 */
export async function writeSimulatedShiftParallel(
  options: ParallelShiftOptions,
): Promise<ShiftOutputStats[]> {
  const takerOptions = {
    everyMs: options.snapshotEveryMs,
    maxMessages: options.snapshotMaxMessages,
    keyRatio: options.snapshotKeyRatio,
  };
  const schedule = createSnapshotTaker(options.config, takerOptions).metadata();
  const hours = Math.max(...options.outputs.map((o) => o.hours));
  const outputs = options.outputs.map((output) => ({
    hours: output.hours,
    end: options.startTime + output.hours * 3600_000,
    // The longest keeps what arrives after its end, as writeSimulatedShift does; others are cut.
    cut: output.hours < hours,
    lastT: -Infinity,
    file: createRecordingFile({
      sink: output.sink,
      configText: options.configText,
      planText: options.planText,
      startTime: options.startTime,
      library: 'twindeck simulated shift',
      chunkBytes: options.chunkBytes,
      snapshotMetadata: schedule,
    }),
    open: true,
    stats: {
      hours: output.hours,
      messages: 0,
      snapshots: 0,
      keyframes: 0,
      snapshotBytes: 0,
      keyframeBytes: 0,
      lastSnapshotBytes: 0,
      bytesWritten: 0,
    },
  }));

  const worker = new Worker(new URL('./snapshotWorker.mjs', import.meta.url));
  const waiting = new Map<number, (reply: SnapshotWorkerReply) => void>();
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    worker.on('error', (error) => {
      failure = error;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (waiting.size > 0) reject(failure ?? new Error(`the snapshot thread exited (${code})`));
    });
  });
  failed.catch(() => undefined);
  worker.on('message', (reply: SnapshotWorkerReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  worker.postMessage({
    type: 'init',
    configText: options.configText,
    snapshot: takerOptions,
  } satisfies SnapshotWorkerInit);

  const topicIds = new Map<string, number>();
  let newTopics: string[] = [];
  let batch: Received[] = [];
  let batchId = 0;
  let lastLogTime = -Infinity;
  const inFlight: Array<{ messages: Received[]; reply: Promise<SnapshotWorkerReply> }> = [];

  const dispatch = () => {
    const messages = batch;
    batch = [];
    const size = messages.reduce((n, m) => n + m.payload.byteLength, 0);
    const payloads = new Uint8Array(size);
    const ends = new Uint32Array(messages.length);
    const topics = new Uint32Array(messages.length);
    const times = new Float64Array(messages.length);
    let at = 0;
    messages.forEach((m, i) => {
      payloads.set(m.payload, at);
      at += m.payload.byteLength;
      ends[i] = at;
      topics[i] = topicIds.get(m.topic) as number;
      times[i] = m.t;
    });
    const id = batchId++;
    const reply = new Promise<SnapshotWorkerReply>((resolve) => waiting.set(id, resolve));
    worker.postMessage(
      { type: 'batch', id, newTopics, topics, times, payloads, ends } satisfies SnapshotWorkerBatch,
      [payloads.buffer, ends.buffer, topics.buffer, times.buffer],
    );
    newTopics = [];
    inFlight.push({ messages, reply: Promise.race([reply, failed]) });
  };

  /** Writes the oldest batch in flight once its snapshots are back. */
  const writeOldest = async () => {
    const { messages, reply } = inFlight.shift()!;
    const { snapshots } = await reply;
    let s = 0;
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i] as Received;
      for (const output of outputs) {
        if (!output.open) continue;
        if (output.cut && m.t > output.end) {
          output.open = false;
          await closeOutput(output);
          continue;
        }
        const begun = output.file.begin(m.t);
        if (begun) await begun;
      }
      for (; s < snapshots.length && (snapshots[s] as { before: number }).before === i; s++) {
        const snapshot = snapshots[s]!;
        for (const output of outputs) {
          if (!output.open) continue;
          await output.file.snapshot(snapshot);
          output.stats.snapshots++;
          output.stats.snapshotBytes += snapshot.data.byteLength;
          output.stats.lastSnapshotBytes = snapshot.data.byteLength;
          if (snapshot.kind === 'key') {
            output.stats.keyframes++;
            output.stats.keyframeBytes += snapshot.data.byteLength;
          }
        }
      }
      for (const output of outputs) {
        if (!output.open) continue;
        await output.file.message(m.topic, m.payload, m.t, m.publishTime, {
          qos: m.qos,
          retain: m.retain,
        });
        output.stats.messages++;
        output.lastT = m.t;
      }
    }
  };

  const closeOutput = async (output: (typeof outputs)[number]) => {
    await output.file.close(
      recordingMetadata({
        siteId: options.config.site.id,
        shift: options.shift,
        start: options.startTime,
        end: Math.max(output.end, output.lastT),
        schedule,
        extra: options.metadata,
      }),
    );
    output.stats.bytesWritten = output.file.bytesWritten();
  };

  try {
    const drain = async () => {
      while (inFlight.length > IN_FLIGHT) await writeOldest();
    };
    await simulatedMessages({ ...options, hours }, (m) => {
      if (!topicIds.has(m.topic)) {
        topicIds.set(m.topic, topicIds.size);
        newTopics.push(m.topic);
      }
      const t = Math.max(m.receiveTime, lastLogTime);
      lastLogTime = t;
      (m as Received).t = t;
      batch.push(m as Received);
      if (batch.length < BATCH) return;
      dispatch();
      return inFlight.length > IN_FLIGHT ? drain() : undefined;
    });
    if (batch.length > 0) dispatch();
    while (inFlight.length > 0) await writeOldest();
    for (const output of outputs) {
      if (!output.open) continue;
      output.open = false;
      await output.file.begin(options.startTime);
      await closeOutput(output);
    }
  } finally {
    await worker.terminate();
  }
  return outputs.map((o) => o.stats);
}
