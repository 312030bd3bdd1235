import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { RecordingSink } from '../../src/telemetry/recording/recordingSinks';

/**
 * A recording sink writing to a file: bytes go to `<path>.partial`, renamed to `path` on close, so
 * a reader never finds a half-written file under the real name.
 */
export function createFileSink(path: string): RecordingSink & { abort(): void } {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let open = true;
  return {
    write(bytes) {
      let done = 0;
      while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      renameSync(partial, path);
    },
    abort() {
      if (!open) return;
      open = false;
      closeSync(fd);
      rmSync(partial, { force: true });
    },
  };
}
