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
    res.writeHead(200, {
      'content-type':
        CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.file).pipe(res);
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
