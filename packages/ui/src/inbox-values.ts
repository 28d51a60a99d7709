// Pure rules behind the inboxes and the bell, shared by the three web apps: how a live
// message joins a thread, which of my messages carries "Seen", how conversations are ordered,
// how counts and response times read.

/** The least a thread needs of a message: a global, ever-increasing `seq`. */
type Sequenced = { id: string; seq: number };

/**
 * The thread after `incoming` arrives: ordered by seq, each message once. The same message
 * may come twice (the live stream and a refetch racing, or a reconnect replaying from the
 * last seen seq); the later copy wins, so a message hidden since replaces the one shown.
 */
export function mergeMessages<M extends Sequenced>(existing: readonly M[], incoming: readonly M[]): M[] {
  if (incoming.length === 0) return [...existing];
  const bySeq = new Map<number, M>();
  for (const m of existing) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq in a list, or 0: where a reconnecting stream resumes. */
export const lastSeq = (messages: readonly { seq: number }[]): number =>
  messages.reduce((max, m) => Math.max(max, m.seq), 0);

/**
 * The one message of mine that shows "Seen": my newest message at or below the seq the other
 * side has read. Null when they have read none of mine. One mark, under the last one read,
 * as chat apps do, instead of a tick on every line.
 */
export function seenMessageId<M extends Sequenced & { mine: boolean }>(
  messages: readonly M[],
  otherReadSeq: number,
): string | null {
  let seen: string | null = null;
  for (const m of messages) if (m.mine && m.seq <= otherReadSeq) seen = m.id;
  return seen;
}

/** Unread first, then the most recent conversation; equal ones keep their order. */
export function unreadFirst<C extends { unread: number; lastMessageAt: Date | null }>(
  list: readonly C[],
): C[] {
  const time = (c: C) => c.lastMessageAt?.getTime() ?? 0;
  return [...list].sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0) || time(b) - time(a));
}

/** A badge's text: nothing at zero, "99+" past 99. */
export function badgeText(count: number | null | undefined): string | null {
  if (!count || count <= 0) return null;
  return count > 99 ? "99+" : String(count);
}

/** "Messages (3)" in a nav; the bare label at zero, while loading or on error. */
export function labelWithCount(label: string, count: number | null | undefined): string {
  const badge = badgeText(count);
  return badge ? `${label} (${badge})` : label;
}

/** The bell's accessible name: "Notifications, 3 unread". */
export function bellLabel(count: number | null | undefined): string {
  const badge = badgeText(count);
  return badge ? `Notifications, ${badge} unread` : "Notifications";
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A seller's median first-reply time, as the shop page says it: rounded up to a unit a buyer
 * thinks in ("within 5 minutes", "within 3 hours", "within 2 days"). Null (no figure shown)
 * when the shop has not answered enough conversations in the last 30 days to say.
 */
export function responseTimeText(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds <= 5 * MINUTE) return "Usually replies within minutes";
  if (seconds < HOUR) return `Usually replies within ${Math.ceil(seconds / MINUTE)} minutes`;
  if (seconds < DAY) {
    const hours = Math.ceil(seconds / HOUR);
    return `Usually replies within ${hours === 1 ? "an hour" : `${hours} hours`}`;
  }
  const days = Math.ceil(seconds / DAY);
  return `Usually replies within ${days === 1 ? "a day" : `${days} days`}`;
}

/**
 * When something happened, near `now`: "just now", "5 min ago", "3 h ago", "yesterday", and
 * past a week the date the caller formats (so money and dates still go through one formatter).
 */
export function timeAgo(at: Date, now: Date, formatDate: (at: Date) => string): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (seconds < MINUTE) return "just now";
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min ago`;
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)} h ago`;
  if (seconds < 2 * DAY) return "yesterday";
  if (seconds < 7 * DAY) return `${Math.floor(seconds / DAY)} days ago`;
  return formatDate(at);
}

/**
 * The text of a message being written, checked as the server will: something to send (text
 * or at least one image), at most `max` characters. Returns the problem, or null.
 */
export function draftProblem(body: string, imageCount: number, max: number): string | null {
  if (body.trim().length === 0 && imageCount === 0) return "Write a message or add an image";
  if (body.length > max) return `At most ${max.toLocaleString("en-IN")} characters`;
  return null;
}
