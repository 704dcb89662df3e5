import { defineConfig } from "vite";

// The console is served by the function app at /console/ (Platform/Console/ConsoleFunction.cs); its API is /api/v1/ on the
// same origin. JSX goes through Vite's own transformer with Preact's runtime, so no framework plugin is needed.
export default defineConfig({
  root: import.meta.dirname,
  base: "/console/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No inline assets: the Content-Security-Policy allows no data: scripts or styles.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { "/api": "http://localhost:7071" } },
});
