import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** Content types the app and its data need; anything else is served as bytes. */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.ktx2': 'image/ktx2',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/**
 * @typedef {object} Mount
 * @property {string} prefix URL path prefix, starting and ending with `/`
 * @property {string} dir directory served under it
 */

/** Resolves a URL path to a file inside one of the mounts, or null (never outside a mount). */
function resolveFile(mounts, pathname) {
  const mount = mounts
    .filter((m) => pathname.startsWith(m.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!mount) return null;
  const root = resolve(mount.dir);
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(mount.prefix.length));
  } catch {
    return null;
  }
  const file = resolve(join(root, relative));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * The one byte range of a `Range: bytes=a-b` header (inclusive), null to send the whole file,
 * or 'unsatisfiable'. Several ranges in one request are answered with the whole file.
 */
export function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start;
  let end;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * Answers a GET or HEAD for one file: its content type, and the byte range asked for (206)
 * or the whole file. Shared with the Vite dev server (vite.config.ts), which serves recordings.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function sendFile(req, res, file, size) {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Recordings are read with range requests (MCAP's index makes seeking cheap over HTTP).
  const range = byteRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    return;
  }
  const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
  if (range) {
    res.writeHead(206, {
      ...headers,
      'content-length': range.end - range.start + 1,
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
    });
  } else res.writeHead(200, { ...headers, 'content-length': size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file, range ?? {}).pipe(res);
}

async function findServable(file) {
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return { file, size: info.size };
  if (info?.isDirectory()) return findServable(join(file, 'index.html'));
  return null;
}

/**
 * Serves directories over HTTP on 127.0.0.1 with correct content types — just enough to load
 * the built app, its models and test fixtures from one origin, as a real deployment would.
 * @param {Mount[]} mounts
 * @param {{ port?: number }} [options] port 0 (the default) picks a free one
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer(mounts, { port = 0 } = {}) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const path = resolveFile(mounts, pathname);
    const found = path && (await findServable(path));
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    sendFile(req, res, found.file, found.size);
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
