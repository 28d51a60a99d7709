import type { SellerQuestionsListInput, SellerQuestionsPageDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";

export async function listSellerQuestions(
  _deps: Deps,
  _actor: SellerActor,
  _input: SellerQuestionsListInput,
): Promise<SellerQuestionsPageDto> {
  throw new Error("not implemented");
}
