import { createReplay } from './createReplay';
import type { RecordingProblem } from './mcapTypes';
import { startsWithMagic } from './mcapRecords';
import {
  CONFIG_ATTACHMENT,
  DEFAULT_CACHE_BYTES,
  METADATA_NAME,
  PLAN_ATTACHMENT,
  SNAPSHOT_TOPIC,
  snapshotKindOf,
} from './recordingFormat';
import type { RecordingIndex } from './recordingIndex';
import { RecordingOpenError, type RecordingReadable } from './recordingReadables';
import { RecordingReader } from './recordingReader';
import { readSummary, SummaryUnusable } from './readSummary';
import type { OpenRecordingOptions, Replay, ReplayInfo } from './replayTypes';
import { scanRecording } from './scanRecording';

export type * from './replayTypes';

/**
 * Opens a recording for playback. A file that is damaged, cut short, unindexed or from another
 * tool still opens: what can be played is played, and `info.problems` says what is wrong. Only
 * a file that is not MCAP at all (or unreadable) rejects, with a RecordingOpenError.
 */
export async function openRecording(
  readable: RecordingReadable,
  options: OpenRecordingOptions = {},
): Promise<Replay> {
  const index = await indexRecording(readable, options);
  const problems = [...(readable.notes ?? []), ...index.problems];
  const info = describe(index, problems);
  const resolved =
    typeof options.config === 'function' ? options.config(info.configText) : options.config;
  const config = resolved ?? null;
  if (!config)
    problems.push({
      kind: 'noConfig',
      message: 'no twin config to bind the messages to: nothing will move until one is given',
    });
  const reader = new RecordingReader(
    readable,
    index,
    options.cacheBytes ?? DEFAULT_CACHE_BYTES,
    problems,
  );
  return createReplay(reader, info, config, options);
}

/** The in-memory index of a recording: its summary, or a scan when that cannot serve. */
export async function indexRecording(
  readable: RecordingReadable,
  options: Pick<OpenRecordingOptions, 'onProgress'> = {},
): Promise<RecordingIndex> {
  let size: number;
  let head: Uint8Array;
  try {
    size = Number(await readable.size());
    head = size >= 8 ? await readable.read(0n, 8n) : new Uint8Array(0);
  } catch (error) {
    throw new RecordingOpenError(`the recording cannot be read: ${(error as Error).message}`);
  }
  if (new TextDecoder().decode(head) === 'version ')
    throw new RecordingOpenError(
      'this is a Git LFS pointer, not the recording itself: fetch the file with `git lfs pull`',
    );
  if (size < 8 || !startsWithMagic(head))
    throw new RecordingOpenError(
      size === 0
        ? 'the recording is empty'
        : 'this is not an MCAP recording (it does not start with the MCAP magic bytes)',
    );
  try {
    return await readSummary(readable, size);
  } catch (error) {
    if (!(error instanceof SummaryUnusable)) throw error;
    const reason: RecordingProblem = {
      kind: error.kind,
      message: `${error.message}: the file was read from start to end to open it`,
    };
    return scanRecording(readable, size, { reason, onProgress: options.onProgress });
  }
}

const text = (bytes: Uint8Array | null | undefined) =>
  bytes ? new TextDecoder().decode(bytes) : undefined;

function describe(index: RecordingIndex, problems: RecordingProblem[]): ReplayInfo {
  const meta = index.metadata.filter((m) => m.name === METADATA_NAME).at(-1)?.metadata;
  const number = (key: string) => {
    const v = meta?.get(key);
    const n = v === undefined ? NaN : Number(v);
    return Number.isFinite(n) ? n : null;
  };
  let first = Infinity;
  let last = -Infinity;
  for (const c of index.chunks) {
    first = Math.min(first, c.startTime);
    last = Math.max(last, c.endTime);
  }
  const start = number('start') ?? (Number.isFinite(first) ? first : 0);
  const end = number('end') ?? (Number.isFinite(last) ? last : start);
  const topics = new Set<string>();
  for (const c of index.channels.values())
    if (snapshotKindOf(c.topic) === null) topics.add(c.topic);
  const hasSnapshots = [...index.channels.values()].some((c) => c.topic === SNAPSHOT_TOPIC);
  return {
    siteId: meta?.get('siteId') ?? null,
    shift: meta?.get('shift') ?? null,
    start,
    end: Math.max(start, end),
    snapshotEveryMs: number('snapshotEveryMs'),
    hasSnapshots,
    configText: text(index.attachments.find((a) => a.name === CONFIG_ATTACHMENT)?.data),
    planText: text(index.attachments.find((a) => a.name === PLAN_ATTACHMENT)?.data),
    messageCount: index.messageCount,
    topics: [...topics].sort(),
    indexed: index.indexed,
    library: index.library,
    profile: index.profile,
    problems,
  };
}
