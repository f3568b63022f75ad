// Mock mode only: serves/builds mock.html (the UI against the core's recorded answers) into
// ../target/ui-mock. The production build (vite.config.ts) never includes it.
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config';

export default mergeConfig(
  base,
  defineConfig({
    build: {
      outDir: '../target/ui-mock',
      emptyOutDir: true,
      rollupOptions: { input: { mock: 'mock.html' } },
    },
    server: { open: '/mock.html' },
  }),
);
