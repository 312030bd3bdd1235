import type { IWritable } from '@mcap/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TwinConfig } from '../../src/config/schema';
import { openRecording } from '../../src/telemetry/recording/openRecording';
import { bytesReadable } from '../../src/telemetry/recording/recordingReadables';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import type { TelemetryBatch } from '../../src/telemetry/ingest/createIngest';
import type { RecordingSink } from '../../src/telemetry/recording/recordingSinks';
import type { AssetSample } from '../../src/telemetry/samples';
import {
  simulatedMessages,
  writeSimulatedShift,
  type ReceivedMessage,
  type SimulatedShiftOptions,
} from '../../src/app/preview/simulatedShift';
import { seekBudget } from './seekBudget';

/** Helpers for the recording tests in src/telemetry/recording (which may not import sim/ or config/). */

export const TEST_START = Date.UTC(2025, 0, 6, 0, 0, 0);

export function loadBundledConfig(siteId: string): { config: TwinConfig; text: string } {
  const path = fileURLToPath(new URL(`../../twin-configs/${siteId}.json`, import.meta.url));
  const text = readFileSync(path, 'utf8');
  const loaded = validateTwinConfig(JSON.parse(text), text);
  if (!loaded.ok) throw new Error(`${path}: ${loaded.issues[0]?.message}`);
  return { config: loaded.config, text };
}

/** A sink that keeps everything in memory, for tests. */
export function memorySink(): RecordingSink & { bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  return {
    write(bytes) {
      parts.push(bytes);
    },
    bytes() {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.byteLength;
      }
      return out;
    },
  };
}

/**
 * An @mcap/core writable in memory, for tests that write MCAP with McapWriter directly (files as
 * other tools or older TwinDecks wrote them).
 */
export function memoryWritable(): { writable: IWritable; bytes(): Uint8Array } {
  const sink = memorySink();
  let position = 0n;
  return {
    writable: {
      position: () => position,
      write: async (buffer) => {
        sink.write(buffer.slice());
        position += BigInt(buffer.byteLength);
      },
    },
    bytes: () => sink.bytes(),
  };
}

/** A bundled site's simulated shift of `minutes`, written by the recording writer into memory. */
export async function simulatedRecording(
  siteId: string,
  minutes: number,
  extra: Partial<SimulatedShiftOptions> = {},
): Promise<{ bytes: Uint8Array; config: TwinConfig; text: string }> {
  const { config, text } = loadBundledConfig(siteId);
  const sink = memorySink();
  await writeSimulatedShift({
    config,
    configText: text,
    sink,
    startTime: TEST_START,
    hours: minutes / 60,
    shift: 'test shift',
    ...extra,
  });
  return { bytes: sink.bytes(), config, text };
}

/** Seeded random numbers in [0, 1) (mulberry32), so a failing seek can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What two states are compared by: per asset position, heading, fields, source time; offline. */
export function comparableState(batch: TelemetryBatch) {
  const samples = [...batch.samples]
    .sort((a, b) => (a.assetId < b.assetId ? -1 : 1))
    .map((s) => ({
      assetId: s.assetId,
      position: s.position,
      headingDeg: s.headingDeg,
      fields: s.fields,
      sourceTime: s.sourceTime,
    }));
  // Through JSON as a snapshot goes: -0 and 0 are one value there.
  return JSON.parse(JSON.stringify({ samples, offline: [...batch.offline].sort() })) as unknown;
}

/**
 * Playing from the start, batch by batch, as a player applies them: each sample merged into the
 * asset's state (fields it lacks kept), then the batch's offline ids. Independent of the replay's
 * own accumulator so a test compares two implementations.
 */
export function createPlayedState() {
  const samples = new Map<string, AssetSample>();
  const offline = new Set<string>();
  return {
    apply(batch: TelemetryBatch) {
      for (const s of batch.samples) {
        const old = samples.get(s.assetId);
        samples.set(s.assetId, {
          ...s,
          fields: { ...old?.fields, ...s.fields },
          position: s.position ?? old?.position,
          headingDeg: s.headingDeg ?? old?.headingDeg,
          gateway: s.gateway ?? old?.gateway,
        });
        offline.delete(s.assetId);
      }
      for (const id of batch.offline) offline.add(id);
    },
    batch(): TelemetryBatch {
      return { samples: [...samples.values()], events: [], offline: [...offline] };
    },
  };
}

/** Where each seek in a recording starts and what it may read (see seekBudget.ts). */
export const seekBudgetOf = (bytes: Uint8Array) => seekBudget(bytesReadable(bytes));

/**
 * For `seeks` seeded random times of a `minutes` recording of a bundled site: the state a seek
 * gives (on a freshly opened replay, cold cache) and the state of playing from the start up to
 * that time, and the bytes each seek read against its budget.
 */
export async function seekVersusPlay(
  siteId: string,
  minutes: number,
  seeks: number,
  seed = 7,
  extra: Partial<SimulatedShiftOptions> = {},
) {
  const { bytes, config } = await simulatedRecording(siteId, minutes, extra);
  const budget = await seekBudgetOf(bytes);
  const player = await openRecording(bytesReadable(bytes), { config });
  const random = seededRandom(seed);
  const { start, end } = player.info;
  const times = Array.from({ length: seeks }, () => Math.round(start + random() * (end - start)));
  // Also exactly at snapshots and just after them, where off-by-one errors would show: one in
  // the middle, and the last keyframe and delta.
  const middle = budget.snapshots[Math.floor(budget.snapshots.length / 2)];
  const lastKey = budget.snapshots.findLast((s) => s.kind === 'key');
  const lastDelta = budget.snapshots.findLast((s) => s.kind === 'delta');
  for (const s of [middle, lastKey, lastDelta]) if (s) times.push(s.t, s.t + 1);
  times.sort((a, b) => a - b);
  const played = createPlayedState();
  const results = [];
  for (const t of times) {
    // Several reads per step, as a player at speed reads frame by frame.
    const cursor = player.cursor();
    const from = Number.isFinite(cursor) ? cursor : start - 1;
    for (let k = 1; k <= 3; k++) played.apply(await player.readTo(from + ((t - from) * k) / 3));
    const seeker = await openRecording(bytesReadable(bytes), { config });
    const seek = await seeker.stateAt(t);
    results.push({
      t,
      seek: comparableState(seek.batch),
      play: comparableState(played.batch()),
      bytesRead: seek.bytesRead,
      budget: budget.boundAt(t),
      assets: seek.batch.samples.length,
    });
  }
  return { results, info: player.info, fileBytes: bytes.byteLength, snapshots: budget.snapshots };
}

/** The first `minutes` of a bundled site's traffic, as received (for writers under test). */
export async function receivedMessages(siteId: string, minutes: number) {
  const { config, text } = loadBundledConfig(siteId);
  const messages: ReceivedMessage[] = [];
  await simulatedMessages({ config, startTime: TEST_START, hours: minutes / 60 }, (m) => {
    messages.push(m);
  });
  return { messages, config, text };
}
