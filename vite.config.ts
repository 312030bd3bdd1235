import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
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

export default defineConfig({
  plugins: [react(), copySiteData()],
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
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
