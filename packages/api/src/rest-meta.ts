import type { ApiKeyScope } from "@bazaar/schemas";
import type { OpenApiMeta } from "trpc-to-openapi";

/**
 * A procedure's metadata: `openapi` puts it on the REST bridge (`/api/v1`, trpc-to-openapi);
 * `apiKey` is the scope a seller API key needs to call it. A procedure without `apiKey`
 * refuses every key, whatever its scopes: keys reach only what is marked here.
 */
export type Meta = OpenApiMeta<{ apiKey?: ApiKeyScope }>;

type RestOptions = {
  tags: [string, ...string[]];
  summary: string;
  description?: string;
  /** The scope an API key needs; omitted, keys are refused (sessions only). */
  scope?: ApiKeyScope;
  /** False for the public catalogue: no credentials needed. */
  protect?: boolean;
  /** What a success answers, in words (its schema is the procedure's `.output(...)`). */
  returns?: string;
  /** A cursor-paginated list of this item type. */
  page?: string;
};

/** The meta of a procedure on the REST bridge: `.meta(rest("GET", "/seller/products", { … }))`. */
export function rest(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: `/${string}`,
  o: RestOptions,
): Meta {
  const protect = o.protect ?? true;
  const description = [
    o.description,
    o.scope ? `API key scope: \`${o.scope}\` (or a signed-in seller's session).` : undefined,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    openapi: {
      method,
      path,
      tags: o.tags,
      summary: o.summary,
      ...(description && { description }),
      protect,
      successDescription: o.page
        ? `A page: \`{ items: ${o.page}[], nextCursor: string | null }\`; pass \`nextCursor\` as \`cursor\` for the next page.`
        : (o.returns ?? "OK"),
    },
    ...(o.scope && { apiKey: o.scope }),
  };
}
