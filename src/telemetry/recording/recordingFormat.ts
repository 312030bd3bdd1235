/** The names and defaults of a TwinDeck recording (docs/recordings.md). */

/** MCAP header profile of files TwinDeck writes. */
export const RECORDING_PROFILE = 'twindeck';
/**
 * Version of the snapshot payload and metadata layout. 4: version 3's tables in CBOR, not JSON
 * (a third smaller, decoded in a third of the time); 3: samples and Sparkplug metrics as tables
 * (half the bytes of 2, twice as fast to parse); 2: keyframe and delta snapshots; 1: full
 * snapshots only. All four are read.
 */
export const RECORDING_FORMAT_VERSION = 4;
/** Snapshot payload versions this reader understands. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2, 3, 4];
/**
 * Message encoding of the snapshot channels TwinDeck writes (a well-known MCAP encoding). Files
 * of format 3 and older wrote `json`; a snapshot is decoded as its channel says.
 */
export const SNAPSHOT_MESSAGE_ENCODING = 'cbor';

/** Channel of the keyframes: full-state snapshots. */
export const SNAPSHOT_TOPIC = 'twindeck/snapshot';
export const SNAPSHOT_SCHEMA_NAME = 'twindeck.Snapshot';
/** Channel of the delta snapshots: what changed since the last keyframe. */
export const SNAPSHOT_DELTA_TOPIC = 'twindeck/snapshot/delta';
export const SNAPSHOT_DELTA_SCHEMA_NAME = 'twindeck.SnapshotDelta';

/** Which kind of snapshot a channel carries, or null for the recorded MQTT topics. */
export function snapshotKindOf(topic: string): 'key' | 'delta' | null {
  return topic === SNAPSHOT_TOPIC ? 'key' : topic === SNAPSHOT_DELTA_TOPIC ? 'delta' : null;
}

/** Metadata record with site id, shift, start, end and snapshot interval. */
export const METADATA_NAME = 'twindeck';
export const CONFIG_ATTACHMENT = 'twin-config.json';
export const PLAN_ATTACHMENT = 'plan.json';

/**
 * Least log time between snapshots. A seek replays at most one interval of messages; at the
 * bundled sites' ~75 messages/s that is ~2,300 messages, a few milliseconds of decoding.
 */
export const DEFAULT_SNAPSHOT_EVERY_MS = 30_000;
/**
 * A snapshot waits until the messages since the last one weigh this many times its size, so
 * snapshots stay about a third of the data or less (docs/recordings.md has the measurements).
 */
export const DEFAULT_SNAPSHOT_BYTES_RATIO = 2;
/** Most log time between snapshots, whatever they weigh: a seek replays at most this much. */
export const DEFAULT_SNAPSHOT_MAX_EVERY_MS = 120_000;
/**
 * Most messages between snapshots, even within `DEFAULT_SNAPSHOT_EVERY_MS`: a seek replays each
 * message since its snapshot through the ingest (10–30 µs apiece on a 2-core machine), so at a
 * full-scale site (~400–1,100 messages/s) this bounds that part of a seek to ~30–90 ms.
 */
export const DEFAULT_SNAPSHOT_MAX_MESSAGES = 3_000;
/**
 * A snapshot is a delta (the assets changed since the last keyframe, and the ingest's state)
 * unless it would weigh at least this share of that keyframe: then it is a new keyframe. A seek
 * that lands on a delta decodes its keyframe too, so a delta must save most of a keyframe's bytes
 * to be worth it: at 0.5 the full-scale terminal wrote deltas of ~0.67 of their keyframe, whose
 * seeks took ~15 ms more (p95 76–80 ms against 55–66 ms with keyframes only, for a file 19 %
 * larger: docs/recordings.md).
 */
export const DEFAULT_SNAPSHOT_KEY_RATIO = 0.3;
/** Most log time between keyframes, whatever the deltas weigh (a damaged keyframe costs less). */
export const DEFAULT_SNAPSHOT_KEY_MAX_EVERY_MS = 30 * 60_000;
/**
 * Uncompressed bytes per chunk. Small chunks keep a seek's read short (a bundled site's chunk
 * holds ~20 s); MCAP readers such as Foxglove are happy with anything up to several MiB.
 */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
/** Default byte cap of a replay's decoded-chunk cache. */
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

/** Sparkplug B payloads (not the JSON STATE of host applications) are protobuf. */
export function isSparkplugPayloadTopic(topic: string): boolean {
  return topic.startsWith('spBv1.0/') && !topic.startsWith('spBv1.0/STATE/');
}
