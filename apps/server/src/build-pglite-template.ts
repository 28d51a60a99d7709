// Run by the build after bundling: the migrated PGlite database a first start copies
// (embedded-template.ts). Kept while its key (the migrations, PGlite's version) is current.
import { buildPgliteTemplate, isCurrentTemplate } from "@bazaar/db";
import { PGLITE_TEMPLATE } from "./embedded-template";

const started = Date.now();
if (isCurrentTemplate(PGLITE_TEMPLATE)) {
  process.stdout.write("the PGlite template is current: kept\n");
} else {
  await buildPgliteTemplate(PGLITE_TEMPLATE);
  process.stdout.write(`built the PGlite template in ${Date.now() - started} ms\n`);
}
