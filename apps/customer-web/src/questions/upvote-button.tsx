import { useAuth } from "@bazaar/client";
import type { VoteResultDto } from "@bazaar/schemas";
import { Button } from "@bazaar/ui";
import { useState } from "react";
import { SignInLink } from "../reports/sign-in-link";
import { upvoteText } from "./qa-labels";

/** An upvote toggle; the exact count comes back from the server. Guests are asked to sign in. */
export function UpvoteButton(props: {
  voted: boolean;
  upvotes: number;
  /** Sends the toggle; resolves with where the vote now stands. */
  toggle: () => Promise<VoteResultDto>;
  label: string;
  testId: string;
}) {
  const { status } = useAuth();
  const [result, setResult] = useState<VoteResultDto | null>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const voted = result?.voted ?? props.voted;
  const upvotes = result?.upvotes ?? props.upvotes;
  if (status !== "signedIn")
    return (
      <span className="bz-small bz-muted">
        {upvotes > 0 && `${upvoteText(upvotes)} · `}
        <SignInLink>Sign in to vote</SignInLink>
      </span>
    );
  const click = async () => {
    setPending(true);
    setFailed(null);
    try {
      setResult(await props.toggle());
    } catch (e) {
      setFailed(e instanceof Error ? e.message : "The vote did not go through");
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button
        variant="secondary"
        className="bz-button--small"
        aria-pressed={voted}
        aria-label={`${props.label}: ${upvoteText(upvotes)}`}
        pending={pending}
        onClick={() => void click()}
        data-testid={props.testId}
      >
        {voted ? "▲ " : "△ "}
        {upvoteText(upvotes)}
      </Button>
      {failed && (
        <span className="bz-small bz-text-danger" role="alert">
          {failed}
        </span>
      )}
    </>
  );
}
