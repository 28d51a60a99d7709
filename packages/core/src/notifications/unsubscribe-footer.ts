import type { NotificationCategory } from "@bazaar/schemas";
import type { Deps } from "../platform/deps";
import type { Rendered } from "./template-kit";
import { esc } from "./template-kit";
import { unsubscribeToken, unsubscribeUrl } from "./unsubscribe-token";

/**
 * A non-security email as sent: the rendered message plus a one-click unsubscribe link for
 * its category in the body, and the List-Unsubscribe / List-Unsubscribe-Post headers
 * (RFC 2369, RFC 8058) that let a mail client offer "Unsubscribe" itself.
 */
export function withUnsubscribe(
  deps: Pick<Deps, "auth" | "unsubscribe" | "publicApiUrl">,
  message: Rendered,
  userId: string,
  category: NotificationCategory,
): Rendered & { headers: Record<string, string> } {
  const url = unsubscribeUrl(deps, unsubscribeToken(deps, userId, category));
  const line = `Don't want ${category} emails? Unsubscribe: ${url}`;
  const footer = `<p style="color:#666;font-size:12px">Don't want ${esc(category)} emails? <a href="${esc(url)}">Unsubscribe</a></p>`;
  const html = message.html.includes("</body>")
    ? message.html.replace("</body>", `${footer}</body>`)
    : `${message.html}${footer}`;
  const mailto = deps.unsubscribe?.mailto;
  const list = mailto ? `<${url}>, <mailto:${mailto}?subject=unsubscribe%20${category}>` : `<${url}>`;
  return {
    ...message,
    text: `${message.text}\n${line}\n`,
    html,
    headers: { "List-Unsubscribe": list, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
