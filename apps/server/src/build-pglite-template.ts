// Run by the build after bundling: the migrated PGlite database a first start copies
// (embedded-template.ts). Kept while its key (the migrations, PGlite's version) is current.
import { buildPgliteTemplate } from "@bazaar/db";
import { PGLITE_TEMPLATE } from "./embedded-template";

const started = Date.now();
process.stdout.write(
  (await buildPgliteTemplate(PGLITE_TEMPLATE))
    ? `built the PGlite template in ${Date.now() - started} ms\n`
    : "the PGlite template is current: kept\n",
);
