import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string): string => fileURLToPath(new URL(`renderer/${name}`, import.meta.url));

// The renderer only. Main and preload are bundled by esbuild (scripts/build-electron.mjs):
// they are two small CommonJS entry points, and esbuild does that in one call without a
// second Vite pipeline (see docs/decisions.md).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // The counter UI, and the slip page both printers load (no session, slip data in the URL fragment).
    rolldownOptions: { input: { index: page('index.html'), print: page('print.html') } },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
