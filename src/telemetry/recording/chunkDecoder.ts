import { crc32 } from '@foxglove/crc';
import type { Chunk, TypedMcapRecord } from '@mcap/core';
import { decompressChunk } from './compression';
import type { ChannelInfo, DecodedChunk, SchemaInfo, SnapshotRef } from './mcapTypes';
import { McapFormatError, readRecord, RecordReader, type MessageInPlace } from './mcapRecords';
import { snapshotKindOf } from './recordingFormat';

/** Where channel and schema records found while decoding go. */
export interface DecodeContext {
  channels: Map<number, ChannelInfo>;
  schemas: Map<number, SchemaInfo>;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Decompresses, checks and decodes one Chunk record (`bytes` starts at its opcode), parsed by
 * @mcap/core. Never throws: failures are `problem`.
 */
export function decodeChunkRecord(bytes: Uint8Array, context: DecodeContext): DecodedChunk {
  try {
    const record = readRecord(new RecordReader(bytes), false);
    if (record === undefined) throw new McapFormatError('the chunk is cut off');
    if (record.type !== 'Chunk')
      throw new McapFormatError(`a ${record.type} record is where a chunk should be`);
    return decodeChunk(record, context);
  } catch (error) {
    return emptyChunk(reason(error));
  }
}

/** A parsed Chunk record's messages: decompressed, its CRC checked, its records decoded. */
export function decodeChunk(chunk: Chunk, context: DecodeContext): DecodedChunk {
  try {
    const size = Number(chunk.uncompressedSize);
    let data = decompressChunk(chunk.compression, chunk.records, size);
    // Uncompressed records are a view of the bytes read; the cache keeps its own copy.
    if (data === chunk.records) data = data.slice();
    if (chunk.uncompressedCrc !== 0 && crc32(data) !== chunk.uncompressedCrc)
      throw new McapFormatError('its contents fail their CRC check (the bytes were damaged)');
    return decodeRecordRun(data, context);
  } catch (error) {
    return emptyChunk(reason(error));
  }
}

/** Columns that grow by doubling, cut to length at the end. */
class MessageColumns {
  count = 0;
  logTimes: Float64Array;
  publishTimes: Float64Array;
  channels: Uint16Array;
  starts: Uint32Array;
  lengths: Uint32Array;

  constructor(capacity: number) {
    this.logTimes = new Float64Array(capacity);
    this.publishTimes = new Float64Array(capacity);
    this.channels = new Uint16Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.lengths = new Uint32Array(capacity);
  }

  push(logTime: number, publishTime: number, channel: number, start: number, length: number) {
    if (this.count === this.logTimes.length) this.grow();
    const n = this.count++;
    this.logTimes[n] = logTime;
    this.publishTimes[n] = publishTime;
    this.channels[n] = channel;
    this.starts[n] = start;
    this.lengths[n] = length;
  }

  private grow() {
    const size = Math.max(16, this.logTimes.length * 2);
    const more = <T extends Float64Array | Uint16Array | Uint32Array>(
      old: T,
      make: new (n: number) => T,
    ) => {
      const next = new make(size);
      next.set(old);
      return next;
    };
    this.logTimes = more(this.logTimes, Float64Array);
    this.publishTimes = more(this.publishTimes, Float64Array);
    this.channels = more(this.channels, Uint16Array);
    this.starts = more(this.starts, Uint32Array);
    this.lengths = more(this.lengths, Uint32Array);
  }
}

/** A message record takes at least this many bytes (prefix 9, then 2 + 4 + 8 + 8). */
const MIN_MESSAGE_RECORD = 31;

/**
 * The messages of a run of records (a chunk's contents, or records outside chunks) as columns:
 * messages read in place (`RecordReader.message`), the other records parsed by @mcap/core;
 * schema and channel records update the context. A damaged record ends the run: what came
 * before it is kept and `problem` says why the rest is missing.
 */
export function decodeRecordRun(data: Uint8Array, context: DecodeContext): DecodedChunk {
  const reader = new RecordReader(data);
  const columns = new MessageColumns(Math.ceil(data.byteLength / (MIN_MESSAGE_RECORD * 3)));
  const snapshots: SnapshotRef[] = [];
  const snapshotChannels = new Map<number, { kind: 'key' | 'delta'; encoding: string }>();
  const noteSnapshotChannel = (channel: ChannelInfo) => {
    const kind = snapshotKindOf(channel.topic);
    if (kind) snapshotChannels.set(channel.id, { kind, encoding: channel.messageEncoding });
  };
  for (const channel of context.channels.values()) noteSnapshotChannel(channel);
  let problem: string | null = null;
  let sorted = true;
  let last = -Infinity;
  const message: MessageInPlace = {
    channelId: 0,
    logTime: 0,
    publishTime: 0,
    dataStart: 0,
    dataLength: 0,
  };
  while (reader.bytesRemaining() > 0) {
    const at = reader.offset;
    let record: TypedMcapRecord | undefined;
    try {
      if (reader.message(message)) {
        const { channelId, logTime, dataStart, dataLength } = message;
        const snapshot = snapshotChannels.get(channelId);
        if (snapshot) {
          snapshots.push({ t: logTime, ...snapshot, start: dataStart, length: dataLength });
          continue;
        }
        if (logTime < last) sorted = false;
        last = logTime;
        columns.push(logTime, message.publishTime, channelId, dataStart, dataLength);
        continue;
      }
      record = readRecord(reader, true);
    } catch (error) {
      problem = `the record at byte ${at} of ${data.byteLength} is damaged (${reason(error)})`;
      break;
    }
    if (record === undefined) {
      problem = `a record is cut off at byte ${at} of ${data.byteLength}`;
      break;
    }
    if (record.type === 'Channel') {
      if (!context.channels.has(record.id)) {
        context.channels.set(record.id, record);
        noteSnapshotChannel(record);
      }
    } else if (record.type === 'Schema') {
      if (!context.schemas.has(record.id))
        context.schemas.set(record.id, { ...record, data: record.data.slice() });
    }
  }
  snapshots.sort((a, b) => a.t - b.t);
  const n = columns.count;
  // Cut to length; copied when the guess was far too big (a chunk that is mostly a snapshot).
  const cut = <T extends Float64Array | Uint16Array | Uint32Array>(column: T): T =>
    (n < column.length / 2 ? column.slice(0, n) : column.subarray(0, n)) as T;
  const chunk: DecodedChunk = {
    count: n,
    logTimes: cut(columns.logTimes),
    publishTimes: cut(columns.publishTimes),
    channels: cut(columns.channels),
    starts: cut(columns.starts),
    lengths: cut(columns.lengths),
    data,
    snapshots,
    byteSize: data.byteLength + Math.max(n, columns.logTimes.length / 2) * 30 + 256,
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
