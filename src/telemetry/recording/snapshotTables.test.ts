import { describe, expect, it } from 'vitest';
import type { AssetSample } from '../samples';
import { decode as decodeCbor } from 'cbor-x/decode';
import { Encoder } from 'cbor-x/encode';
import { decodeSnapshot, encodeSnapshot, snapshotWire, type RecordingSnapshot } from './snapshot';
import { fromSampleTable, fromShapeTable, toSampleTable, toShapeTable } from './snapshotTables';

const sample = (id: string, fields: AssetSample['fields'], more: Partial<AssetSample> = {}) => ({
  assetId: id,
  gateway: undefined,
  sourceTime: 1_736_121_600_000.5,
  receiveTime: 1_736_121_600_003,
  position: undefined,
  headingDeg: undefined,
  fields,
  staleAfterMs: 30_000,
  ...more,
});

const samples: AssetSample[] = [
  sample(
    'QC01',
    { trolley: -5.04, status: 'idle', locked: false },
    {
      gateway: 'gw-QC01',
      position: [-860.85, 0, 3],
      headingDeg: 0,
    },
  ),
  sample('T001', { speed: 3.5, job: '' }, { position: [1, 2, 3] }),
  sample('QC02', { trolley: 12, status: 'working', locked: true }, { gateway: 'gw-QC02' }),
  sample('E', {}),
];

describe('snapshot tables', () => {
  it('give back every sample as it was, one key list per field shape', () => {
    const table = toSampleTable(samples);
    expect(table.fields).toEqual([['trolley', 'status', 'locked'], ['speed', 'job'], []]);
    expect(fromSampleTable(JSON.parse(JSON.stringify(table)))).toEqual(samples);
  });

  it('give back records with keys that come and go, leaving undefined ones out', () => {
    const records = [
      { name: 'a', alias: 1, value: null },
      { name: 'b', alias: 2, value: 'x', stale: true },
      { name: 'c', alias: 3, value: 7, problem: undefined },
    ];
    const table = toShapeTable(records);
    expect(table.shapes).toHaveLength(2);
    expect(fromShapeTable(JSON.parse(JSON.stringify(table)), 'metrics')).toEqual([
      records[0],
      records[1],
      { name: 'c', alias: 3, value: 7 },
    ]);
  });

  it('refuse damaged tables with what is wrong, through the snapshot decoder', () => {
    const snapshot: RecordingSnapshot = {
      v: 4,
      t: 1_736_121_600_010,
      samples,
      offline: ['T009'],
      ingest: {
        lastSourceTime: [],
        sequences: [['gw-T001', 4]],
        counters: { messages: 3 } as RecordingSnapshot['ingest']['counters'],
        bindings: [{ messages: 3, rejected: 0 }],
        gateways: [],
        sparkplug: {
          counters: { messages: 1 } as never,
          nodes: [
            {
              group: 'g',
              edgeNode: 'gw-QC01',
              online: true,
              bdSeq: 0,
              lastSeq: 3,
              rebirthPending: false,
              counters: {} as never,
              metrics: [{ name: 'bdSeq', alias: 0, datatype: 'UInt64', value: 0, timestamp: 1 }],
              devices: [
                {
                  id: 'QC01',
                  online: false,
                  metrics: [
                    {
                      name: 'hoist',
                      alias: 9,
                      datatype: 'Double',
                      value: 35,
                      timestamp: 2,
                      stale: true,
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    };
    const bytes = encodeSnapshot(snapshot);
    expect(decodeSnapshot(bytes, 'cbor')).toEqual(snapshot);
    // Format 3 wrote the same tables as JSON, on channels whose encoding says so.
    const v3 = new TextEncoder().encode(JSON.stringify(snapshotWire(snapshot, 3)));
    expect(decodeSnapshot(v3, 'json')).toEqual({ ...snapshot, v: 3 });
    const wire = decodeCbor(bytes);
    const cbor = new Encoder({ useRecords: false });
    const damaged = (edit: (w: typeof wire) => void) => {
      const copy = structuredClone(wire);
      edit(copy);
      return decodeSnapshot(cbor.encode(copy), 'cbor');
    };
    expect(damaged((w) => w.samples.rows[1].pop())).toMatch(/sample table has a malformed row/);
    expect(damaged((w) => (w.samples.rows[0][0] = 9))).toMatch(/malformed row/);
    expect(damaged((w) => (w.samples.rows[0][3] = 'x'))).toMatch(/malformed sample/);
    expect(damaged((w) => (w.samples.rows[0][8] = {}))).toMatch(/malformed field value/);
    expect(damaged((w) => (w.samples.fields = [1]))).toMatch(/malformed key lists/);
    expect(damaged((w) => delete w.samples)).toMatch(/sample table is missing/);
    expect(damaged((w) => (w.ingest.sparkplug.nodes[0].devices[0].metrics.rows = 'x'))).toMatch(
      /Sparkplug metric table has no rows/,
    );
  });

  it('say what is wrong with a payload that is no snapshot, and leave out undefined keys', () => {
    const snapshot: RecordingSnapshot = {
      v: 4,
      t: 1_736_121_600_010,
      samples,
      offline: [],
      ingest: {
        lastSourceTime: [],
        sequences: [],
        counters: { messages: 3 } as RecordingSnapshot['ingest']['counters'],
        bindings: [],
        gateways: [{ id: 'gw-1', messages: 1, lost: 0, lastSeen: undefined } as never],
        sparkplug: null,
      },
    };
    const bytes = encodeSnapshot(snapshot);
    const decoded = decodeSnapshot(bytes) as RecordingSnapshot;
    // CBOR has an `undefined` of its own; JSON left such keys out, and so does the encoder.
    expect(Object.keys(decoded.ingest.gateways[0]!)).toEqual(['id', 'messages', 'lost']);
    expect(decodeSnapshot(bytes.subarray(0, bytes.length - 9))).toMatch(/not valid CBOR/);
    expect(decodeSnapshot(bytes, 'json')).toMatch(/not valid JSON/);
    expect(decodeSnapshot(bytes, 'msgpack')).toMatch(/message encoding "msgpack"/);
    expect(decodeSnapshot(new Encoder({ useRecords: false }).encode([1, 2]))).toMatch(
      /not an object/,
    );
    expect(
      decodeSnapshot(new Encoder({ useRecords: false }).encode({ ...decodeCbor(bytes), v: 5 })),
    ).toMatch(/has version 5/);
  });
});
