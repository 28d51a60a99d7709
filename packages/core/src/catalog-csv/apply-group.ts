import { categories, type Database, inventoryMovements, products, productVariants } from "@bazaar/db";
import { ProductCreateInput } from "@bazaar/schemas";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { createProduct, refreshDerived, updateProduct } from "../catalog";
import { DomainError, isDomainError } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { cellOf, groupInput, type ProductGroup, type RowError } from "./group";

export type GroupOutcome = "created" | "updated" | "unchanged";

/** A problem with the group, already placed on its row and column. */
export class GroupRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super("product group rejected");
  }
}

const reject = (group: ProductGroup, path: (string | number)[], message: string) =>
  new GroupRejected([{ ...cellOf(group, path), message }]);

/**
 * Creates or updates one product from its rows, through the catalog's own use cases (the
 * same rules, audit and inventory log as the seller's editor), on `db`, which the caller
 * makes a savepoint: a group that fails anywhere leaves nothing behind. Variants are matched
 * by SKU within the shop; the product is the one those SKUs belong to, else the shop's
 * product whose slug is the handle, else a new one. A SKU another shop uses is refused, so an
 * import can never touch (or look like) someone else's listing.
 */
export async function applyGroup(
  deps: Deps,
  db: Database,
  actor: SellerActor,
  group: ProductGroup,
): Promise<GroupOutcome> {
  const built = groupInput(group);
  if (built.errors) throw new GroupRejected(built.errors);
  const { category, ...rest } = built.input;
  const [cat] = category
    ? await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, category))
    : [];
  if (!cat)
    throw reject(group, ["categoryId"], category ? `No category "${category}"` : "Category is required");
  const parsed = ProductCreateInput.safeParse({ ...rest, categoryId: cat.id });
  if (!parsed.success)
    throw new GroupRejected(
      parsed.error.issues.map((i) => ({
        ...cellOf(group, i.path as (string | number)[]),
        message: i.message,
      })),
    );
  const input = parsed.data;
  const skus = input.variants.map((v) => v.sku);

  // One look-up by SKU alone (indexed): the shop's own variants, and any other shop's.
  const found = await db.select().from(productVariants).where(inArray(productVariants.sku, skus));
  const foreign = [...new Set(found.filter((v) => v.sellerId !== actor.sellerId).map((v) => v.sku))];
  if (foreign.length) {
    throw new GroupRejected(
      foreign.map((sku) => ({
        ...cellOf(group, ["variants", skus.indexOf(sku), "sku"]),
        message: "This SKU belongs to another shop",
      })),
    );
  }
  const own = found;
  const productIds = [...new Set(own.map((v) => v.productId))];
  if (productIds.length > 1)
    throw reject(
      group,
      ["variants", skus.indexOf(own[0]!.sku), "sku"],
      "These SKUs belong to different products",
    );
  let productId = productIds[0];
  if (!productId) {
    const [bySlug] = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.slug, group.handle), eq(products.sellerId, actor.sellerId)));
    productId = bySlug?.id;
  }
  const scoped = { ...deps, db };
  try {
    if (!productId) {
      await createProduct(scoped, actor, input);
      return "created";
    }
    return await updateFromGroup(scoped, actor, productId, input);
  } catch (error) {
    if (!isDomainError(error)) deps.log.warn({ err: error }, "catalog import: a product group failed");
    throw asRejection(group, error);
  }
}

type Input = ReturnType<typeof ProductCreateInput.parse>;

