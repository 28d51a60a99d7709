import type { AskQuestionInput, QuestionDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function askQuestion(
  _deps: Deps,
  _actor: Actor,
  _input: AskQuestionInput,
): Promise<QuestionDto> {
  throw new Error("not implemented");
}
