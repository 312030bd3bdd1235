import { Opcode } from '@mcap/core';
import { decodeChunk } from './chunkDecoder';
import type { ChunkRef, DecodedChunk, RecordingProblem } from './mcapTypes';
import { McapFormatError, nsToMs, readRecord, RECORD_PREFIX, RecordReader } from './mcapRecords';
import { CONFIG_ATTACHMENT, PLAN_ATTACHMENT, snapshotKindOf } from './recordingFormat';
import { megabytes, type RecordingReadable } from './recordingReadables';
import { playsUpTo, sortChunks, type RecordingIndex } from './recordingIndex';

const WINDOW_BYTES = 4 * 1024 * 1024;
/** Messages outside chunks are grouped into stretches of about this size to load and cache. */
const RUN_BYTES = 1024 * 1024;

/** Reads a file front to back through a window, so small records cost no request each. */
class SequentialBytes {
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;

  constructor(
    private readonly readable: RecordingReadable,
    private readonly size: number,
  ) {}

  async at(offset: number, length: number): Promise<Uint8Array> {
    const inWindow =
      offset >= this.windowStart && offset + length <= this.windowStart + this.window.byteLength;
    if (!inWindow) {
      const want = Math.min(this.size - offset, Math.max(WINDOW_BYTES, length));
      this.window = await this.readable.read(BigInt(offset), BigInt(want));
      this.windowStart = offset;
    }
    const from = offset - this.windowStart;
    return this.window.subarray(from, from + length);
  }
}

export interface ScanOptions {
  /** Why the file is scanned (its summary could not serve), for the problem list. */
  reason: RecordingProblem | null;
  onProgress?: (fraction: number) => void;
  /** Each chunk decoded on the way, to warm a cache. */
  onChunk?: (ref: ChunkRef, chunk: DecodedChunk) => void;
}

/**
 * The index of a file whose summary cannot serve (none, damaged, or the file is cut short),
 * built by reading every record from the start. It stops at the first record that cannot be
 * read, so playback goes up to the last good one; a chunk that fails its checks is skipped.
 */
