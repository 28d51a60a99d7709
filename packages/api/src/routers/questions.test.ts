import { randomUUID } from "node:crypto";
import { createVerifiedUser } from "@bazaar/core";
import { createTestContext, orderFixture, type TestContext } from "@bazaar/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../root";
import { clientError, testHttp } from "../testing/http";
import { signInViaApi } from "../testing/sign-in";

let t: TestContext;
const api = (accessToken: string | null = null) =>
  createCaller({ deps: t.deps, http: testHttp({ accessToken }) });

async function signedIn() {
  const email = `customer-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name: "Kavya Iyer", password: "pass-word-1", role: "customer" });
  return (await signInViaApi(t.deps, api(), { email, password: "pass-word-1" })).accessToken;
}

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("question procedures", () => {
  it("answer bad input with errors that name the field", async () => {
    const c = api(await signedIn());
    const cases: [() => Promise<unknown>, string[]][] = [
      [() => c.questions.ask({ productId: "x", body: "short" }), ["productId", "body"]],
      [() => c.questions.answer({ questionId: randomUUID(), body: "" }), ["body"]],
      [() => c.questions.vote({ questionId: "1" }), ["questionId"]],
      [() => c.questions.voteAnswer({ answerId: "" }), ["answerId"]],
      [() => api().questions.list({ productId: randomUUID(), limit: 500 }), ["limit"]],
      [() => api().questions.list({ productId: randomUUID(), cursor: "not a cursor!" }), ["cursor"]],
    ];
    for (const [call, fields] of cases) {
      const e = await clientError(call());
      expect(e.code).toBe("BAD_REQUEST");
      expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    }
    const e = await clientError(c.questions.ask({ productId: randomUUID(), body: "why?" }));
    expect(e.fieldErrors?.body).toEqual(["Write your question in at least 10 characters"]);
  });

  it("the public list knows a signed-in caller's votes and treats a stale token as anonymous", async () => {
    const fx = orderFixture(t);
    const shop = await fx.shop("Token Shop");
    const item = await fx.variant(shop, 10_000, 5, "Jute bag");
    const token = await signedIn();
    const q = await api(token).questions.ask({
      productId: item.product.id,
      body: "How much weight can it hold?",
    });
    expect(q.askerName).toBe("Kavya I.");
    expect(await api(token).questions.vote({ questionId: q.id })).toEqual({ voted: true, upvotes: 1 });

    const mine = await api(token).questions.list({ productId: item.product.id });
    expect(mine.items.map((x) => [x.id, x.votedByMe, x.upvotes])).toEqual([[q.id, true, 1]]);
    const stale = await api("not-a-real-token").questions.list({ productId: item.product.id });
    expect(stale.items.map((x) => [x.id, x.votedByMe])).toEqual([[q.id, false]]);
    expect(await clientError(api().questions.vote({ questionId: q.id }))).toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
