import { z } from "zod";

export const Id = z.uuid({ message: "Must be a valid id" });
export const IdInput = z.object({ id: Id });
export type IdInput = z.infer<typeof IdInput>;

/** Cursor pagination shared by every list: the cursor is opaque to clients. */
export const PageInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type PageInput = z.infer<typeof PageInput>;

export type Page<T> = { items: T[]; nextCursor: string | null };

/** The closed set of error kinds a client can switch on (see ARCHITECTURE.md). */
export const ErrorCode = z.enum([
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "INVALID_STATE",
  "VALIDATION",
  "UNAVAILABLE",
  "RATE_LIMITED",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Shape of `error.data` on every API error: clients switch on `reason`. */
export type ApiErrorData = {
  code: string;
  httpStatus: number;
  reason?: string;
  details?: Record<string, unknown>;
  fieldErrors?: Record<string, string[]>;
};
