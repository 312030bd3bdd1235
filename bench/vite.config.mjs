// Builds the reference pages the benchmarks hold the app against, with the app's own three.js.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));

export default defineConfig({
  root: pages,
  base: '/bench/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./.out/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // three.js alone is over the default 500 kB warning; size is a figure of its own here.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        bare: `${pages}bare.html`,
        instanced50k: `${pages}instanced50k.html`,
        bareMqtt: `${pages}bareMqtt.html`,
      },
    },
  },
});
