import type { IWritable } from '@mcap/core';

/** Where a recording's bytes go: each call hands over a finished run the sink may keep. */
export interface RecordingSink {
  write(bytes: Uint8Array): void | Promise<void>;
  /** Called once after the last write. */
  close?(): void | Promise<void>;
}

const STAGE_BYTES = 1024 * 1024;

/**
 * The MCAP writer's output, gathered into runs of about 1 MiB before the sink sees them: the
 * writer hands over many small views of a buffer it reuses, so they are copied here once.
 */
export class StagedWritable implements IWritable {
  private stage = new Uint8Array(STAGE_BYTES);
  private used = 0;
  private written = 0;

  constructor(private readonly sink: RecordingSink) {}

  position(): bigint {
    return BigInt(this.written + this.used);
  }

  async write(buffer: Uint8Array): Promise<void> {
    if (this.used + buffer.byteLength > this.stage.byteLength) await this.flush();
    if (buffer.byteLength > this.stage.byteLength) {
      this.written += buffer.byteLength;
      await this.sink.write(buffer.slice());
      return;
    }
    this.stage.set(buffer, this.used);
    this.used += buffer.byteLength;
  }

  /** Hands the staged bytes to the sink (which then owns them). */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const run = this.stage.subarray(0, this.used);
    this.written += this.used;
    this.stage = new Uint8Array(STAGE_BYTES);
    this.used = 0;
    await this.sink.write(run);
  }

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.written;
  }
}

/** Runs kept as Blobs: the browser may keep them off the JS heap (on disk when large). */
export interface BlobSink extends RecordingSink {
  /** The recording so far (complete once the writer is closed). */
  blob(): Blob;
}

const BLOB_BATCH_BYTES = 16 * 1024 * 1024;

/** A sink for the browser: bounded JS memory, the result a Blob to download. */
export function createBlobSink(type = 'application/x-mcap'): BlobSink {
  const blobs: Blob[] = [];
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let partBytes = 0;
  const seal = () => {
    if (parts.length === 0) return;
    blobs.push(new Blob(parts));
    parts = [];
    partBytes = 0;
  };
  return {
    write(bytes) {
      parts.push(bytes as Uint8Array<ArrayBuffer>);
      partBytes += bytes.byteLength;
      if (partBytes >= BLOB_BATCH_BYTES) seal();
    },
    close: seal,
    blob() {
      seal();
      return new Blob(blobs, { type });
    },
  };
}
