// The generic alternative, built as a static page with relative URLs (like our dist/).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000, // one bundle on purpose: what a plain rjsf page ships
    rollupOptions: {
      // rjsf's 'use client' directives mean nothing in a client-only bundle
      onwarn(warning, warn) { if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning); },
    },
  },
});
