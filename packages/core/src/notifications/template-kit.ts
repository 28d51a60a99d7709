/**
 * The pieces every email template is built from: one layout, escaping, payload readers and
 * money in rupees. Domains keep their templates in their own file (templates-<domain>.ts).
 */
export type Rendered = { subject: string; text: string; html: string };

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${esc(p)}</p>`).join("");
  const button = action
    ? `<p><a href="${esc(action.url)}" style="background:#0f766e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${esc(action.label)}</a></p>`
    : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:auto;padding:24px"><h2 style="color:#0f766e">Bazaar</h2><h3>${esc(title)}</h3>${body}${button}<p style="color:#666;font-size:12px">You received this because of activity on your Bazaar account.</p></body></html>`;
}

export type P = Record<string, unknown>;
export const str = (p: P, k: string) => String(p[k] ?? "");
/** An optional admin note (`reason`), as a text line and as HTML paragraphs. */
export const note = (p: P) => (str(p, "reason") ? `Note from the Bazaar team: ${str(p, "reason")}\n` : "");
export const noteParagraphs = (p: P) =>
  str(p, "reason") ? [`Note from the Bazaar team: ${str(p, "reason")}`] : [];

/** Text and HTML from the same paragraphs, so the two parts never say different things. */
export function both(
  subject: string,
  title: string,
  paragraphs: string[],
  action?: { label: string; url: string },
): Rendered {
  const text = `${paragraphs.join("\n\n")}\n${action ? `\n${action.label}: ${action.url}\n` : ""}`;
  return { subject, text, html: layout(title, paragraphs, action) };
}
export const rupees = (p: P, k: string) =>
  `Rs. ${(Number(p[k] ?? 0) / 100).toLocaleString("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
