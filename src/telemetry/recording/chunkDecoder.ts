import { crc32 } from '@foxglove/crc';
import { ByteCursor, McapFormatError } from './byteCursor';
import { decompressChunk } from './compression';
import {
  Op,
  RECORD_PREFIX,
  type ChannelInfo,
  type DecodedChunk,
  type SchemaInfo,
  type SnapshotRef,
} from './mcapTypes';

/** Where channel and schema records found while decoding go, and which channel is snapshots. */
export interface DecodeContext {
  channels: Map<number, ChannelInfo>;
  schemas: Map<number, SchemaInfo>;
  snapshotTopic: string;
}

const MESSAGE_HEADER = 2 + 4 + 8 + 8;

/** The fields of a Chunk record (`bytes` starts at its opcode). */
export function parseChunkRecord(bytes: Uint8Array) {
  const c = new ByteCursor(bytes);
  if (c.u8() !== Op.chunk) throw new McapFormatError('the index points at something not a chunk');
  const length = c.u64('the chunk length');
  c.end = Math.min(c.end, RECORD_PREFIX + length);
  const startTime = c.timeMs();
  const endTime = c.timeMs();
  const uncompressedSize = c.u64('the uncompressed size');
  const crc = c.u32();
  const compression = c.string('the compression name');
  const recordsLength = c.u64('the chunk records');
  const records = c.take(recordsLength, 'the chunk records');
  return { startTime, endTime, uncompressedSize, crc, compression, records };
}

