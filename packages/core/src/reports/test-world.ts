import { randomUUID } from "node:crypto";
import { answers, questions, reviews, users } from "@bazaar/db";
import type { Role } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { Actor, SellerActor } from "../platform/deps";
import { catalogFixture } from "../testing/catalog-fixture";
import type { TestContext } from "../testing/test-context";

/**
 * Test-only: a shop with a live product, a review, a question and an answer on it, straight
 * into the tables (the reports tests are about reports, not about how content is written).
 */
export function reportsWorld(t: TestContext) {
  const f = catalogFixture(t.deps);
  let category: { id: string } | undefined;

  async function user(role: Role = "customer") {
    const [u] = await t.deps.db
      .insert(users)
      .values({ email: `${role}-${randomUUID()}@example.com`, name: `A ${role}`, passwordHash: "x", role })
      .returning();
    const actor: Actor = { userId: u!.id, role, sessionId: randomUUID() };
    return { ...u!, actor };
  }

  async function shopWithContent(title = "Block-printed kurta") {
    category ??= await f.category("Reported things");
    const seller = await f.seller({ name: `Shop ${randomUUID().slice(0, 6)}` });
    const sellerActor: SellerActor = {
      userId: seller.userId,
      role: "seller",
      sessionId: randomUUID(),
      sellerId: seller.id,
    };
    const product = await f.product({ seller, category, title });
    const buyer = await user();
    const [review] = await t.deps.db
      .insert(reviews)
      .values({
        productId: product.id,
        sellerId: seller.id,
        customerId: buyer.id,
        rating: 1,
        title: "Fake",
        body: "Buy followers at spam.example",
      })
      .returning();
    const [question] = await t.deps.db
      .insert(questions)
      .values({ productId: product.id, sellerId: seller.id, askerId: buyer.id, body: "Is this cotton?" })
      .returning();
    const [answer] = await t.deps.db
      .insert(answers)
      .values({
        questionId: question!.id,
        authorId: seller.userId,
        authorRole: "seller",
        body: "Yes, pure cotton",
      })
      .returning();
    // Keep the question's counters true to its one answer, as the questions domain would.
    await t.deps.db.execute(
      sql`update questions set answer_count = 1, seller_answered_at = now() where id = ${question!.id}`,
    );
    return { seller, sellerActor, product, buyer, review: review!, question: question!, answer: answer! };
  }

  return { user, shopWithContent };
}
