/// <reference types="svelte" />
/// <reference types="vite/client" />

/** This build's version as `daicho --version` prints it (vite.config.ts). */
declare const __DAICHO_VERSION__: string;
