import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The web app and the offline API explorer, built into web/dist and served by the API process itself.
export default defineConfig({
  root: resolve(import.meta.dirname),
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { app: resolve(import.meta.dirname, 'index.html'), explorer: resolve(import.meta.dirname, 'explorer.html') } },
  },
});
