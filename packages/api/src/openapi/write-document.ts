// `pnpm --filter @bazaar/api openapi`: writes the committed openapi.json from the code.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "./document";

export const documentPath = fileURLToPath(new URL("../../openapi.json", import.meta.url));

const doc = await openApiDocument();
writeFileSync(documentPath, `${JSON.stringify(doc, null, 2)}\n`);
const operations = Object.values(doc.paths ?? {}).reduce(
  (n, item) => n + Object.keys(item as object).length,
  0,
);
process.stdout.write(`wrote ${documentPath}: ${operations} operations\n`);
