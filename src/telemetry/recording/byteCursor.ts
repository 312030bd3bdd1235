const utf8 = new TextDecoder('utf-8', { fatal: true });
const TWO_32 = 2 ** 32;

/** A record or file region that cannot be read: the words say what and where. */
export class McapFormatError extends Error {
  override name = 'McapFormatError';
}

/**
 * Little-endian reads of MCAP fields with bounds checks, without BigInt: lengths and offsets
 * become numbers (files stay far below 2^53 bytes) and nanosecond times become milliseconds.
 */
export class ByteCursor {
  private view: DataView;
  private bytesView: Uint8Array;

  constructor(
    bytes: Uint8Array,
    public offset = 0,
    public end = bytes.byteLength,
  ) {
    this.bytesView = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Points the cursor at other bytes without a new object (one cursor per chunk decode). */
  reset(bytes: Uint8Array, offset = 0, end = bytes.byteLength): void {
    this.bytesView = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
    this.end = end;
  }

  get bytes(): Uint8Array {
    return this.bytesView;
  }

  remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number, what: string): void {
    if (n < 0 || this.offset + n > this.end)
      throw new McapFormatError(`${what} runs past the end of its record (byte ${this.offset})`);
  }

  u8(): number {
    this.need(1, 'a byte');
    return this.view.getUint8(this.offset++);
  }

  u16(): number {
    this.need(2, 'a uint16');
    const v = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return v;
  }

  u32(): number {
    this.need(4, 'a uint32');
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  /** A uint64 length or offset; beyond 2^53 it cannot be one. */
  u64(what = 'a length'): number {
    this.need(8, what);
    const lo = this.view.getUint32(this.offset, true);
    const hi = this.view.getUint32(this.offset + 4, true);
    this.offset += 8;
    const v = hi * TWO_32 + lo;
    if (!Number.isSafeInteger(v)) throw new McapFormatError(`${what} of ${v} bytes is impossible`);
    return v;
  }

  /** A nanosecond timestamp in milliseconds, exact to the microsecond. */
  timeMs(): number {
    this.need(8, 'a timestamp');
    const lo = this.view.getUint32(this.offset, true);
    const hi = this.view.getUint32(this.offset + 4, true);
    this.offset += 8;
    return nsPartsToMs(lo, hi);
  }

  string(what: string): string {
    const n = this.u32();
    this.need(n, what);
    try {
      const s = utf8.decode(this.bytesView.subarray(this.offset, this.offset + n));
      this.offset += n;
      return s;
    } catch {
      throw new McapFormatError(`${what} at byte ${this.offset} is not UTF-8`);
    }
  }

  /** A view of the next n bytes (no copy). */
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytesView.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  stringMap(what: string): Map<string, string> {
    const length = this.u32();
    this.need(length, what);
    const end = this.offset + length;
    const out = new Map<string, string>();
    while (this.offset < end) out.set(this.string(`${what} key`), this.string(`${what} value`));
    if (this.offset !== end) throw new McapFormatError(`${what} overruns its length`);
    return out;
  }
}

/**
 * Nanoseconds (as two 32-bit halves) to milliseconds. The double sum is within 256 ns of the
 * true value at today's epoch, so rounding to whole microseconds makes times written from whole
 * milliseconds come back exactly.
 */
export function nsPartsToMs(lo: number, hi: number): number {
  return Math.round((hi * TWO_32 + lo) / 1000) / 1000;
}

/** Milliseconds (to the microsecond) as MCAP nanoseconds. */
export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1000)) * 1000n;
}

/** Nanoseconds to milliseconds, exact to the microsecond. */
export function nsToMs(ns: bigint): number {
  return Number(ns / 1000n) / 1000;
}
