import { ReviewIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function removeReview(
  _deps: Deps,
  _actor: Actor,
  raw: z.input<typeof ReviewIdInput>,
): Promise<{ reviewId: string; removed: true }> {
  ReviewIdInput.parse(raw);
  throw new Error("not implemented");
}
