import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedRecording } from '../../../tools/recordings/testSupport';
import { openRecording } from './openRecording';
import {
  blobReadable,
  bytesReadable,
  httpReadable,
  RecordingOpenError,
} from './recordingReadables';

const { bytes, config } = await simulatedRecording('terminal', 3);
let server: Server;
let base = '';
const requests: string[] = [];

beforeAll(async () => {
  // A real HTTP server on loopback: /ranged answers Range requests, /whole ignores them.
  server = createServer((req, res) => {
    requests.push(`${req.url} ${req.headers.range ?? ''}`);
    const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    if (req.url === '/ranged' && range) {
      const from = Number(range[1]);
      const to = Math.min(Number(range[2]), bytes.byteLength - 1);
      res.writeHead(206, {
        'Content-Range': `bytes ${from}-${to}/${bytes.byteLength}`,
        'Content-Length': String(to - from + 1),
      });
      res.end(bytes.subarray(from, to + 1));
    } else if (req.url === '/ranged' || req.url === '/whole') {
      res.writeHead(200, { 'Content-Length': String(bytes.byteLength) });
      res.end(bytes);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function finalState(readable: Parameters<typeof openRecording>[0]) {
  const replay = await openRecording(readable, { config });
  const state = await replay.stateAt(replay.info.end);
  return { replay, samples: state.batch.samples.length };
}

describe('recording readables', () => {
  it('reads a URL with range requests, fetching only what it plays', async () => {
    const expected = (await finalState(bytesReadable(bytes))).samples;
    requests.length = 0;
    const { replay, samples } = await finalState(await httpReadable(`${base}/ranged`));
    expect(samples).toBe(expected);
    expect(replay.info.problems).toEqual([]);
    expect(requests.every((r) => r.includes('bytes='))).toBe(true);
    expect(replay.stats().bytesRead).toBeLessThan(bytes.byteLength / 2);
  });

  it('downloads the whole file, with progress and a note, when the server ignores ranges', async () => {
    const progress: number[] = [];
    const readable = await httpReadable(`${base}/whole`, {
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(progress.at(-1)).toBe(bytes.byteLength);
    const { replay } = await finalState(readable);
    expect(replay.info.problems.map((p) => p.kind)).toEqual(['noRanges']);
    expect(replay.info.problems[0]?.message).toMatch(/range requests/);
  });

  it('says clearly when a URL cannot be loaded', async () => {
    await expect(httpReadable(`${base}/missing`)).rejects.toThrow(RecordingOpenError);
    await expect(httpReadable(`${base}/missing`)).rejects.toThrow(/HTTP 404/);
  });

  it('reads a Blob (a dropped File) slice by slice', async () => {
    const expected = (await finalState(bytesReadable(bytes))).samples;
    const { samples } = await finalState(
      blobReadable(new Blob([bytes as Uint8Array<ArrayBuffer>])),
    );
    expect(samples).toBe(expected);
  });

  it('refuses what is not MCAP with a plain reason', async () => {
    await expect(openRecording(bytesReadable(new Uint8Array(0)))).rejects.toThrow(/empty/);
    const text = new TextEncoder().encode('{"not": "mcap"}');
    await expect(openRecording(bytesReadable(text))).rejects.toThrow(/not an MCAP recording/);
  });
});
