import { useFormError, useTRPC } from "@bazaar/client";
import { formatCount, formatDate } from "@bazaar/client/format";
import type { SellerQuestionDto } from "@bazaar/schemas";
import { Alert, Button, ErrorAlert, Form, TextAreaField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { answerAuthorLabel } from "./question-labels";

/** One question with its answers; open ones carry the answer box, answered ones can add another. */
export function QuestionCard({ question: q }: { question: SellerQuestionDto }) {
  const [adding, setAdding] = useState(false);
  const open = q.sellerAnsweredAt === null;
  return (
    <article className="bz-card" aria-label={`Question on ${q.product.title}`} data-testid="seller-question">
      <div className="bz-part__head">
        <div>
          <Link to={`/products/${q.product.id}`}>{q.product.title}</Link>
          <div className="bz-muted bz-small">
            {q.askerName} asked on {formatDate(q.createdAt)}
            {q.upvotes > 0 && ` · ${formatCount(q.upvotes)} found it useful`}
          </div>
        </div>
        <span className={`bz-tag ${open ? "bz-tag--warning" : "bz-tag--accent"}`}>
          {open ? "Open" : "Answered"}
        </span>
      </div>
      <p className="bz-prewrap">
        <strong>Q: {q.body}</strong>
      </p>
      {q.answers.length > 0 && (
        <ul className="bz-list" aria-label="Answers" data-testid="answers">
          {q.answers.map((a) => (
            <li key={a.id}>
              <p className="bz-prewrap">A: {a.body}</p>
              <span className="bz-muted bz-small">
                {answerAuthorLabel(a.author)} · {formatDate(a.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {q.answerCount > q.answers.length && (
        <p className="bz-muted bz-small">
          {formatCount(q.answerCount - q.answers.length)} more answers on the product page.
        </p>
      )}
      <div className="bz-part__section">
        {open || adding ? (
          <AnswerForm question={q} onCancel={adding ? () => setAdding(false) : undefined} />
        ) : (
          <Button variant="link" onClick={() => setAdding(true)}>
            Add another answer
          </Button>
        )}
      </div>
    </article>
  );
}

/** The answer box: the answer is public under the shop's name, and the asker is emailed. */
function AnswerForm({ question: q, onCancel }: { question: SellerQuestionDto; onCancel?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const answer = useMutation(
    trpc.seller.questions.answer.mutationOptions({
      onSuccess: async () => {
        setBody("");
        onCancel?.();
        await queryClient.invalidateQueries(trpc.seller.questions.list.pathFilter());
      },
    }),
  );
  const error = useFormError(answer.error);
  return (
    <Form
      aria-label={`Answer: ${q.body.slice(0, 60)}`}
      pending={answer.isPending}
      onSubmit={() => answer.mutate({ questionId: q.id, body: body.trim() })}
      testId="answer-form"
    >
      {answer.isSuccess && <Alert tone="success">Answer posted. The customer has been emailed.</Alert>}
      <ErrorAlert error={error} fields={["body"]} />
      <TextAreaField
        id={`answer-${q.id}`}
        label="Your answer"
        rows={3}
        value={body}
        onValue={setBody}
        error={error?.fieldErrors.body}
        hint="Shown on the product page under your shop's name."
      />
      <div className="bz-form-actions">
        <Button type="submit" className="bz-button--small" pending={answer.isPending} pendingLabel="Posting…">
          Post answer
        </Button>
        {onCancel && (
          <Button variant="secondary" className="bz-button--small" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </Form>
  );
}
