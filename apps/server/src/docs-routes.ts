import { createRequire } from "node:module";
import { dirname } from "node:path";
import { REST_BASE } from "@bazaar/api";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Bazaar API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="stylesheet" href="/docs/index.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-ui-standalone-preset.js"></script>
    <script src="/docs/swagger-initializer.js"></script>
  </body>
</html>
`;

// A file, not an inline script: helmet's CSP allows scripts from our own origin only.
const initializer = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(`${REST_BASE}/openapi.json`)},
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
  });
};
`;

/**
 * The API docs at `/docs`: Swagger UI from the swagger-ui-dist package (no CDN), reading
 * `/api/v1/openapi.json`. Our page and initializer replace the package's, which point at
 * the petstore; everything else is the package's files as they are.
 */
export async function docsRoutes(app: FastifyInstance) {
  const root = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  await app.register(
    async (scope) => {
      scope.get("/", (_req, reply) => reply.type("text/html; charset=utf-8").send(page));
      scope.get("/swagger-initializer.js", (_req, reply) =>
        reply.type("text/javascript; charset=utf-8").send(initializer),
      );
      await scope.register(fastifyStatic, { root, index: false, decorateReply: false, wildcard: true });
    },
    { prefix: "/docs" },
  );
}
