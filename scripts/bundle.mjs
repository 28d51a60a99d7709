#!/usr/bin/env node
// Builds a Node app of this monorepo (run from its folder) to plain JavaScript in ./dist:
// `node ../../scripts/bundle.mjs src/main.ts [src/other.ts …]`, each entry to dist/<name>.js.
//
// Our own workspace packages (@bazaar/*, TypeScript sources) are inlined; every third-party
// package stays external and is loaded by Node from node_modules at run time, native ones
// (bcrypt) included. pnpm gives an app only its direct dependencies in node_modules, so an
// external a workspace package imports (e.g. core's bcrypt) is written as the relative path
// to the file esbuild resolved, symlinks followed: one copy per package, as under tsx.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const cwd = process.cwd();
const outdir = join(cwd, "dist");
const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error("usage: node scripts/bundle.mjs <entry.ts>…  (run from the app's folder)");
  process.exit(2);
}
// esbuild is a devDependency of each app that builds with this (the server, the worker);
// pnpm hoists nothing to the root. The server's copy is the fallback for a new app.
const resolveEsbuild = () => {
  for (const from of [cwd, join(dirname(fileURLToPath(import.meta.url)), "../apps/server")]) {
    try {
      return createRequire(join(from, "package.json")).resolve("esbuild");
    } catch {
      // Not a dependency there: try the next.
    }
  }
  throw new Error("esbuild not found: run pnpm install");
};
const esbuild = await import(pathToFileURL(resolveEsbuild()).href);

const isBare = (p) => !p.startsWith(".") && !p.startsWith("/") && !p.startsWith("node:");
const inNodeModules = (p) => p.split(sep).includes("node_modules");
const toImport = (file) => {
  const rel = relative(outdir, file).split(sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
};

/** Third-party packages external, by the path Node will load; workspace packages inlined. */
const externals = {
  name: "externals",
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === "entry-point" || !isBare(args.path) || args.pluginData?.resolving) return;
      if (args.path.startsWith("@bazaar/")) return;
      const r = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      });
      if (r.errors.length > 0) return { errors: r.errors };
      // Node built-ins ("fs", "crypto") come back as external already.
      if (r.external) return { path: args.path, external: true };
      return { path: toImport(r.path), external: true };
    });
    // A workspace module that finds files next to itself (db's migrations folder) must still
    // find them there once its code lives in dist/.
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      if (inNodeModules(args.path)) return;
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return;
      const here = JSON.stringify(toImport(args.path));
      return {
        contents: source.replaceAll("import.meta.url", `new URL(${here}, import.meta.url).href`),
        loader: args.path.endsWith("x") ? "tsx" : "ts",
        resolveDir: dirname(args.path),
      };
    });
  },
};

const started = Date.now();
// esbuild has printed what failed and where; its stack trace would add nothing.
await esbuild
  .build({
    entryPoints: entries.map((e) => resolve(cwd, e)),
    outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    sourcemap: true,
    // Readable stack traces in production logs; the bundle is not shipped to browsers.
    minify: false,
    keepNames: true,
    logLevel: "warning",
    plugins: [externals],
    // ESM output: a CommonJS dependency inlined by accident would still find require().
    banner: {
      js: "import { createRequire as __bzCreateRequire } from 'node:module'; const require = __bzCreateRequire(import.meta.url);",
    },
  })
  .catch(() => process.exit(1));
console.log(`built ${entries.join(", ")} → ${relative(cwd, outdir)}/ in ${Date.now() - started} ms`);

// V8 keeps a script's source in memory for as long as it runs, at one byte a character only if
// no character is beyond Latin-1: one "…" in a kept comment or a "₹" in a regular expression
// makes the server's whole bundle two bytes a character (~1.2 MB more heap). esbuild escapes
// strings but not comments or regular expressions, so say where one slipped in.
for (const entry of entries) {
  const file = join(
    outdir,
    `${entry
      .split("/")
      .pop()
      .replace(/\.[cm]?tsx?$/, "")}.js`,
  );
  const lines = readFileSync(file, "utf8").split("\n");
  const wide = lines.flatMap((line, i) =>
    /[\u0100-\u{10ffff}]/u.test(line) ? [`${i + 1}: ${line.trim().slice(0, 100)}`] : [],
  );
  if (wide.length)
    console.warn(
      `${relative(cwd, file)} has characters beyond Latin-1, so V8 holds its source at two bytes a character; write these with \\u escapes or in ASCII:\n  ${wide.slice(0, 10).join("\n  ")}`,
    );
}
