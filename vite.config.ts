import { cpSync, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { sendFile } from './tools/system/staticServer.mjs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Site data lives at the repo top level (models/, twin-configs/); the build ships it beside the app. */
function copySiteData(): Plugin {
  let outDir = 'dist';
  return {
    name: 'twindeck-copy-site-data',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const dir of ['models', 'twin-configs']) {
        if (existsSync(dir)) cpSync(dir, resolve(outDir, dir), { recursive: true });
      }
    },
  };
}

/**
 * Recordings (recordings/, made by `npm run recordings`) are hundreds of MB: served from where
 * they are, with range requests, by the dev and preview servers — never copied into a build.
 */
function serveRecordings(): Plugin {
  const root = resolve('recordings');
  const handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${path}`);
    const info = file.startsWith(root + sep) && existsSync(file) ? statSync(file) : null;
    if (!info?.isFile()) return next();
    sendFile(req, res, file, info.size);
  };
  return {
    name: 'twindeck-serve-recordings',
    configureServer(server) {
      server.middlewares.use('/recordings', handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use('/recordings', handler);
    },
  };
}

export default defineConfig({
  plugins: [react(), copySiteData(), serveRecordings()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    // `npm start` runs an MQTT broker and tells the app to use /mqtt on this origin.
    proxy: process.env.TWINDECK_BROKER_WS
      ? { '/mqtt': { target: process.env.TWINDECK_BROKER_WS, ws: true } }
      : undefined,
  },
  preview: { host: '127.0.0.1', port: 4173 },
  worker: { format: 'es' },
  resolve: {
    // @iwer/devui (the emulator's UI) pins three 0.165 while its helper packages get ours: two
    // three.js in one renderer throws ("onBuild is not a function"). One three for everything.
    dedupe: ['three'],
    alias: {
      // See the file: the emulator's AR rooms are never used, only built.
      '@iwer/sem': resolve('src/scene/xr/noSyntheticEnvironment.ts'),
    },
  },
  // The manifest tells `npm run bench` which chunks a page loads before it can start.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, manifest: true },
});
