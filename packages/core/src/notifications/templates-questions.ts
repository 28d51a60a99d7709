import type { P, Rendered } from "./template-kit";

/** Emails of the questions domain. */
export const questionTemplates = {} satisfies Record<string, (p: P) => Rendered>;
