import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      // The BPMN entry of flow-model (the designer's lint and templates).
      '@onewindow/flow-model/src/bpmn': fileURLToPath(
        new URL('../../libs/flow-model/src/bpmn/index.ts', import.meta.url),
      ),
      '@onewindow/contracts': lib('contracts'),
      '@onewindow/standards': lib('standards'),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Vendor code changes rarely: separate chunks stay cached across our releases.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom', 'i18next', 'react-i18next'],
          antd: ['antd', '@ant-design/icons', 'dayjs'],
          zod: ['zod'],
        },
      },
    },
  },
  server: {
    port: 4200,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
  preview: { port: 4300 },
});
