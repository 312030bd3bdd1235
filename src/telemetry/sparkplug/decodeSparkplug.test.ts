import Long from 'long';
import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { decodeSparkplug } from './decodeSparkplug';
import { encodeTahuPayload, installLongDecoding } from './sparkplugPayload';

const DDATA = 'spBv1.0/twindeck-terminal/DDATA/gw-quay/QC01';

function decodedMetrics(payload: Uint8Array) {
  const result = decodeSparkplug(DDATA, payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.message.metrics;
}

describe('decodeSparkplug', () => {
  it('parses the topic and the payload', () => {
    const payload = encodeTahuPayload({
      timestamp: 1000,
      seq: 7,
      metrics: [{ name: 'status', alias: 3, type: 'String', value: 'idle', timestamp: 999 }],
    });
    expect(decodeSparkplug(DDATA, payload)).toEqual({
      ok: true,
      message: {
        topic: { group: 'twindeck-terminal', type: 'DDATA', edgeNode: 'gw-quay', device: 'QC01' },
        timestamp: 1000,
        seq: 7,
        metrics: [
          {
            name: 'status',
            alias: 3,
            datatype: 'String',
            value: 'idle',
            timestamp: 999,
            problem: null,
          },
        ],
      },
    });
  });

  it('says why a topic is not Sparkplug B', () => {
    const empty = new Uint8Array();
    const messages = [
      'site/terminal/gw/gw-quay/link',
      'spBv1.0/g/NDATA',
      'spBv1.0/g/NDATA/node/extra',
      'spBv1.0/g/DDATA/node',
      'spBv1.0/g/XDATA/node',
      'spBv1.0/g//node',
    ].map((topic) => {
      const result = decodeSparkplug(topic, empty);
      return result.ok ? 'ok' : `${result.error.kind}: ${result.error.message}`;
    });
    expect(messages).toEqual([
      'topic: "site/terminal/gw/gw-quay/link" is not a Sparkplug B topic (it does not start with spBv1.0/)',
      'topic: "spBv1.0/g/NDATA" is too short for a Sparkplug B topic',
      'topic: NDATA topic "spBv1.0/g/NDATA/node/extra" must have 4 levels',
      'topic: DDATA topic "spBv1.0/g/DDATA/node" must have 5 levels',
      'topic: "XDATA" in "spBv1.0/g/XDATA/node" is not a Sparkplug B message type',
      'topic: "spBv1.0/g//node" has an empty level',
    ]);
    const state = decodeSparkplug(
      'spBv1.0/STATE/scada-1',
      new TextEncoder().encode('{"online":true}'),
    );
    expect(state.ok ? 'ok' : state.error.kind).toBe('state');
  });

  it('returns an error, never throws, for truncated or garbage bytes', () => {
    const valid = encodeTahuPayload({
      timestamp: 1000,
      seq: 1,
      metrics: [
        { name: 'status', alias: 3, type: 'String', value: 'a long enough status', timestamp: 999 },
      ],
    });
    const truncated = decodeSparkplug(DDATA, valid.subarray(0, valid.length - 5));
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) {
      expect(truncated.error.kind).toBe('payload');
      expect(truncated.error.message).toMatch(
        /bytes of DDATA of twindeck-terminal\/gw-quay\/QC01 are not a Sparkplug B payload/,
      );
    }
    // A metrics field claiming 80 bytes where there is one; an unknown field of wire type 7.
    expect(decodeSparkplug(DDATA, new Uint8Array([0x12, 0x50, 0x01])).ok).toBe(false);
    expect(decodeSparkplug(DDATA, new Uint8Array([0x3f])).ok).toBe(false);
  });

  it('keeps 64-bit integers exact: numbers while safe, decimal digits beyond 2^53', () => {
    const metrics = decodedMetrics(
      encodeTahuPayload({
        metrics: [
          { alias: 1, type: 'UInt64', value: Long.fromString('18446744073709551615', true) },
          { alias: 2, type: 'UInt64', value: Number.MAX_SAFE_INTEGER },
          { alias: 3, type: 'UInt64', value: Long.fromString('9007199254740993', true) },
          { alias: 4, type: 'Int64', value: Long.fromString('-9223372036854775808') },
          { alias: 5, type: 'Int64', value: -5 },
          { alias: 6, type: 'UInt32', value: 4_000_000_000 },
        ],
      }),
    );
    expect(metrics.map((metric) => metric.value)).toEqual([
      '18446744073709551615',
      Number.MAX_SAFE_INTEGER,
      '9007199254740993',
      '-9223372036854775808',
      -5,
      4_000_000_000,
    ]);
  });

  it('keeps them exact where protobufjs could not load long.js itself (a browser bundle)', () => {
    const payload = encodeTahuPayload({ metrics: [{ alias: 1, type: 'UInt64', value: 2 ** 60 }] });
    const found = protobuf.util.Long;
    try {
      // What a bundle without `require` gives protobufjs: no Long, so lossy numbers.
      protobuf.util.Long = undefined as unknown as typeof found;
      protobuf.configure();
      expect(decodedMetrics(payload)[0]?.value).toBe('1152921504606847000');
      installLongDecoding();
      expect(decodedMetrics(payload)[0]?.value).toBe('1152921504606846976');
    } finally {
      protobuf.util.Long = found;
      protobuf.configure();
    }
  });

  it('reads scalar datatypes and marks the rest as problems instead of failing', () => {
    const metrics = decodedMetrics(
      encodeTahuPayload({
        metrics: [
          { name: 'f', type: 'Float', value: 14.2 },
          { name: 'b', type: 'Boolean', value: true },
          { name: 'n', type: 'Double', value: null },
          { name: 'i8', type: 'Int8', value: -3 },
          { name: 'raw', type: 'Bytes', value: new Uint8Array([1, 2]) },
        ],
      }),
    );
    expect(metrics.map(({ name, value, problem }) => [name, value, problem])).toEqual([
      ['f', Math.fround(14.2), null],
      ['b', true, null],
      ['n', null, null],
      ['i8', -3, null],
      ['raw', null, 'metric "raw" is a Bytes, which the twin does not take (only single values)'],
    ]);
  });

  it('names a metric whose datatype Sparkplug B does not define', () => {
    // Payload { metrics: [ { name: "x", datatype: 99, int_value: 1 } ] }, written by hand because
    // the codec refuses to encode an unknown datatype.
    const payload = new Uint8Array([0x12, 0x07, 0x0a, 0x01, 0x78, 0x20, 0x63, 0x50, 0x01]);
    const [metric] = decodedMetrics(payload);
    expect(metric).toMatchObject({ name: 'x', datatype: null, value: null });
    expect(metric?.problem).toBe('metric "x" has no datatype, or one Sparkplug B does not define');
  });
});
