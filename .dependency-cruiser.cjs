// The map in shared/ARCHITECTURE.md, as rules the build checks (`pnpm lint`). Imports point
// down: apps/server → api → core → jobs, db → schemas; apps/worker → core. Clients (web apps,
// mobile, the client and ui packages) see schemas, client, ui and the AppRouter *type*.
// Inside core, a domain is reached only through its index.ts, and the shared kernel
// (platform/, errors.ts) knows no domain. `tooling/lint/import-rules.test.mjs` proves each rule
// fires on a deliberately bad import.

const pkg = (name) => `^packages/${name}/`;
const internal = "^(packages|apps)/";
/** Core's folders that are not domains: the kernel every domain may use, and test support. */
const KERNEL = "(platform|testing)(/|$)|errors\\.ts$|config\\.ts$";

/** A package may import these workspace packages and no other (besides itself). */
const allowed = {
  schemas: [],
  db: ["schemas"],
  jobs: [],
  core: ["jobs", "db", "schemas"],
  api: ["core", "schemas"],
  client: ["schemas"],
  ui: ["schemas", "client"],
};
const direction = Object.entries(allowed).map(([name, deps]) => ({
  name: `${name}-imports-only-${deps.join("-") || "itself"}`,
  comment: `packages/${name} may import ${deps.length ? deps.join(", ") : "no other workspace package"} (ARCHITECTURE.md: dependency direction)`,
  severity: "error",
  from: { path: pkg(name), pathNot: "\\.test\\.tsx?$|/testing(/|\\.ts)" },
  to: {
    path: internal,
    pathNot: [pkg(name), ...deps.map(pkg), "^tooling/"],
    // The AppRouter type is how clients get end-to-end types; types vanish at build time.
    dependencyTypesNot: ["type-only"],
  },
}));

module.exports = {
  forbidden: [
    ...direction,
    {
      name: "server-imports-down-only",
      comment: "apps/server wires api, core, db, jobs and schemas; nothing imports an app",
      severity: "error",
      from: { path: "^apps/server/" },
      to: { path: internal, pathNot: ["^apps/server/", pkg("(api|core|db|jobs|schemas)"), "^tooling/"] },
    },
    {
      name: "worker-imports-core-and-jobs",
      severity: "error",
      from: { path: "^apps/worker/" },
      to: { path: internal, pathNot: ["^apps/worker/", pkg("(core|jobs|db|schemas)")] },
    },
    {
      name: "clients-see-no-server-code",
      comment:
        "web and mobile apps import schemas, client and ui; of the api only the AppRouter type, never core, db or jobs",
      severity: "error",
      from: { path: "^apps/(customer-web|seller-web|admin-web|mobile)/" },
      to: {
        path: [pkg("(core|db|jobs)"), pkg("api")],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "clients-see-no-server-types-but-the-router",
      comment: "a client may take the AppRouter type from the api, and nothing from core, db or jobs",
      severity: "error",
      from: { path: "^(apps/(customer-web|seller-web|admin-web|mobile)|packages/(client|ui))/" },
      to: { path: pkg("(core|db|jobs)") },
    },
    {
      name: "core-domain-through-its-index",
      comment:
        "one core domain reaches another only through that domain's index.ts (its public surface), never its internals",
      severity: "error",
      from: { path: "^packages/core/src/([^/]+)/", pathNot: "\\.test\\.ts$" },
      to: {
        path: "^packages/core/src/([^/]+)/",
        pathNot: [
          "^packages/core/src/$1/",
          "^packages/core/src/[^/]+/index\\.ts$",
          `^packages/core/src/${KERNEL}`,
        ],
      },
    },
    {
      name: "kernel-knows-no-domain",
      comment: "platform/ (ports, cache, limits, pagination…) and errors.ts import no domain",
      severity: "error",
      from: { path: "^packages/core/src/(platform/|errors\\.ts$)" },
      to: {
        path: "^packages/core/src/",
        pathNot: [`^packages/core/src/${KERNEL}`],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "no-cycle-between-core-domains",
      comment: "core domain folders form no cycle, at run time or through types",
      severity: "error",
      scope: "folder",
      from: { path: "^packages/core/src/[^/]+", pathNot: "^packages/core/src/testing" },
      to: { circular: true, pathNot: "^packages/core/src/testing" },
    },
    {
      name: "no-module-cycle",
      severity: "error",
      from: { path: internal, pathNot: "\\.test\\.tsx?$" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Tests may import whatever they exercise; the rules are about production code.
    exclude: { path: "(^|/)(node_modules|dist|build|\\.turbo|coverage)/|\\.d\\.ts$|\\.test\\.tsx?$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
    },
    // Workspace packages are symlinks in node_modules: follow them to their real source.
    preserveSymlinks: false,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
