import type { P, Rendered } from "./template-kit";

/** Emails of the reports domain. */
export const reportTemplates = {} satisfies Record<string, (p: P) => Rendered>;
