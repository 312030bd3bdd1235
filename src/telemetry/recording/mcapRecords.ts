import { Opcode, parseMagic, parseRecord, type TypedMcapRecord } from '@mcap/core';

/**
 * MCAP records are parsed by @mcap/core (`parseRecord`, `parseMagic`). Those read through a small
 * byte-reader interface whose class the package does not export, so `RecordReader` below provides
 * the same interface over our bytes — with bounds checks, and views instead of copies where the
 * caller keeps the underlying bytes anyway (a decoded chunk points into its decompressed buffer).
 */
type LibraryReader = Parameters<typeof parseRecord>[0];

/** opcode (1 byte) + content length (8 bytes) */
export const RECORD_PREFIX = 9;

/** A Message record's channelId, sequence, logTime and publishTime: the bytes before its data. */
const MESSAGE_FIELDS = 2 + 4 + 8 + 8;

/** A Message record's fields as `RecordReader.message` reads them in place. */
export interface MessageInPlace {
  channelId: number;
  /** ms, as `nsToMs` gives them */
  logTime: number;
  publishTime: number;
  /** Where its data sits in the bytes being read. */
  dataStart: number;
  dataLength: number;
}

/** A record or file region that cannot be read: the words say what and where. */
export class McapFormatError extends Error {
  override name = 'McapFormatError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Little-endian reads over bytes, the interface @mcap/core's parse functions read through. */
export class RecordReader {
  offset: number;
  /** Reads stop here: the end of the bytes, or of the record being parsed. */
  end: number;
  private view: DataView;
  private bytes: Uint8Array;

  /** `copy`: byte fields (message data, schema data, chunk records) are copies, not views. */
  constructor(
    bytes: Uint8Array,
    offset = 0,
    private readonly copy = false,
  ) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
    this.end = bytes.byteLength;
  }

  /** The bytes being read (views it returns share their buffer). */
  get source(): Uint8Array {
    return this.bytes;
  }

  bytesRemaining(): number {
    return this.end - this.offset;
  }

  private need(n: number, what: string): void {
    if (!(n >= 0) || this.offset + n > this.end)
      throw new McapFormatError(`${what} runs past the end of its record (byte ${this.offset})`);
  }

  uint8(): number {
    this.need(1, 'a byte');
    return this.view.getUint8(this.offset++);
  }

  uint16(): number {
    this.need(2, 'a uint16');
    const v = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return v;
  }

