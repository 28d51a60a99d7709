// zod schemas of seller API keys for integrators (issue #16).
import { z } from "zod";
import { Id, safeText } from "./common";

/** The areas a key may be given, each readable and writable apart. */
export const API_KEY_AREAS = ["catalog", "stock", "orders", "returns", "payouts"] as const;
export type ApiKeyArea = (typeof API_KEY_AREAS)[number];

export const ApiKeyScope = z.enum(
  API_KEY_AREAS.flatMap((a) => [`${a}:read`, `${a}:write`] as const) as [
    `${ApiKeyArea}:${"read" | "write"}`,
    ...`${ApiKeyArea}:${"read" | "write"}`[],
  ],
  { message: "Choose scopes from the list" },
);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;
export const API_KEY_SCOPES = ApiKeyScope.options;

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "bz_live_";

export const ApiKeyCreateInput = z.object({
  name: safeText("Name").min(1, "Name the key, e.g. the system that will use it").max(80),
  scopes: z
    .array(ApiKeyScope, { message: "Choose the key's scopes" })
    .min(1, "Choose at least one scope")
    .max(API_KEY_SCOPES.length, "Each scope once"),
});
export type ApiKeyCreateInput = z.input<typeof ApiKeyCreateInput>;

export const ApiKeyIdInput = z.object({ id: Id });
export type ApiKeyIdInput = z.input<typeof ApiKeyIdInput>;

export type ApiKeyDto = {
  id: string;
  name: string;
  /** The visible part, `bz_live_<prefix>_…`, to tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** What creating a key answers: the key itself is in `secret`, shown this once and never again. */
export type ApiKeyCreatedDto = ApiKeyDto & { secret: string };
