import { crc32 } from '@foxglove/crc';
import { ByteCursor, McapFormatError } from './byteCursor';
import { decodeChunkRecord, parseChannelBody, parseSchemaBody } from './chunkDecoder';
import {
  Op,
  RECORD_PREFIX,
  type ChunkRef,
  type DecodedChunk,
  type RecordingProblem,
} from './mcapTypes';
import { CONFIG_ATTACHMENT, PLAN_ATTACHMENT, SNAPSHOT_TOPIC } from './recordingFormat';
import { megabytes, type RecordingReadable } from './recordingReadables';
import { playsUpTo, sortChunks, type RecordingIndex } from './recordingIndex';

const WINDOW_BYTES = 4 * 1024 * 1024;
/** Messages outside chunks are grouped into stretches of about this size to load and cache. */
const RUN_BYTES = 1024 * 1024;
const MESSAGE_TIME_OFFSET = 2 + 4;

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
  const context = {
    channels: index.channels,
    schemas: index.schemas,
    snapshotTopic: SNAPSHOT_TOPIC,
  };
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
      const prefix = new ByteCursor(await bytes.at(offset, RECORD_PREFIX));
      const op = prefix.u8();
      const length = prefix.u64('a record length');
      const end = offset + RECORD_PREFIX + length;
      if (end > size) {
        index.problems.push({
          kind: 'truncated',
          message: `the file ends inside the record at byte ${offset} (it was cut short, or that record's length is damaged); ${playsUpTo(index.chunks)}`,
        });
        complete = true;
        break;
      }
      if (op === Op.footer || op === Op.dataEnd) {
        complete = true;
        break;
      }
      if (op === Op.chunk) {
        closeRun();
        const record = (await bytes.at(offset, end - offset)).slice();
        const chunk = decodeChunkRecord(record, context);
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
      } else {
        const body = new ByteCursor(await bytes.at(offset + RECORD_PREFIX, length));
        if (op === Op.message) {
          if (length < MESSAGE_TIME_OFFSET + 16)
            throw new McapFormatError('a message record is too short');
          const channel = body.u16();
          body.offset = MESSAGE_TIME_OFFSET;
          const t = body.timeMs();
          if (run && end - run.offset > RUN_BYTES) closeRun();
          run ??= {
            offset,
            length: 0,
            kind: 'records',
            startTime: t,
            endTime: t,
            hasSnapshot: false,
          };
          run.length = end - run.offset;
          run.startTime = Math.min(run.startTime, t);
          run.endTime = Math.max(run.endTime, t);
          if (index.channels.get(channel)?.topic === SNAPSHOT_TOPIC) run.hasSnapshot = true;
          else index.messageCount = (index.messageCount ?? 0) + 1;
          runMessages++;
        } else if (op === Op.channel || op === Op.schema) {
          // Part of the run: decoding a run registers its channels and schemas again, harmlessly.
          if (op === Op.channel) {
            const channel = parseChannelBody(body);
            if (!index.channels.has(channel.id)) index.channels.set(channel.id, channel);
          } else {
            const schema = parseSchemaBody(body);
            if (!index.schemas.has(schema.id)) index.schemas.set(schema.id, schema);
          }
          if (run) run.length = end - run.offset;
        } else {
          closeRun();
          if (op === Op.header) {
            index.profile = body.string('the header profile');
            index.library = body.string('the header library');
          } else if (op === Op.metadata) {
            const name = body.string('a metadata name');
            index.metadata.push({ name, metadata: body.stringMap('metadata') });
          } else if (op === Op.attachment) {
            index.attachments.push(readAttachment(body));
          }
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

function readAttachment(body: ByteCursor) {
  const start = body.offset;
  const logTime = body.timeMs();
  body.timeMs(); // create time
  const name = body.string('an attachment name');
  const mediaType = body.string('an attachment media type');
  const length = body.u64('attachment data');
  const data = body.take(length, 'attachment data');
  const crcEnd = body.offset;
  const crc = body.u32();
  if (crc !== 0 && crc32(body.bytes.subarray(start, crcEnd)) !== crc)
    throw new McapFormatError(`the attachment ${name} fails its CRC check`);
  const keep = name === CONFIG_ATTACHMENT || name === PLAN_ATTACHMENT;
  return { name, mediaType, logTime, data: keep ? data.slice() : null };
}
