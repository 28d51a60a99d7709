export { exportCatalogCsv } from "./export-catalog";
export {
  beginCatalogImport,
  importCatalogCsv,
  runCatalogImportJob,
} from "./import-catalog";
export { catalogImportErrorReport, getCatalogImport, listCatalogImports } from "./queries";