export async function scanRecording(
  readable: RecordingReadable,
  size: number,
  options: ScanOptions,
): Promise<RecordingIndex> {
  const bytes = new SequentialBytes(readable, size);
  const index: RecordingIndex = {
    size,
    profile: '',
    library: '',
    chunks: [],
    channels: new Map(),
    schemas: new Map(),
    metadata: [],
    attachments: [],
    messageCount: 0,
    indexed: false,
    problems: options.reason ? [options.reason] : [],
  };
  const context = { channels: index.channels, schemas: index.schemas };
  let run: ChunkRef | null = null;
  let runMessages = 0;
  const closeRun = () => {
    if (run && runMessages > 0) index.chunks.push(run);
    run = null;
    runMessages = 0;
  };
  let offset = 8;
  // Set once the end is explained: a footer, the end of the data section, or a record cut off.
  let complete = false;
  let lastProgress = 0;
  try {
    while (offset < size) {
      if (offset + RECORD_PREFIX > size) break;
      // Records are framed by their length: a damaged one ends the scan, not the recording.
      const length = new RecordReader(await bytes.at(offset, RECORD_PREFIX)).lengthAt(0);
      const end = offset + RECORD_PREFIX + length;
      if (end > size) {
        index.problems.push({
          kind: 'truncated',
          message: `the file ends inside the record at byte ${offset} (it was cut short, or that record's length is damaged); ${playsUpTo(index.chunks)}`,
        });
        complete = true;
        break;
      }
      // Parsed by @mcap/core; attachments' CRCs are checked there, chunks' in decodeChunk.
      const recordBytes = await bytes.at(offset, end - offset);
      let record;
      try {
        record = readRecord(new RecordReader(recordBytes), true);
      } catch (error) {
        // A chunk whose own fields are damaged is skipped like one whose contents are: its
        // length still says where the next record starts.
        if (recordBytes[0] !== Opcode.CHUNK) throw error;
        closeRun();
        index.problems.push({
          kind: 'corrupt',
          message: `the chunk at byte ${offset} is damaged (${(error as Error).message}); it is skipped`,
        });
        offset = end;
        continue;
      }
      if (record === undefined) throw new McapFormatError('the record is cut off');
      if (record.type === 'Footer' || record.type === 'DataEnd') {
        complete = true;
        break;
      }
      if (record.type === 'Chunk') {
        closeRun();
        const chunk = decodeChunk(record, context);
        if (chunk.count > 0 || chunk.snapshots.length > 0) {
          const times = [
            ...chunk.logTimes.subarray(0, 1),
            ...chunk.logTimes.subarray(-1),
            ...chunk.snapshots.map((s) => s.t),
          ];
          const ref: ChunkRef = {
            offset,
            length: end - offset,
            kind: 'chunk',
            startTime: Math.min(...times),
            endTime: Math.max(...times),
            hasSnapshot: chunk.snapshots.length > 0,
            hasKeyframe: chunk.snapshots.some((s) => s.kind === 'key'),
          };
          index.chunks.push(ref);
          index.messageCount = (index.messageCount ?? 0) + chunk.count;
          options.onChunk?.(ref, chunk);
        }
        if (chunk.problem !== null)
          index.problems.push({
            kind: 'corrupt',
            message: `the chunk at byte ${offset} is damaged (${chunk.problem}); ${chunk.count > 0 ? 'its messages up to the damage are played' : 'it is skipped'}`,
          });
      } else if (record.type === 'Message') {
        const t = nsToMs(record.logTime);
        if (run && end - run.offset > RUN_BYTES) closeRun();
        run ??= {
          offset,
          length: 0,
          kind: 'records',
          startTime: t,
          endTime: t,
          hasSnapshot: false,
          hasKeyframe: false,
        };
        run.length = end - run.offset;
        run.startTime = Math.min(run.startTime, t);
        run.endTime = Math.max(run.endTime, t);
        const topic = index.channels.get(record.channelId)?.topic;
        const kind = topic === undefined ? null : snapshotKindOf(topic);
        if (kind) {
          run.hasSnapshot = true;
          if (kind === 'key') run.hasKeyframe = true;
        } else index.messageCount = (index.messageCount ?? 0) + 1;
        runMessages++;
      } else if (record.type === 'Channel' || record.type === 'Schema') {
        // Part of the run: decoding a run registers its channels and schemas again, harmlessly.
        if (record.type === 'Channel') {
          if (!index.channels.has(record.id)) index.channels.set(record.id, record);
        } else if (!index.schemas.has(record.id)) {
          index.schemas.set(record.id, { ...record, data: record.data.slice() });
        }
        if (run) run.length = end - run.offset;
      } else {
        closeRun();
        if (record.type === 'Header') {
          index.profile = record.profile;
          index.library = record.library;
        } else if (record.type === 'Metadata') {
          index.metadata.push({ name: record.name, metadata: record.metadata });
        } else if (record.type === 'Attachment') {
          const keep = record.name === CONFIG_ATTACHMENT || record.name === PLAN_ATTACHMENT;
          index.attachments.push({
            name: record.name,
            mediaType: record.mediaType,
            logTime: nsToMs(record.logTime),
            data: keep ? record.data.slice() : null,
          });
        }
      }
      offset = end;
      if (options.onProgress && offset - lastProgress > size / 100) {
        lastProgress = offset;
        options.onProgress(offset / size);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    closeRun();
    index.problems.push({
      kind: 'corrupt',
      message: `the record at byte ${offset} cannot be read (${reason}); ${playsUpTo(index.chunks)}`,
    });
    options.onProgress?.(1);
    return finish(index);
  }
  closeRun();
  if (!complete)
    index.problems.push({
      kind: 'truncated',
      message: `the file ends after ${megabytes(offset)} in the middle of its data (it was cut short); ${playsUpTo(index.chunks)}`,
    });
  options.onProgress?.(1);
  return finish(index);
}

function finish(index: RecordingIndex): RecordingIndex {
  sortChunks(index.chunks);
  return index;
}
