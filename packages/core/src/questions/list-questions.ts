import type { QuestionsListInput, QuestionsPageDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function listQuestions(
  _deps: Pick<Deps, "db" | "now">,
  _viewer: Actor | null,
  _input: QuestionsListInput,
): Promise<QuestionsPageDto> {
  throw new Error("not implemented");
}
