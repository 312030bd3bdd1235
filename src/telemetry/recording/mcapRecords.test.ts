import { McapRecordBuilder, type Message } from '@mcap/core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tools/recordings/testSupport';
import {
  McapFormatError,
  nsPartsToMs,
  nsToMs,
  readRecord,
  RecordReader,
  type MessageInPlace,
} from './mcapRecords';

const blank = (): MessageInPlace => ({
  channelId: 0,
  logTime: 0,
  publishTime: 0,
  dataStart: 0,
  dataLength: 0,
});

/** Records as @mcap/core writes them. */
function records(write: (builder: McapRecordBuilder) => void): Uint8Array {
  const builder = new McapRecordBuilder();
  write(builder);
  return builder.buffer.slice();
}

describe('message records read in place', () => {
  it('gives the times nsToMs gives, without a BigInt', () => {
    const random = seededRandom(7);
    const u32 = () => Math.floor(random() * 4294967296);
    const cases: Array<[number, number]> = [
      [0, 0],
      [0, 999_499],
      [0xffffffff, 0xffffffff],
      [0x1818e2b9, 0x2b6a1f40], // about now, in ns
    ];
    for (let i = 0; i < 2000; i++) cases.push([i % 2 ? u32() : 0x18000000 + (u32() >>> 8), u32()]);
    for (const [high, low] of cases)
      expect(nsPartsToMs(high, low)).toBe(nsToMs((BigInt(high) << 32n) | BigInt(low)));
  });

  it('reads the fields @mcap/core parses, and passes the record', () => {
    const messages: Message[] = [
      {
        channelId: 3,
        sequence: 9,
        logTime: 1736121600123456789n,
        publishTime: 17n,
        data: new Uint8Array([1, 2, 3]),
      },
      {
        channelId: 65535,
        sequence: 0,
        logTime: 0n,
        publishTime: 2n ** 64n - 1n,
        data: new Uint8Array(0),
      },
    ];
    const bytes = records((b) => messages.forEach((m) => b.writeMessage(m)));
    const reader = new RecordReader(bytes);
    const library = new RecordReader(bytes);
    for (const expected of messages) {
      const parsed = readRecord(library, false);
      if (parsed?.type !== 'Message') throw new Error('not a message');
      const out = blank();
      expect(reader.message(out)).toBe(true);
      expect(reader.offset).toBe(library.offset);
      expect(out).toEqual({
        channelId: expected.channelId,
        logTime: nsToMs(parsed.logTime),
        publishTime: nsToMs(parsed.publishTime),
        dataStart: parsed.data.byteOffset - bytes.byteOffset,
        dataLength: expected.data.byteLength,
      });
    }
    expect(reader.bytesRemaining()).toBe(0);
  });

  it('leaves other records, and cut-off ones, to readRecord', () => {
    const metadata = records((b) => b.writeMetadata({ name: 'm', metadata: new Map() }));
    const reader = new RecordReader(metadata);
    expect(reader.message(blank())).toBe(false);
    expect(reader.offset).toBe(0);
    expect(readRecord(reader, false)?.type).toBe('Metadata');

    const message = records((b) =>
      b.writeMessage({
        channelId: 1,
        sequence: 1,
        logTime: 5n,
        publishTime: 5n,
        data: new Uint8Array(40),
      }),
    );
    const cut = new RecordReader(message.subarray(0, message.byteLength - 1));
    expect(cut.message(blank())).toBe(false);
    expect(cut.offset).toBe(0);
    expect(readRecord(cut, false)).toBeUndefined();
  });

  it('refuses a message too short to hold its fields', () => {
    const short = new Uint8Array(9 + 10);
    short[0] = 0x05;
    short[1] = 10; // content length 10, where channelId..publishTime alone take 22
    expect(() => new RecordReader(short).message(blank())).toThrow(McapFormatError);
    expect(() => readRecord(new RecordReader(short), false)).toThrow(McapFormatError);
  });
});
