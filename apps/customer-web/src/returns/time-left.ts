/**
 * Countdown text for windows that close (a return window, the 48 hours to escalate). Pure:
 * the caller passes `now`, so a test can pin it and the page can re-render on a timer.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * "3 days left", "30 hours left", "12 minutes left"; null once `until` has passed. Days are
 * counted only from two days up, so the last 48 hours (the whole escalation window) read in
 * hours. Whole units are rounded down except minutes, rounded up, so the text never says
 * "0 minutes" while there is still time.
 */
export function timeLeftText(until: Date, now: Date): string | null {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return null;
  if (ms >= 2 * DAY) return `${plural(Math.floor(ms / DAY), "day")} left`;
  if (ms >= HOUR) return `${plural(Math.floor(ms / HOUR), "hour")} left`;
  return `${plural(Math.ceil(ms / MINUTE), "minute")} left`;
}
