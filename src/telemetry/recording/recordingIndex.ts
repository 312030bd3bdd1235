import type { ChannelInfo, ChunkRef, RecordingProblem, SchemaInfo } from './mcapTypes';

/** A metadata record. */
export interface MetadataEntry {
  name: string;
  metadata: Map<string, string>;
}

/** An attachment; `data` is kept for the config and plan only. */
export interface AttachmentEntry {
  name: string;
  mediaType: string;
  logTime: number;
  data: Uint8Array | null;
}

/** Everything known about a recording before its messages are read, held in memory. */
export interface RecordingIndex {
  size: number;
  profile: string;
  library: string;
  /** Message stretches in log-time order (start time, then file offset). */
  chunks: ChunkRef[];
  channels: Map<number, ChannelInfo>;
  schemas: Map<number, SchemaInfo>;
  metadata: MetadataEntry[];
  attachments: AttachmentEntry[];
  /** Messages other than snapshots, when the summary or the scan counted them. */
  messageCount: number | null;
  /** Read through the file's own index (false: scanned from the start). */
  indexed: boolean;
  problems: RecordingProblem[];
}

/** Sorts chunk stretches by start time, keeping file order among equals. */
export function sortChunks(chunks: ChunkRef[]): ChunkRef[] {
  return chunks.sort((a, b) => a.startTime - b.startTime || a.offset - b.offset);
}

/** Elapsed time as h:mm:ss, for problems a person reads ("plays up to 3:12:05"). */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** Where playback ends, for problem messages: "plays up to 3:12:05 of the recording". */
export function playsUpTo(chunks: readonly ChunkRef[]): string {
  if (chunks.length === 0) return 'nothing in it can be played';
  let start = Infinity;
  let end = -Infinity;
  for (const c of chunks) {
    start = Math.min(start, c.startTime);
    end = Math.max(end, c.endTime);
  }
  return `it plays up to ${elapsedText(end - start)} of the recording`;
}
