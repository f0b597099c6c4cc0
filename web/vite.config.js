// Builds the page crosscheck serve shows into dist/: one HTML file and
// hashed assets under /assets/, no inline script or style (the server's
// Content-Security-Policy allows only its own files).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
