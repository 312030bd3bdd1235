import type { RecordingProblem } from './mcapTypes';

/**
 * Random access to a recording's bytes (the IReadable of @mcap/core): a File or Blob, a URL
 * read with HTTP range requests, a Node file handle, or bytes in memory.
 */
export interface RecordingReadable {
  size(): Promise<bigint>;
  read(offset: bigint, length: bigint): Promise<Uint8Array>;
  /** What the user should know about how it is read (e.g. a server that ignores ranges). */
  notes?: RecordingProblem[];
}

/** Opening failed and nothing can be played: the message says why. */
export class RecordingOpenError extends Error {
  override name = 'RecordingOpenError';
}

export function bytesReadable(bytes: Uint8Array): RecordingReadable {
  return {
    size: async () => BigInt(bytes.byteLength),
    read: async (offset, length) => {
      const start = Number(offset);
      const end = start + Number(length);
      if (end > bytes.byteLength)
        throw new RangeError(`read past the end (${end} > ${bytes.byteLength})`);
      return bytes.subarray(start, end);
    },
  };
}

/** A File from an open dialog or a drop, or any Blob: read slice by slice, never whole. */
export function blobReadable(blob: Blob): RecordingReadable {
  return {
    size: async () => BigInt(blob.size),
    read: async (offset, length) => {
      const start = Number(offset);
      return new Uint8Array(await blob.slice(start, start + Number(length)).arrayBuffer());
    },
  };
}

/** What `fs.promises.open()` returns, as far as reading goes (no Node types in telemetry/). */
export interface FileHandleLike {
  stat(): Promise<{ size: number | bigint }>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
}

/** A Node file handle (tests and tools): `fileHandleReadable(await fs.promises.open(path))`. */
export function fileHandleReadable(handle: FileHandleLike): RecordingReadable {
  return {
    size: async () => BigInt((await handle.stat()).size),
    read: async (offset, length) => {
      const out = new Uint8Array(Number(length));
      let done = 0;
      while (done < out.byteLength) {
        const { bytesRead } = await handle.read(
          out,
          done,
          out.byteLength - done,
          Number(offset) + done,
        );
        if (bytesRead === 0)
          throw new RangeError(`read past the end of the file at ${Number(offset) + done}`);
        done += bytesRead;
      }
      return out;
    },
  };
}

export interface HttpReadableOptions {
  /** Progress of a full download, when the server ignores ranges. */
  onProgress?: (loaded: number, total: number | null) => void;
  signal?: AbortSignal;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * A recording behind a URL, read with HTTP range requests so that only what is played is
 * fetched. A server that ignores ranges gets one full download (with progress) instead, and the
 * readable carries a note saying so.
 */
export async function httpReadable(
  url: string,
  options: HttpReadableOptions = {},
): Promise<RecordingReadable> {
  const get = options.fetch ?? globalThis.fetch.bind(globalThis);
  let first: Response;
  try {
    first = await get(url, { headers: { Range: 'bytes=0-0' }, signal: options.signal });
  } catch (error) {
    throw new RecordingOpenError(`could not load ${url}: ${(error as Error).message}`);
  }
  if (first.status === 206) {
    const total = /\/(\d+)\s*$/.exec(first.headers.get('Content-Range') ?? '')?.[1];
    await first.body?.cancel();
    if (total !== undefined) return rangeReadable(url, Number(total), get, options.signal);
    // A range answer without the total size: the size needs the whole body after all.
    first = await get(url, { signal: options.signal });
  }
  if (!first.ok)
    throw new RecordingOpenError(`could not load ${url}: HTTP ${first.status} ${first.statusText}`);
  const bytes = await downloadWithProgress(first, options.onProgress);
  const readable = bytesReadable(bytes);
  readable.notes = [
    {
      kind: 'noRanges',
      message: `the server of ${url} does not answer HTTP range requests, so the whole recording (${megabytes(bytes.byteLength)}) was downloaded before it could open; a server with range support opens it at once`,
    },
  ];
  return readable;
}

function rangeReadable(
  url: string,
  total: number,
  get: typeof fetch,
  signal: AbortSignal | undefined,
): RecordingReadable {
  return {
    size: async () => BigInt(total),
    read: async (offset, length) => {
      const start = Number(offset);
      const end = start + Number(length) - 1;
      const response = await get(url, { headers: { Range: `bytes=${start}-${end}` }, signal });
      if (response.status !== 206)
        throw new Error(`${url} answered a range request with HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength !== end - start + 1)
        throw new Error(`${url} sent ${bytes.byteLength} bytes for a range of ${end - start + 1}`);
      return bytes;
    },
  };
}

async function downloadWithProgress(
  response: Response,
  onProgress: HttpReadableOptions['onProgress'],
): Promise<Uint8Array> {
  const header = response.headers.get('Content-Length');
  const total = header === null ? null : Number(header);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.byteLength;
    onProgress?.(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
