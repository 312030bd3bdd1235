import { Decoder } from 'cbor-x/decode';
import { Encoder } from 'cbor-x/encode';
import type { IngestState } from '../ingest/createIngest';
import type { AssetSample } from '../samples';
import {
  READABLE_FORMAT_VERSIONS,
  RECORDING_FORMAT_VERSION,
  SNAPSHOT_MESSAGE_ENCODING,
} from './recordingFormat';
import {
  fromSampleTable,
  fromShapeTable,
  TableProblem,
  toSampleTable,
  toShapeTable,
} from './snapshotTables';

/**
 * The full state at one log time: the payload of `twindeck/snapshot` messages (keyframes). With
 * it a reader continues exactly as if it had played every message before `t`
 * (docs/recordings.md). A delta (`twindeck/snapshot/delta`) has the same fields plus `base`, and
 * its samples are only those that changed since that keyframe.
 */
export interface RecordingSnapshot {
  /**
   * 1: files written before deltas existed; 2: samples and metrics as JSON objects; 3: as
   * tables (snapshotTables.ts) in JSON; 4: the same tables in CBOR. All are read into this shape.
   */
  v: 1 | 2 | 3 | 4;
  /** Log time (ms epoch): the state after every message logged at or before it. */
  t: number;
  /** Deltas only: the log time of the keyframe they complete. */
  base?: number;
  /**
   * The latest sample of every asset heard so far, merged as a batch merges them (in a delta:
   * of every asset whose sample changed since its keyframe).
   */
  samples: AssetSample[];
  /** Assets (and gateways) offline at `t`. */
  offline: string[];
  /**
   * The ingest's memory: sequence counters, counts, Sparkplug sessions. `lastSourceTime` is
   * written empty: each asset's newest source time is its sample's, and is rebuilt from those.
   */
  ingest: IngestState;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Plain RFC 8949 CBOR: no cbor-x record extension (other readers would not know it), maps as
 * objects. Numbers keep their exact value: integers as integers, the rest as 64-bit floats.
 */
const cborOptions = { useRecords: false, mapsAsObjects: true } as const;
const cborEncoder = new Encoder(cborOptions);
const cborDecoder = new Decoder(cborOptions);

/**
 * The snapshot as the payload of the current version: samples and Sparkplug metrics as tables,
 * encoded as CBOR (the snapshot channels' message encoding, `SNAPSHOT_MESSAGE_ENCODING`).
 */
export function encodeSnapshot(snapshot: RecordingSnapshot): Uint8Array {
  const wire = withoutUndefined(snapshotWire(snapshot, RECORDING_FORMAT_VERSION));
  // Copied out: the encoder returns a view into a buffer it goes on writing later payloads into
  // (a view would keep that whole buffer alive, and transferring it would break the encoder).
  // In Node the view is a Buffer, whose `slice` is a view too: hence a new array.
  return new Uint8Array(cborEncoder.encode(wire));
}

/**
 * The snapshot as stored: samples and Sparkplug metrics as tables (snapshotTables.ts). Version 3
 * wrote this as JSON, version 4 as CBOR.
 */
export function snapshotWire(snapshot: RecordingSnapshot, v: 3 | 4): Record<string, unknown> {
  const { sparkplug } = snapshot.ingest;
  return {
    ...snapshot,
    v,
    samples: toSampleTable(snapshot.samples),
    ingest: {
      ...snapshot.ingest,
      sparkplug: sparkplug && {
        ...sparkplug,
        nodes: sparkplug.nodes.map((n) => ({
          ...n,
          metrics: toShapeTable(n.metrics),
          devices: n.devices.map((d) => ({ ...d, metrics: toShapeTable(d.metrics) })),
        })),
      },
    },
  };
}

/**
 * The value as JSON would carry it: keys whose value is `undefined` left out, `undefined` in a
 * list as `null`. CBOR has its own `undefined`, and a decoded `{ key: undefined }` would
 * override a default where a missing key does not.
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : withoutUndefined(v)));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
  return out;
}

/**
 * The snapshot in the bytes, or why they are not one. `encoding` is the message encoding of the
 * snapshot's channel: `cbor` (format 4) or `json` (formats 1–3). Never throws.
 */
export function decodeSnapshot(
  bytes: Uint8Array,
  encoding: string = SNAPSHOT_MESSAGE_ENCODING,
): RecordingSnapshot | string {
  let value: unknown;
  if (encoding === 'cbor') {
    try {
      value = cborDecoder.decode(bytes);
    } catch (error) {
      return `a snapshot is not valid CBOR (${(error as Error).message.slice(0, 80)})`;
    }
  } else if (encoding === 'json') {
    try {
      value = JSON.parse(utf8.decode(bytes));
    } catch (error) {
      return `a snapshot is not valid JSON (${(error as Error).message.slice(0, 80)})`;
    }
  } else {
    return `a snapshot channel has the message encoding "${encoding.slice(0, 40)}"; this TwinDeck reads cbor and json`;
  }
  // Versions 3 and 4 store tables, which check each sample as they build it.
  const tables = isObject(value) && (value.v === 3 || value.v === 4);
  if (tables) {
    try {
      value = fromTables(value as Record<string, unknown>);
    } catch (error) {
      if (error instanceof TableProblem) return error.message;
      throw error;
    }
  }
  return snapshotShapeProblem(value, !tables) ?? (value as RecordingSnapshot);
}

/** A version-3 or -4 snapshot with its tables read back into records (throws `TableProblem`). */
function fromTables(v: Record<string, unknown>): Record<string, unknown> {
  const ingest = v.ingest;
  if (!isObject(ingest)) throw new TableProblem("a snapshot's ingest state is malformed");
  return {
    ...v,
    samples: fromSampleTable(v.samples),
    ingest: { ...ingest, sparkplug: sparkplugFromTables(ingest.sparkplug) },
  };
}

/** The Sparkplug host state with its metric tables read; anything else is left for the checks. */
function sparkplugFromTables(sparkplug: unknown): unknown {
  if (!isObject(sparkplug) || !Array.isArray(sparkplug.nodes)) return sparkplug;
  const metricsOf = (table: unknown) => fromShapeTable(table, 'a Sparkplug metric table');
  const withMetrics = (record: unknown) =>
    isObject(record) ? { ...record, metrics: metricsOf(record.metrics) } : record;
  return {
    ...sparkplug,
    nodes: sparkplug.nodes.map((n) => {
      const node = withMetrics(n);
      return isObject(node) && Array.isArray(node.devices)
        ? { ...node, devices: node.devices.map(withMetrics) }
        : node;
    }),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPairList = (v: unknown, second: 'number' | 'string') =>
  Array.isArray(v) &&
  v.every(
    (p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === second,
  );

/** Checks what the importer relies on, so a damaged snapshot is refused instead of half-applied. */
function snapshotShapeProblem(v: unknown, checkSamples: boolean): string | null {
  if (!isObject(v)) return 'a snapshot is not an object of named fields';
  if (typeof v.v !== 'number' || !READABLE_FORMAT_VERSIONS.includes(v.v))
    return `a snapshot has version ${String(v.v)}; this TwinDeck reads versions ${READABLE_FORMAT_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_FORMAT_VERSIONS.at(-1)} (a newer TwinDeck wrote it)`;
  if (typeof v.t !== 'number' || !Number.isFinite(v.t)) return 'a snapshot has no time';
  if (v.base !== undefined && (typeof v.base !== 'number' || !(v.base <= v.t)))
    return 'a delta snapshot names no keyframe before it';
  if (!Array.isArray(v.samples) || (checkSamples && !v.samples.every(isSample)))
    return 'a snapshot has malformed samples';
  if (!Array.isArray(v.offline) || !v.offline.every((id) => typeof id === 'string'))
    return 'a snapshot has a malformed offline list';
  const ingest = v.ingest;
  if (
    !isObject(ingest) ||
    !isPairList(ingest.lastSourceTime, 'number') ||
    !isPairList(ingest.sequences, 'number') ||
    !isObject(ingest.counters) ||
    !Array.isArray(ingest.bindings) ||
    !ingest.bindings.every(isObject) ||
    !Array.isArray(ingest.gateways) ||
    !ingest.gateways.every((g) => isObject(g) && typeof g.id === 'string') ||
    !(ingest.sparkplug === null || isSparkplugState(ingest.sparkplug))
  )
    return "a snapshot's ingest state is malformed";
  return null;
}

function isSample(s: unknown): boolean {
  return (
    isObject(s) &&
    typeof s.assetId === 'string' &&
    typeof s.sourceTime === 'number' &&
    typeof s.receiveTime === 'number' &&
    isObject(s.fields) &&
    (s.position === undefined ||
      (Array.isArray(s.position) &&
        s.position.length === 3 &&
        s.position.every((x) => typeof x === 'number')))
  );
}

function isSparkplugState(v: unknown): boolean {
  const metricsOk = (list: unknown) =>
    Array.isArray(list) && list.every((m) => isObject(m) && typeof m.name === 'string');
  return (
    isObject(v) &&
    isObject(v.counters) &&
    Array.isArray(v.nodes) &&
    v.nodes.every(
      (n) =>
        isObject(n) &&
        typeof n.group === 'string' &&
        typeof n.edgeNode === 'string' &&
        isObject(n.counters) &&
        metricsOk(n.metrics) &&
        Array.isArray(n.devices) &&
        n.devices.every((d) => isObject(d) && typeof d.id === 'string' && metricsOk(d.metrics)),
    )
  );
}

const pairs = (second: string) => ({
  type: 'array',
  items: { type: 'array', prefixItems: [{ type: 'string' }, { type: second }] },
});

/**
 * JSON Schema of the snapshot channel (schema encoding `jsonschema`), for Foxglove and others. It
 * describes the decoded payload: CBOR here has JSON's data model (maps with text keys, arrays,
 * text, numbers, booleans, null).
 */
export const SNAPSHOT_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'TwinDeck snapshot',
  description:
    'Full twin state at log time t, CBOR-encoded (the JSON data model); see docs/recordings.md ' +
    'of TwinDeck.',
  type: 'object',
  required: ['v', 't', 'samples', 'offline', 'ingest'],
  properties: {
    v: { const: RECORDING_FORMAT_VERSION },
    t: { type: 'number', description: 'log time, ms since the Unix epoch' },
    samples: {
      type: 'object',
      description:
        'the latest sample of every asset heard so far, as a table: each row is [fieldShape, ' +
        'assetId, gateway|null, sourceTime, receiveTime, [x,y,z]|null, headingDeg|null, ' +
        'staleAfterMs, ...values of the field names fields[fieldShape]]',
      required: ['fields', 'rows'],
      properties: {
        fields: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        rows: { type: 'array', items: { type: 'array', minItems: 8 } },
      },
    },
    offline: { type: 'array', items: { type: 'string' } },
    ingest: {
      type: 'object',
      required: ['lastSourceTime', 'sequences', 'counters', 'bindings', 'gateways', 'sparkplug'],
      properties: {
        lastSourceTime: { ...pairs('number'), description: 'empty: rebuilt from samples' },
        sequences: pairs('number'),
        counters: { type: 'object', additionalProperties: { type: 'number' } },
        bindings: { type: 'array', items: { type: 'object' } },
        gateways: { type: 'array', items: { type: 'object' } },
        sparkplug: {
          type: ['object', 'null'],
          description:
            'Sparkplug B host: nodes with bdSeq, seq, births; the metrics of a node or device ' +
            "are a table {shapes: key lists, rows: [shape, ...values in its keys' order]}",
        },
      },
    },
  },
} as const;

/** JSON Schema of the delta channel: a keyframe's fields, `base`, and only the changed samples. */
export const SNAPSHOT_DELTA_JSON_SCHEMA = {
  ...SNAPSHOT_JSON_SCHEMA,
  title: 'TwinDeck snapshot delta',
  description:
    'The twin state at log time t as changes to the keyframe at log time base: the samples of ' +
    'the assets that changed since it, and the whole offline list and ingest state; see ' +
    'docs/recordings.md of TwinDeck.',
  required: [...SNAPSHOT_JSON_SCHEMA.required, 'base'],
  properties: {
    ...SNAPSHOT_JSON_SCHEMA.properties,
    base: { type: 'number', description: 'log time of the keyframe (ms) this delta completes' },
  },
} as const;
