// The reports domain: what other domains and the package index may use.
export { createReport } from "./create-report";
export { getReportCase } from "./get-report-case";
export { listReportCases } from "./list-report-cases";
export { resolveReportCase } from "./resolve-report-case";
export { restoreReportedContent } from "./restore-reported-content";
