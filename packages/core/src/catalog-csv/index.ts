export { exportCatalogCsv } from "./export-catalog";
export { beginCatalogImport, importCatalogCsv } from "./import-catalog";
export { catalogImportErrorReport, getCatalogImport, listCatalogImports } from "./queries";
