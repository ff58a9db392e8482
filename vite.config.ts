import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: sources in web/, built into dist/web, which the server serves (index.html for every
 * non-API GET, hashed files under /assets/). `npm run dev:web` proxies /api to a running server.
 */
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
});
