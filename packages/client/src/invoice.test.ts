import { describe, expect, it, vi } from "vitest";
import { toFormError } from "./form-error";
import { attachmentFilename, fetchInvoice } from "./invoice";

const SUB_ORDER = "00000000-0000-4000-8000-000000000011";

function fakeAuth(initial: string | null) {
  let token = initial;
  return {
    getAccessToken: () => token,
    refresh: vi.fn(async () => {
      token = "fresh";
      return true;
    }),
  };
}

describe("fetchInvoice", () => {
  it("sends the bearer token, refreshes once on 401, and names the file from the header", async () => {
    const auth = fakeAuth("expired");
    const seen: (string | null)[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const header = new Headers(init?.headers).get("authorization");
      seen.push(header);
      if (header !== "Bearer fresh")
        return new Response(JSON.stringify({ code: "UNAUTHORIZED", message: "Sign in" }), { status: 401 });
      return new Response(new Uint8Array([37, 80, 68, 70]), {
        status: 200,
        headers: {
          "content-type": "application/pdf",
          "content-disposition": 'attachment; filename="INV-BZ-250101-ABCDEF-1.pdf"',
        },
      });
    });
    const file = await fetchInvoice(SUB_ORDER, { auth, fetch: fetch as typeof globalThis.fetch });
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/invoices/${SUB_ORDER}`);
    expect(seen).toEqual(["Bearer expired", "Bearer fresh"]);
    expect(auth.refresh).toHaveBeenCalledExactlyOnceWith("expired");
    expect(file.filename).toBe("INV-BZ-250101-ABCDEF-1.pdf");
    expect(file.blob.size).toBe(4);
  });

  it("explains a refusal like any API error", async () => {
    const auth = fakeAuth("t");
    const fetch = async () =>
      new Response(
        JSON.stringify({
          code: "INVALID_STATE",
          message: "The invoice is issued once the order is confirmed",
          reason: "invoice.not_ready",
        }),
        { status: 409 },
      );
    const error = await fetchInvoice(SUB_ORDER, { auth, fetch: fetch as typeof globalThis.fetch }).catch(
      (e) => e,
    );
    expect(toFormError(error)).toMatchObject({
      message: "The invoice is issued once the order is confirmed",
      reason: "invoice.not_ready",
      code: "INVALID_STATE",
    });
    expect(auth.refresh).not.toHaveBeenCalled();
  });
});

describe("attachmentFilename", () => {
  it("reads quoted, bare and encoded names, and never a path", () => {
    expect(attachmentFilename('attachment; filename="a.pdf"', "x.pdf")).toBe("a.pdf");
    expect(attachmentFilename("attachment; filename=b.pdf", "x.pdf")).toBe("b.pdf");
    expect(attachmentFilename("attachment; filename*=UTF-8''c%20d.pdf", "x.pdf")).toBe("c d.pdf");
    expect(attachmentFilename('attachment; filename="../e.pdf"', "x.pdf")).toBe(".._e.pdf");
    expect(attachmentFilename(null, "x.pdf")).toBe("x.pdf");
  });
});