/** Decompresses, checks and decodes one Chunk record. Never throws: failures are `problem`. */
export function decodeChunkRecord(bytes: Uint8Array, context: DecodeContext): DecodedChunk {
  try {
    const chunk = parseChunkRecord(bytes);
    const data = decompressChunk(chunk.compression, chunk.records, chunk.uncompressedSize);
    if (chunk.crc !== 0 && crc32(data) !== chunk.crc)
      throw new McapFormatError('its contents fail their CRC check (the bytes were damaged)');
    return decodeRecordRun(data, context);
  } catch (error) {
    return emptyChunk(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The messages of a run of records (a chunk's contents, or records outside chunks) as columns;
 * schema and channel records update the context. A damaged record ends the run: what came before
 * it is kept and `problem` says why the rest is missing.
 */
export function decodeRecordRun(data: Uint8Array, context: DecodeContext): DecodedChunk {
  const c = new ByteCursor(data);
  let problem: string | null = null;
  // First pass over the record headers only: how many messages, so the columns are sized once.
  let count = 0;
  let validEnd = 0;
  while (c.remaining() > 0) {
    if (c.remaining() < RECORD_PREFIX) {
      problem = `a record is cut off at byte ${c.offset} of ${data.byteLength}`;
      break;
    }
    const op = c.u8();
    const length = c.remaining() >= 8 ? safeLength(c) : -1;
    if (length < 0 || length > c.remaining()) {
      problem = `a record at byte ${c.offset - 1} claims more bytes than there are`;
      break;
    }
    if (op === Op.message && length >= MESSAGE_HEADER) count++;
    c.offset += length;
    validEnd = c.offset;
  }

  const logTimes = new Float64Array(count);
  const publishTimes = new Float64Array(count);
  const channels = new Uint16Array(count);
  const starts = new Uint32Array(count);
  const lengths = new Uint32Array(count);
  const snapshots: SnapshotRef[] = [];
  const snapshotIds = snapshotChannelIds(context);
  let n = 0;
  let sorted = true;
  c.offset = 0;
  c.end = validEnd;
  try {
    while (c.offset < validEnd) {
      const op = c.u8();
      const length = c.u64();
      const end = c.offset + length;
      if (op === Op.message && length >= MESSAGE_HEADER) {
        const channel = c.u16();
        c.offset += 4; // sequence: not needed to replay
        const logTime = c.timeMs();
        const publishTime = c.timeMs();
        if (snapshotIds.has(channel) || isSnapshot(context, channel, snapshotIds)) {
          snapshots.push({ t: logTime, start: c.offset, length: end - c.offset });
        } else {
          if (n > 0 && logTime < (logTimes[n - 1] as number)) sorted = false;
          logTimes[n] = logTime;
          publishTimes[n] = publishTime;
          channels[n] = channel;
          starts[n] = c.offset;
          lengths[n] = end - c.offset;
          n++;
        }
      } else if (op === Op.channel) {
        const sub = new ByteCursor(data, c.offset, end);
        const channel = parseChannelBody(sub);
        if (!context.channels.has(channel.id)) context.channels.set(channel.id, channel);
      } else if (op === Op.schema) {
        const schema = parseSchemaBody(new ByteCursor(data, c.offset, end));
        if (!context.schemas.has(schema.id)) context.schemas.set(schema.id, schema);
      }
      c.offset = end;
    }
  } catch (error) {
    problem ??= error instanceof Error ? error.message : String(error);
  }
  snapshots.sort((a, b) => a.t - b.t);
  const chunk: DecodedChunk = {
    count: n,
    logTimes: logTimes.subarray(0, n),
    publishTimes: publishTimes.subarray(0, n),
    channels: channels.subarray(0, n),
    starts: starts.subarray(0, n),
    lengths: lengths.subarray(0, n),
    data,
    snapshots,
    byteSize: data.byteLength + n * 30 + 256,
    problem,
  };
  return sorted ? chunk : sortByTime(chunk);
}

export function emptyChunk(problem: string | null): DecodedChunk {
  return {
    count: 0,
    logTimes: new Float64Array(0),
    publishTimes: new Float64Array(0),
    channels: new Uint16Array(0),
    starts: new Uint32Array(0),
    lengths: new Uint32Array(0),
    data: new Uint8Array(0),
    snapshots: [],
    byteSize: 256,
    problem,
  };
}

function safeLength(c: ByteCursor): number {
  try {
    return c.u64();
  } catch {
    return -1;
  }
}

function snapshotChannelIds(context: DecodeContext): Set<number> {
  const ids = new Set<number>();
  for (const channel of context.channels.values())
    if (channel.topic === context.snapshotTopic) ids.add(channel.id);
  return ids;
}

/** A snapshot channel declared inside this very chunk (not yet in the set taken at the start). */
function isSnapshot(context: DecodeContext, channel: number, ids: Set<number>): boolean {
  if (context.channels.get(channel)?.topic !== context.snapshotTopic) return false;
  ids.add(channel);
  return true;
}

/** Stable sort of the columns by log time (other writers may interleave channels out of order). */
function sortByTime(chunk: DecodedChunk): DecodedChunk {
  const order = Array.from({ length: chunk.count }, (_, i) => i);
  order.sort((a, b) => (chunk.logTimes[a] as number) - (chunk.logTimes[b] as number) || a - b);
  const pick = <T extends Float64Array | Uint16Array | Uint32Array>(column: T): T => {
    const out = column.slice() as T;
    order.forEach((from, to) => (out[to] = column[from] as number));
    return out;
  };
  return {
    ...chunk,
    logTimes: pick(chunk.logTimes),
    publishTimes: pick(chunk.publishTimes),
    channels: pick(chunk.channels),
    starts: pick(chunk.starts),
    lengths: pick(chunk.lengths),
  };
}

export function parseChannelBody(c: ByteCursor): ChannelInfo {
  const id = c.u16();
  const schemaId = c.u16();
  const topic = c.string('a channel topic');
  const messageEncoding = c.string('a message encoding');
  const metadata = c.stringMap('channel metadata');
  return { id, schemaId, topic, messageEncoding, metadata };
}

export function parseSchemaBody(c: ByteCursor): SchemaInfo {
  const id = c.u16();
  const name = c.string('a schema name');
  const encoding = c.string('a schema encoding');
  const length = c.u32();
  const data = c.take(length, 'schema data').slice();
  return { id, name, encoding, data };
}
