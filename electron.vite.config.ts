import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Web mode works offline after one visit: the service worker (src/renderer/public/sw.js)
 * precaches index.html, what it references, and every file listed here — the lazily loaded
 * chunks too (map outlines, towns), which index.html does not name.
 */
function precacheManifest(): Plugin {
  return {
    name: 'tournee-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/'))
        .sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
    },
  };
}

const headOffice = process.env.TOURNEE_SERVER_URL ?? 'http://127.0.0.1:4870';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file with everything bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), precacheManifest()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
    server: {
      // `npm run dev`: the renderer talks to the head office through this proxy (same origin).
      proxy: {
        '/api': headOffice,
        '/sync': headOffice,
        '/health': headOffice,
        '/auth': headOffice,
      },
    },
  },
});