  uint32(): number {
    this.need(4, 'a uint32');
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  uint64(): bigint {
    this.need(8, 'a uint64');
    const v = this.view.getBigUint64(this.offset, true);
    this.offset += 8;
    return v;
  }

  string(): string {
    const length = this.uint32();
    if (length === 0) return '';
    this.need(length, 'a string');
    const start = this.offset;
    this.offset += length;
    try {
      return utf8.decode(this.bytes.subarray(start, start + length));
    } catch {
      throw new McapFormatError(`the string at byte ${start} is not UTF-8`);
    }
  }

  keyValuePairs<K, V>(readKey: (r: RecordReader) => K, readValue: (r: RecordReader) => V) {
    const end = this.groupEnd('key-value pairs');
    const out: Array<[K, V]> = [];
    while (this.offset < end) out.push([readKey(this), readValue(this)]);
    if (this.offset !== end) throw new McapFormatError('key-value pairs overrun their length');
    return out;
  }

  map<K, V>(readKey: (r: RecordReader) => K, readValue: (r: RecordReader) => V): Map<K, V> {
    const end = this.groupEnd('a map');
    const out = new Map<K, V>();
    while (this.offset < end) {
      const key = readKey(this);
      if (out.has(key)) throw new McapFormatError(`a map repeats the key ${String(key)}`);
      out.set(key, readValue(this));
    }
    if (this.offset !== end) throw new McapFormatError('a map overruns its length');
    return out;
  }

  private groupEnd(what: string): number {
    const length = this.uint32();
    this.need(length, what);
    return this.offset + length;
  }

  u8ArrayBorrow(length: number): Uint8Array {
    this.need(length, 'a byte field');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u8ArrayCopy(length: number): Uint8Array {
    const view = this.u8ArrayBorrow(length);
    return this.copy ? view.slice() : view;
  }

  /**
   * The Message record at the offset, read into `out` and passed: a chunk is mostly messages,
   * and @mcap/core's parse makes an object, two BigInts and a view of each, which a seek then
   * throws away by the thousand. The fields are the ones `parseRecord` reads, at the places the
   * MCAP spec gives them. False, reading nothing, when the record there is no Message or is cut
   * off (`readRecord` then says which); throws McapFormatError when one is too short to be one.
   */
  message(out: MessageInPlace): boolean {
    const at = this.offset;
    if (this.bytesRemaining() < RECORD_PREFIX || this.bytes[at] !== Opcode.MESSAGE) return false;
    const length = this.lengthAt(at);
    if (length > this.bytesRemaining() - RECORD_PREFIX) return false;
    if (length < MESSAGE_FIELDS)
      throw new McapFormatError(`the message at byte ${at} is too short to be one`);
    const fields = at + RECORD_PREFIX;
    const view = this.view;
    out.channelId = view.getUint16(fields, true);
    out.logTime = nsPartsToMs(view.getUint32(fields + 10, true), view.getUint32(fields + 6, true));
    out.publishTime = nsPartsToMs(
      view.getUint32(fields + 18, true),
      view.getUint32(fields + 14, true),
    );
    out.dataStart = fields + MESSAGE_FIELDS;
    out.dataLength = length - MESSAGE_FIELDS;
    this.offset = fields + length;
    return true;
  }

  /**
   * The content length of the record at `at` (its framing), or Infinity past 2^53. Read as two
   * uint32 halves: it is read for every record, and a BigInt each would be garbage.
   */
  lengthAt(at: number): number {
    const high = this.view.getUint32(at + 5, true);
    // 2^53 - 1 is the largest length whose high half is at most 2^21 - 1.
    if (high > 0x1fffff) return Infinity;
    return high * 4294967296 + this.view.getUint32(at + 1, true);
  }
}

/**
 * The next record, parsed by @mcap/core's `parseRecord` with its reads held to the record's own
 * length (a damaged field cannot run into the next record). Undefined when the bytes end inside
 * the record (cut short); throws McapFormatError when it cannot be parsed. `validateCrcs` checks
 * attachments' CRCs (chunks are checked after decompressing, see chunkDecoder.ts).
 */
export function readRecord(
  reader: RecordReader,
  validateCrcs: boolean,
): TypedMcapRecord | undefined {
  if (reader.bytesRemaining() < RECORD_PREFIX) return undefined;
  const start = reader.offset;
  const length = reader.lengthAt(start);
  if (length > reader.bytesRemaining() - RECORD_PREFIX) return undefined;
  const outer = reader.end;
  reader.end = start + RECORD_PREFIX + length;
  try {
    return parseRecord(reader as unknown as LibraryReader, validateCrcs);
  } catch (error) {
    if (error instanceof McapFormatError) throw error;
    throw new McapFormatError((error as Error).message);
  } finally {
    reader.end = outer;
  }
}

/** Whether the bytes start with the MCAP magic (checked by @mcap/core's `parseMagic`). */
export function startsWithMagic(bytes: Uint8Array): boolean {
  try {
    return parseMagic(new RecordReader(bytes) as unknown as LibraryReader) !== undefined;
  } catch {
    return false;
  }
}

/**
 * MCAP nanoseconds to milliseconds, exact to the microsecond. The double is within 256 ns of the
 * true value at today's epoch, so times written from whole milliseconds come back exactly.
 */
export function nsToMs(ns: bigint): number {
  return Math.round(Number(ns) / 1000) / 1000;
}

/**
 * `nsToMs` of the uint64 whose high and low 32 bits are given, without a BigInt: `high * 2^32`
 * is exact, so the sum is rounded once, to the same double as `Number` of the BigInt.
 */
export function nsPartsToMs(high: number, low: number): number {
  return Math.round((high * 4294967296 + low) / 1000) / 1000;
}

/** Milliseconds (to the microsecond) as MCAP nanoseconds. */
export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1000)) * 1000n;
}
