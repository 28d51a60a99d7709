import { useEffect, useState } from "react";

/** "2d 4h", "3h 12m", "4m 09s": time left until `end`, or null once it has passed. */
export function timeLeft(end: Date, now: Date): string | null {
  const ms = end.getTime() - now.getTime();
  if (ms <= 0) return null;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m ${String(s % 60).padStart(2, "0")}s`;
}

/** Re-renders every second while `end` is ahead, for a sale's countdown. */
export function useCountdown(end: Date | null | undefined): string | null {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!end) return;
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, [end]);
  return end ? timeLeft(end, now) : null;
}
