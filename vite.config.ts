// Vite build of the web client: root client/, output dist/client (served by the Express app).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // MapLibre in its own chunk: it changes rarely, so browsers keep it cached across app releases.
        manualChunks: (id: string) => (id.includes('node_modules/maplibre-gl') ? 'maplibre' : undefined),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
