import type { P, Rendered } from "./template-kit";

/** Emails of the returns domain. */
export const returnTemplates = {} satisfies Record<string, (p: P) => Rendered>;
