import type { AnalyticsTop, TopCategoryDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function getAdminTopCategories(
  _deps: Deps,
  _actor: Actor,
  _input: AnalyticsTop,
): Promise<TopCategoryDto[]> {
  throw new Error("not implemented");
}
