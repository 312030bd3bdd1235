/** What the reader keeps of MCAP records (parsed by @mcap/core), with times in ms and offsets as numbers. */

export interface ChannelInfo {
  id: number;
  schemaId: number;
  topic: string;
  messageEncoding: string;
  metadata: Map<string, string>;
}

export interface SchemaInfo {
  id: number;
  name: string;
  encoding: string;
  data: Uint8Array;
}

/**
 * A stretch of the file that holds messages: a Chunk record, or a run of records outside any
 * chunk (unchunked files). Loaded, decoded and cached as one.
 */
export interface ChunkRef {
  /** File offset of the first record. */
  offset: number;
  /** Bytes from `offset` to the end of the stretch. */
  length: number;
  kind: 'chunk' | 'records';
  /** Log times of its first and last message, ms (from the index, or learned by decoding). */
  startTime: number;
  endTime: number;
  /** Whether it holds a snapshot (keyframe or delta); undefined when the index does not say. */
  hasSnapshot: boolean | undefined;
  /** Whether it holds a keyframe; undefined when the index does not say. */
  hasKeyframe: boolean | undefined;
}

/** A snapshot message's place inside a decoded chunk. */
export interface SnapshotRef {
  t: number;
  kind: 'key' | 'delta';
  /** Its channel's message encoding: `cbor` (format 4) or `json` (older files). */
  encoding: string;
  start: number;
  length: number;
}

/** A chunk's messages as columns (no object per message), sorted by log time. */
export interface DecodedChunk {
  count: number;
  logTimes: Float64Array;
  publishTimes: Float64Array;
  channels: Uint16Array;
  starts: Uint32Array;
  lengths: Uint32Array;
  /** The decompressed records the columns point into. */
  data: Uint8Array;
  snapshots: SnapshotRef[];
  /** What it costs the cache, bytes. */
  byteSize: number;
  /** Why part or all of it could not be read, or null. */
  problem: string | null;
}

/** A recording problem, in words a person can act on. */
export interface RecordingProblem {
  kind:
    | 'notIndexed'
    | 'badIndex'
    | 'truncated'
    | 'corrupt'
    | 'compression'
    | 'noConfig'
    | 'badSnapshot'
    | 'badMetadata'
    | 'noRanges';
  message: string;
}
