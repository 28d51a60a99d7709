import { useTRPCClient } from "@bazaar/client";
import { formatDate } from "@bazaar/client/format";
import type { AnswerDto, QuestionDto } from "@bazaar/schemas";
import { Button } from "@bazaar/ui";
import { useState } from "react";
import { ReportLink } from "../reports/report-link";
import { AnswerForm } from "./qa-forms";
import { answersText, authorBadge } from "./qa-labels";
import { UpvoteButton } from "./upvote-button";

/** A question with its answers (the seller's first), votes, report links and, for buyers, answering. */
export function QuestionItem({ question: q, canAnswer }: { question: QuestionDto; canAnswer: boolean }) {
  const client = useTRPCClient();
  const [answering, setAnswering] = useState(false);
  return (
    <li className="bz-question" data-testid="question">
      <p className="bz-question__body">
        <strong>Q:</strong> {q.body}
      </p>
      <p className="bz-small bz-muted">
        Asked by {q.askerName} on {formatDate(q.createdAt)} · {answersText(q.answerCount)}
        {q.answeredBySeller && (
          <span className="bz-tag bz-tag--accent bz-review__verified" data-testid="answered-by-seller">
            Answered by the seller
          </span>
        )}
      </p>
      <div className="bz-review__actions">
        <UpvoteButton
          voted={q.votedByMe}
          upvotes={q.upvotes}
          toggle={() => client.questions.vote.mutate({ questionId: q.id })}
          label="Question helpful"
          testId="question-vote"
        />
        {canAnswer && !answering && (
          <Button
            variant="link"
            className="bz-small"
            onClick={() => setAnswering(true)}
            data-testid="answer-open"
          >
            Answer
          </Button>
        )}
        <ReportLink targetType="question" targetId={q.id} />
      </div>
      {answering && <AnswerForm questionId={q.id} onDone={() => setAnswering(false)} />}
      {q.answers.length > 0 && (
        <ul className="bz-answers" aria-label="Answers">
          {q.answers.map((a) => (
            <AnswerItem key={a.id} answer={a} />
          ))}
        </ul>
      )}
      {q.answerCount > q.answers.length && (
        <p className="bz-small bz-muted">
          Showing the top {q.answers.length} of {q.answerCount} answers.
        </p>
      )}
    </li>
  );
}

function AnswerItem({ answer: a }: { answer: AnswerDto }) {
  const client = useTRPCClient();
  const badge = authorBadge(a.author);
  return (
    <li className={`bz-answer${a.author.role === "seller" ? " bz-answer--seller" : ""}`} data-testid="answer">
      <p className="bz-prewrap">
        <strong>A:</strong> {a.body}
      </p>
      <p className="bz-small bz-muted">
        {a.author.name} · {formatDate(a.createdAt)}
        {badge && (
          <span
            className={`bz-tag ${a.author.role === "buyer" ? "bz-tag--info" : "bz-tag--accent"} bz-review__verified`}
            data-testid="answer-badge"
          >
            {badge}
          </span>
        )}
      </p>
      <div className="bz-review__actions">
        <UpvoteButton
          voted={a.votedByMe}
          upvotes={a.upvotes}
          toggle={() => client.questions.voteAnswer.mutate({ answerId: a.id })}
          label="Answer helpful"
          testId="answer-vote"
        />
        <ReportLink targetType="answer" targetId={a.id} />
      </div>
    </li>
  );
}
