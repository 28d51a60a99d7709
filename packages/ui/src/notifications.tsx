import { formatDate } from "@bazaar/client/format";
import type { NotificationCategory, NotificationDto, NotificationPreferenceDto } from "@bazaar/schemas";
import { Link } from "react-router";
import { Button } from "./form";
import { badgeText, bellLabel, timeAgo } from "./inbox-values";

/** The header's bell: a link to the notifications page with the unread count on it. */
export function NotificationBell({ count, to = "/notifications" }: { count: number | null; to?: string }) {
  const badge = badgeText(count);
  return (
    <Link
      to={to}
      className="bz-cart-link bz-bell"
      aria-label={bellLabel(count)}
      data-testid="notification-bell"
      data-count={count ?? ""}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {badge && (
        <span className="bz-count" data-testid="notification-count">
          {badge}
        </span>
      )}
    </Link>
  );
}

/**
 * The notifications, newest first: unread ones marked, each opening the page it is about
 * (and counting as read when opened), with "Mark read" for one that needs no visit.
 */
export function NotificationList(props: {
  items: readonly NotificationDto[];
  now: Date;
  onOpen: (n: NotificationDto) => void;
  onMarkRead: (n: NotificationDto) => void;
  marking: ReadonlySet<string>;
}) {
  return (
    <ul className="bz-notifications" data-testid="notification-list">
      {props.items.map((n) => {
        const unread = n.readAt === null;
        return (
          <li
            key={n.id}
            className={`bz-notification${unread ? " bz-notification--unread" : ""}`}
            data-testid="notification"
          >
            <div className="bz-notification__main">
              <p className="bz-notification__title">
                {unread && <span className="bz-visually-hidden">Unread: </span>}
                {n.link ? (
                  <Link to={n.link} onClick={() => props.onOpen(n)}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}
              </p>
              {n.body && <p className="bz-small bz-prewrap">{n.body}</p>}
              <p className="bz-muted bz-small">
                <span className="bz-tag bz-tag--plain">{categoryLabel(n.category)}</span>{" "}
                <time dateTime={n.createdAt.toISOString()}>
                  {timeAgo(n.createdAt, props.now, formatDate)}
                </time>
              </p>
            </div>
            {unread && (
              <Button
                variant="link"
                className="bz-small"
                onClick={() => props.onMarkRead(n)}
                pending={props.marking.has(n.id)}
                pendingLabel="Marking…"
                aria-label={`Mark “${n.title}” read`}
                data-testid="notification-mark-read"
              >
                Mark read
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const CATEGORY_LABELS: Record<NotificationCategory, { label: string; about: string }> = {
  orders: { label: "Orders", about: "Placed, moving along, delivered or cancelled" },
  payments: { label: "Payments", about: "Payments received or failed, refunds settled" },
  returns: { label: "Returns", about: "Return requests and each step after" },
  messages: { label: "Messages", about: "New messages between buyers and shops" },
  questions: { label: "Questions", about: "Questions about products and their answers" },
  catalog: { label: "Products", about: "Products approved or rejected, takedowns" },
  payouts: { label: "Payouts", about: "Payouts requested and paid" },
  shop: { label: "Shop", about: "Decisions about a shop: approval, suspension" },
  account: { label: "Account", about: "Changes to your account (not sign-in codes or resets)" },
};

/** "Orders", "Payouts": a category as the pages name it. */
export const categoryLabel = (c: NotificationCategory): string => CATEGORY_LABELS[c]?.label ?? c;

/**
 * The preferences: per category, email and in-app switches, each saved as it is flipped.
 * `categories` picks the rows this app shows (a customer has no payouts). Security emails
 * are listed as always on, with a disabled switch, so nobody looks for them.
 */
export function NotificationPreferencesTable(props: {
  items: readonly NotificationPreferenceDto[];
  categories: readonly NotificationCategory[];
  saving: ReadonlySet<string>;
  onChange: (category: NotificationCategory, change: { email?: boolean; inApp?: boolean }) => void;
}) {
  const rows = props.categories
    .map((c) => props.items.find((i) => i.category === c))
    .filter((i): i is NotificationPreferenceDto => i !== undefined);
  return (
    <div className="bz-table-wrap">
      <table className="bz-table bz-preferences" data-testid="notification-preferences">
        <caption className="bz-visually-hidden">What Bazaar tells you about, and how</caption>
        <thead>
          <tr>
            <th scope="col">About</th>
            <th scope="col">Email</th>
            <th scope="col">In the app</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const { label, about } = CATEGORY_LABELS[p.category];
            const busy = props.saving.has(p.category);
            return (
              <tr key={p.category} data-testid={`preference-${p.category}`}>
                <th scope="row">
                  {label}
                  <span className="bz-muted bz-small bz-preferences__about">{about}</span>
                </th>
                <td>
                  <Switch
                    label={`${label} by email`}
                    checked={p.email}
                    disabled={busy}
                    onChange={(email) => props.onChange(p.category, { email })}
                  />
                </td>
                <td>
                  <Switch
                    label={`${label} in the app`}
                    checked={p.inApp}
                    disabled={busy}
                    onChange={(inApp) => props.onChange(p.category, { inApp })}
                  />
                </td>
              </tr>
            );
          })}
          <tr data-testid="preference-security">
            <th scope="row">
              Security
              <span className="bz-muted bz-small bz-preferences__about">
                Sign-in codes, password resets and new sign-ins: always emailed, to keep your account safe
              </span>
            </th>
            <td>
              <Switch label="Security by email (always on)" checked disabled onChange={() => {}} />
            </td>
            <td>
              <span className="bz-muted bz-small">—</span>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function Switch(props: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="bz-switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked={props.checked}
        checked={props.checked}
        disabled={props.disabled}
        aria-label={props.label}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span aria-hidden="true">{props.checked ? "On" : "Off"}</span>
    </label>
  );
}
