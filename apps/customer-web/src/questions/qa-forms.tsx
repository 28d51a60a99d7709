import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, ErrorAlert, Form, TextAreaField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

function useQuestionsRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries(trpc.questions.list.pathFilter());
}

/** A signed-in customer's question about the product; the seller is told by email. */
export function AskForm({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const refresh = useQuestionsRefresh();
  const [body, setBody] = useState("");
  const [sent, setSent] = useState(false);
  const ask = useMutation(
    trpc.questions.ask.mutationOptions({
      onSuccess: () => {
        setBody("");
        setSent(true);
        refresh();
      },
    }),
  );
  const error = useFormError(ask.error);
  return (
    <Form
      aria-label="Ask a question"
      pending={ask.isPending}
      onSubmit={() => {
        setSent(false);
        ask.mutate({ productId, body });
      }}
      testId="ask-form"
    >
      {sent && <Alert tone="success">Your question is posted. We will email you when it is answered.</Alert>}
      <ErrorAlert error={error} fields={["body"]} />
      <TextAreaField
        id="question-body"
        label="Ask a question about this product"
        rows={2}
        maxLength={1000}
        value={body}
        onValue={setBody}
        hint="The seller and customers who bought it can answer."
        error={error?.fieldErrors.body}
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={ask.isPending} pendingLabel="Posting…" data-testid="ask-submit">
          Ask
        </Button>
      </div>
    </Form>
  );
}

/** An answer from a customer who received the product (shown as "verified buyer"). */
export function AnswerForm({ questionId, onDone }: { questionId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useQuestionsRefresh();
  const [body, setBody] = useState("");
  const answer = useMutation(
    trpc.questions.answer.mutationOptions({
      onSuccess: () => {
        refresh();
        onDone();
      },
    }),
  );
  const error = useFormError(answer.error);
  const id = `answer-${questionId}`;
  return (
    <Form
      aria-label="Answer the question"
      pending={answer.isPending}
      onSubmit={() => answer.mutate({ questionId, body })}
      testId="answer-form"
    >
      <ErrorAlert error={error} fields={["body"]} />
      <TextAreaField
        id={id}
        label="Your answer"
        rows={2}
        maxLength={2000}
        value={body}
        onValue={setBody}
        hint="You bought this product, so your answer is marked “verified buyer”."
        error={error?.fieldErrors.body}
        autoFocus
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={answer.isPending} pendingLabel="Posting…" data-testid="answer-submit">
          Post answer
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