async function updateFromGroup(
  deps: Deps,
  actor: SellerActor,
  id: string,
  input: Input,
): Promise<GroupOutcome> {
  const [product] = await deps.db.select().from(products).where(eq(products.id, id));
  const current = await deps.db
    .select()
    .from(productVariants)
    .where(eq(productVariants.productId, id))
    .orderBy(asc(productVariants.position));
  const live = current.filter((v) => v.active);
  // Values the product offers but no row uses stay offered: the file lists variants, not menus.
  const options = input.options.map((o) => {
    const had = product!.options.find((p) => p.name === o.name)?.values ?? [];
    return { name: o.name, values: [...had, ...o.values.filter((v) => !had.includes(v))] };
  });
  const sameProduct =
    product!.title === input.title &&
    product!.description === input.description &&
    (product!.brand ?? null) === (input.brand ?? null) &&
    product!.categoryId === input.categoryId &&
    (product!.hsnCode ?? null) === (input.hsnCode ?? null) &&
    product!.gstRateBps === input.gstRateBps &&
    JSON.stringify(product!.tags) === JSON.stringify(input.tags) &&
    JSON.stringify(product!.options) === JSON.stringify(options);
  const sameVariants =
    live.length === input.variants.length &&
    input.variants.every((v, i) => {
      const c = live[i]!;
      return (
        c.sku === v.sku &&
        c.price === v.price &&
        (c.compareAtPrice ?? null) === (v.compareAtPrice ?? null) &&
        (c.weightGrams ?? null) === (v.weightGrams ?? null) &&
        JSON.stringify(c.optionValues) === JSON.stringify(v.optionValues)
      );
    });
  let changed = false;
  if (!sameProduct || !sameVariants) {
    await updateProduct(deps, actor, {
      id,
      title: input.title,
      description: input.description,
      brand: input.brand ?? null,
      categoryId: input.categoryId,
      hsnCode: input.hsnCode ?? null,
      gstRateBps: input.gstRateBps,
      tags: input.tags,
      options,
      variants: input.variants.map(({ stock: _stock, ...v }) => ({
        ...v,
        id: live.find((c) => c.sku === v.sku)?.id,
        // A new variant's opening stock is logged by the update itself.
        ...(!current.some((c) => c.sku === v.sku) && _stock !== undefined && { stock: _stock }),
      })),
    });
    changed = true;
  }
  if (await moveStock(deps, actor, id, current, input)) changed = true;
  return changed ? "updated" : "unchanged";
}

/**
 * The file's stock for variants that existed, as movements in the inventory log by the
 * difference (what adjustStock does, once per product instead of once per variant: the
 * listing totals are refreshed once). Each change is conditional, so a sale made meanwhile is
 * kept and stock never goes below zero. Answers whether anything moved.
 */
async function moveStock(
  deps: Deps,
  actor: SellerActor,
  productId: string,
  current: (typeof productVariants.$inferSelect)[],
  input: Input,
): Promise<boolean> {
  const now = deps.now();
  const moves: (typeof inventoryMovements.$inferInsert)[] = [];
  for (const [i, v] of input.variants.entries()) {
    const was = current.find((c) => c.sku === v.sku);
    if (!was || v.stock === undefined || v.stock === was.stock) continue;
    const delta = v.stock - was.stock;
    const [row] = await deps.db
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${delta}`, updatedAt: now })
      .where(and(eq(productVariants.id, was.id), gte(sql`${productVariants.stock} + ${delta}`, 0)))
      .returning({ stock: productVariants.stock });
    if (!row)
      throw new DomainError(
        "INVALID_STATE",
        "stock.would_go_negative",
        "Stock sold meanwhile: export again",
        {
          fieldErrors: {
            [`variants.${i}.stock`]: ["Some of this stock sold meanwhile; export again and retry"],
          },
        },
      );
    moves.push({
      variantId: was.id,
      productId,
      sellerId: actor.sellerId,
      actorId: actor.userId,
      delta,
      reason: "CSV import",
      resultingStock: row.stock,
      createdAt: now,
    });
  }
  if (moves.length === 0) return false;
  await deps.db.insert(inventoryMovements).values(moves);
  await refreshDerived(deps.db, productId, now);
  await audit(deps.db, {
    actorId: actor.userId,
    action: "variant.stock_adjusted",
    targetType: "product",
    targetId: productId,
    data: {
      reason: "CSV import",
      moves: moves.map((m) => ({ variantId: m.variantId, delta: m.delta, stock: m.resultingStock })),
    },
  });
  return true;
}

/** A catalog rule's error, placed on the cell it is about. */
function asRejection(group: ProductGroup, error: unknown): unknown {
  if (error instanceof GroupRejected) return error;
  if (!isDomainError(error)) return reject(group, ["handle"], "This product could not be saved. Try again.");
  const details = (error as DomainError).details as
    | { fieldErrors?: Record<string, string[]>; field?: string }
    | undefined;
  const fieldErrors = details?.fieldErrors;
  if (fieldErrors && Object.keys(fieldErrors).length) {
    return new GroupRejected(
      Object.entries(fieldErrors).flatMap(([path, messages]) =>
        messages.map((message) => ({
          ...cellOf(
            group,
            path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          ),
          message,
        })),
      ),
    );
  }
  return reject(group, [details?.field ?? "handle"], error.message);
}
