import type { P, Rendered } from "./template-kit";

/** Emails of the reviews domain. */
export const reviewTemplates = {} satisfies Record<string, (p: P) => Rendered>;
