import { markShared } from "@bazaar/core";
import { initTRPC, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { shareCheckedOutputs } from "./shared-outputs";

const t = initTRPC.create();
const Out = z.object({ n: z.number() });

function build(source: () => unknown) {
  let parses = 0;
  const Counted = Out.transform((v) => {
    parses++;
    return v;
  });
  const router = shareCheckedOutputs(
    t.router({ read: t.procedure.output(Counted as unknown as typeof Out).query(() => source() as never) }),
  );
  return { caller: t.createCallerFactory(router)({}), parses: () => parses };
}

describe("shareCheckedOutputs", () => {
  it("checks a shared cache value once and hands out the same checked copy, extra keys dropped as before", async () => {
    const cached = markShared({ n: 1, internal: "x" });
    const { caller, parses } = build(() => cached);
    const first = await caller.read();
    expect(first).toEqual({ n: 1 });
    expect(await caller.read()).toBe(first);
    expect(parses()).toBe(1);
  });

  it("a shared value the check leaves unchanged is handed out itself, no copy kept", async () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const cached = markShared({ n: 1 });
    const { caller, parses } = build(() => cached);
    expect(await caller.read()).toBe(cached);
    expect(await caller.read()).toBe(cached);
    expect(parses()).toBe(1);
    // A Date against its ISO text is not "unchanged".
    const When = z.object({ at: z.coerce.date() });
    const router = shareCheckedOutputs(
      t.router({ when: t.procedure.output(When).query(() => markShared({ at: at.toISOString() }) as never) }),
    );
    const answer = await t.createCallerFactory(router)({}).when();
    expect(answer.at).toBeInstanceOf(Date);
  });

  it("checks every call's answer when it is not a shared value", async () => {
    const { caller, parses } = build(() => ({ n: 2, internal: "x" }));
    expect(await caller.read()).toEqual({ n: 2 });
    expect(await caller.read()).toEqual({ n: 2 });
    expect(parses()).toBe(2);
  });

  it("refuses an answer that does not match, shared or not, on every call", async () => {
    for (const value of [markShared({ n: "one" }), { n: "one" }]) {
      const { caller } = build(() => value);
      for (let i = 0; i < 2; i++) {
        const error = await caller.read().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TRPCError);
        expect(error).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: "Output validation failed" });
      }
    }
  });
});
