import type { AnswerDto, AnswerQuestionInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function answerQuestion(
  _deps: Deps,
  _actor: Actor,
  _input: AnswerQuestionInput,
): Promise<AnswerDto> {
  throw new Error("not implemented");
}
