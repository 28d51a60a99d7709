import { DomainError } from "../errors";

/** Placeholder while the use case lands (issue #15). */
export const notYet = (what: string) =>
  new DomainError("UNAVAILABLE", "messaging.not_ready", `${what} is not available yet`);
