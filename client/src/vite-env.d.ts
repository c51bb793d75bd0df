// Lets TypeScript accept Vite's CSS side-effect imports.
/// <reference types="vite/client" />
