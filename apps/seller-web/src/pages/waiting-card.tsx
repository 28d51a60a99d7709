import { useFormError } from "@bazaar/client";
import { Card, ErrorAlert } from "@bazaar/ui";
import { Link } from "react-router";
import { countOf } from "../nav-counts";
import { useWaiting } from "../use-waiting";

/** The dashboard's after-delivery to-do: returns to decide or receive, questions, reviews to answer. */
export function WaitingCard() {
  const w = useWaiting();
  const error = useFormError(
    w.toDecide.error ?? w.comingBack.error ?? w.openQuestions.error ?? w.unreplied.error ?? null,
  );
  const stats = [
    { to: "/returns?status=requested", label: "Returns to decide", page: w.toDecide.data },
    { to: "/returns?status=approved", label: "Returns on their way back", page: w.comingBack.data },
    { to: "/questions", label: "Open questions", page: w.openQuestions.data },
    { to: "/reviews?show=unreplied", label: "Reviews without a reply", page: w.unreplied.data },
  ];
  return (
    <Card title="Waiting on you">
      {error ? (
        <ErrorAlert error={error} />
      ) : (
        <ul className="bz-stats" data-testid="waiting-counts">
          {stats.map((s) => (
            <li key={s.to}>
              <Link to={s.to} className="bz-stat">
                <span className="bz-stat__value">{countOf(s.page) ?? "…"}</span>
                <span className="bz-stat__label">{s.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
