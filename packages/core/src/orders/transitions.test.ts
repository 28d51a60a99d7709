import { SubOrderStatus } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { type ActorKind, assertMove, canMove, nextStatuses } from "./transitions";

const actors: ActorKind[] = ["customer", "seller", "admin", "system"];
const S = SubOrderStatus.options;

/** The rules as the issue states them, written out independently of the table. */
function expected(from: string, to: string, actor: ActorKind): boolean {
  const forward: Record<string, string> = {
    placed: "confirmed",
    confirmed: "packed",
    packed: "shipped",
    shipped: "out_for_delivery",
    out_for_delivery: "delivered",
  };
  if (to === "cancelled") {
    const before = (s: string) => S.indexOf(from as never) < S.indexOf(s as never);
    if (from === "delivered" || from === "cancelled") return false;
    if (actor === "admin") return true;
    if (actor === "customer") return before("packed");
    if (actor === "seller") return before("shipped");
    return from === "placed"; // the system cancels only unpaid orders
  }
  if (forward[from] !== to) return false;
  return from === "placed" ? actor === "system" : actor === "seller";
}

describe("sub-order state machine", () => {
  it("allows exactly the documented moves, for every status pair and every actor", () => {
    let allowed = 0;
    for (const from of S)
      for (const to of S)
        for (const actor of actors) {
          expect([from, to, actor, canMove(from, to, actor)]).toEqual([
            from,
            to,
            actor,
            expected(from, to, actor),
          ]);
          if (canMove(from, to, actor)) allowed++;
        }
    // Five forward moves, and eleven cancellations (4 from placed, 3, 2, 1, 1).
    expect(allowed).toBe(16);
  });

  it("refuses an illegal move with order.invalid_transition and what is allowed instead", () => {
    try {
      assertMove("confirmed", "shipped", "seller");
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).reason).toBe("order.invalid_transition");
      expect((e as DomainError).details).toEqual({
        from: "confirmed",
        to: "shipped",
        allowed: ["packed", "cancelled"],
      });
    }
    expect(nextStatuses("delivered", "admin")).toEqual([]);
  });
});
