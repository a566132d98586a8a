import { defineConfig } from "vite";

// Preact's JSX through Vite's own transformer: no plugin, no Babel.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { target: "es2020", sourcemap: false },
  server: { proxy: { "/api": { target: "http://127.0.0.1:8080", ws: true } } },
});
