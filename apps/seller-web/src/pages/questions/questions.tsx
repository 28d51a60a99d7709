import { useFormError, useTRPC } from "@bazaar/client";
import { Card, ErrorAlert, FilterTabs, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { QuestionCard } from "./question-card";
import { emptyQuestionsText, parseQuestionStatus, QUESTION_TABS } from "./question-labels";

/**
 * Customers' questions on the shop's products, newest first: open ones (no answer from the
 * shop yet) are the inbox. An answer shows on the product page under the shop's name and
 * the customer who asked is emailed.
 */
export function QuestionsPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const status = parseQuestionStatus(params.get("status"));
  const questions = useInfiniteQuery(
    trpc.seller.questions.list.infiniteQueryOptions(
      { limit: 20, status },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(questions.error);
  const rows = questions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title="Questions"
      description="What customers ask about your products. Your answers show on the product page for everyone."
    >
      <FilterTabs
        label="Questions to show"
        tabs={QUESTION_TABS}
        current={status}
        href={(v) => (v === "open" ? "/questions" : `/questions?status=${v}`)}
      />
      {questions.isPending ? (
        <Loading />
      ) : questions.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <Card>
          <p className="bz-empty" data-testid="questions-empty">
            {emptyQuestionsText(status)}
          </p>
        </Card>
      ) : (
        <ul className="bz-board" data-testid="seller-questions">
          {rows.map((q) => (
            <li key={q.id}>
              <QuestionCard question={q} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={questions} />
    </Page>
  );
}
