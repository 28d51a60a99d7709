#!/usr/bin/env node
// Writes dist/types/index.d.ts: the AppRouter type for clients (web apps, mobile,
// @bazaar/client), as one declaration file that needs only @trpc/server and @bazaar/schemas.
// Without it, a client's `tsc --noEmit` loaded and type-checked every source file of the api,
// core, db and jobs packages (and their drizzle, stripe and bullmq types) to learn one type.
//
// Two steps: TypeScript emits declarations for the api and the server packages it reaches
// (type-checking skipped: `pnpm typecheck` does that), then rollup-plugin-dts bundles what
// AppRouter needs into one file, our packages inlined, third-party ones left as imports.
// Skipped when no input changed since the last build (a content stamp), so a client's
// typecheck can call it every time: `--force` rebuilds anyway.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const api = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = join(api, "..");
const root = join(packages, "..");
const outDir = join(api, "dist/types");
const stampFile = join(outDir, ".stamp");
/** Server packages inlined into the bundle; @bazaar/schemas stays an import (clients have it). */
const INLINED = ["core", "db", "jobs"];

const hashTree = (hash, path) => {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort())
      if (name !== "node_modules" && name !== "dist") hashTree(hash, join(path, name));
  } else if (/\.(ts|tsx|json|mjs)$/.test(path) && !/\.test\.tsx?$/.test(path)) {
    hash.update(`${relative(root, path)}\0`);
    hash.update(readFileSync(path));
  }
};
const stampOf = () => {
  const hash = createHash("sha256");
  for (const p of ["api", "schemas", ...INLINED]) hashTree(hash, join(packages, p, "src"));
  for (const f of [
    join(api, "scripts/build-types.mjs"),
    join(root, "pnpm-lock.yaml"),
    join(root, "tooling/tsconfig/base.json"),
  ])
    hashTree(hash, f);
  return hash.digest("hex");
};

const stamp = stampOf();
const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;
if (current === stamp && !process.argv.includes("--force")) process.exit(0);

const started = Date.now();
const { default: ts } = await import("typescript");
const { rollup } = await import("rollup");
const { dts } = await import("rollup-plugin-dts");

// A fresh folder per build, renamed into place at the end: two typechecks started together
// never read a half-written file.
const work = join(api, "dist", `.types-${process.pid}`);
rmSync(work, { recursive: true, force: true });
const emitted = join(work, "emit");

// 1. Declarations of every source file the api reaches. `paths` sends our packages to their
//    sources (not through node_modules), so TypeScript emits declarations for them too.
const base = ts.readConfigFile(join(root, "tooling/tsconfig/base.json"), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, api);
const paths = Object.fromEntries(
  ["api", "schemas", ...INLINED].map((p) => [`@bazaar/${p}`, [join(packages, p, "src/index.ts")]]),
);
const program = ts.createProgram([join(api, "src/client.ts")], {
  ...options,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  noCheck: true,
  outDir: emitted,
  rootDir: packages,
  paths,
  types: ["node"],
});
const result = program.emit();
const problems = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
if (problems.length > 0 || result.emitSkipped) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
  console.error(ts.formatDiagnostics(problems, host).trim());
  console.error(
    "build-types: the AppRouter declarations could not be written. A procedure's output names a type its package does not export: export it from that package's index.ts (or give the procedure an output type from @bazaar/schemas).",
  );
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

// 2. One file: our server packages inlined, everything else an import clients resolve.
const declarationOf = (p) => join(emitted, p, "src/index.d.ts");
const bundle = await rollup({
  input: join(emitted, "api/src/client.d.ts"),
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !INLINED.some((p) => id === `@bazaar/${p}`),
  plugins: [
    dts({
      compilerOptions: {
        ...options,
        paths: Object.fromEntries(INLINED.map((p) => [`@bazaar/${p}`, [declarationOf(p)]])),
      },
    }),
  ],
  onwarn: (warning) => {
    // Circular imports between a package's own files are normal and harmless in declarations.
    if (warning.code !== "CIRCULAR_DEPENDENCY") console.error(`build-types: ${warning.message}`);
  },
});
const bundled = join(work, "types");
await bundle.write({ file: join(bundled, "index.d.ts"), format: "es" });
await bundle.close();
writeFileSync(join(bundled, ".stamp"), stamp);

mkdirSync(dirname(outDir), { recursive: true });
// Another build finishing at the same moment may put its folder back in between: retry once.
for (let attempt = 0; ; attempt++) {
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(bundled, outDir);
    break;
  } catch (error) {
    if (attempt > 0 || (error.code !== "ENOTEMPTY" && error.code !== "EEXIST")) throw error;
  }
}
rmSync(work, { recursive: true, force: true });
console.error(`build-types: dist/types/index.d.ts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
