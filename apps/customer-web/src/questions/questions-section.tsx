import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { ErrorAlert, Loading } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { SignInLink } from "../reports/sign-in-link";
import { ShowMore } from "../show-more";
import { AskForm } from "./qa-forms";
import { QuestionItem } from "./question-item";
import { useVerifiedBuyer } from "./use-verified-buyer";

/** The product page's questions and answers, answered-by-seller first, with asking and answering. */
export function QuestionsSection({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const canAnswer = useVerifiedBuyer(productId);
  // The list says what the caller voted for: wait until the session is restored.
  const list = useInfiniteQuery({
    ...trpc.questions.list.infiniteQueryOptions(
      { productId, limit: 10 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled: status !== "loading",
  });
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="bz-card bz-questions" aria-labelledby="questions-title" data-testid="questions">
      <h2 className="bz-card__title" id="questions-title">
        Questions and answers
      </h2>
      {status === "signedIn" && user?.role === "customer" ? (
        <AskForm productId={productId} />
      ) : status === "signedOut" ? (
        <p className="bz-small">
          <SignInLink>Sign in</SignInLink> to ask a question.
        </p>
      ) : null}
      {list.isPending ? (
        <Loading label="Loading questions…" />
      ) : list.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <p className="bz-empty" data-testid="questions-empty">
          No questions yet. Ask the first one.
        </p>
      ) : (
        <ul className="bz-question-list" data-testid="question-list">
          {rows.map((q) => (
            <QuestionItem key={q.id} question={q} canAnswer={canAnswer} />
          ))}
        </ul>
      )}
      <ShowMore query={list} label="Show more questions" testId="more-questions" />
    </section>
  );
}
