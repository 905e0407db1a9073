/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  // build/index.js is the HTTP server itself, compiled with the app into one module graph (node_modules stay
  // external): `node build/index.js` serves.
  server: "server/index.ts",
  // `remix dev` watches app/ and the server's entry file; the rest of the server's graph is here.
  watchPaths: ["server", "db"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
