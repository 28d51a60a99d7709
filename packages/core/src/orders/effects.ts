import { type Database, orderEvents, sellers, users } from "@bazaar/db";
import type { OrderUpdateEvent, PaymentStatus, SubOrderStatus } from "@bazaar/schemas";
import { eq, type SQL, sql } from "drizzle-orm";
import { invalidateProducts, refreshProductsDerived } from "../catalog";
import { invalidState } from "../errors";
import type { TemplateName } from "../notifications";
import { dispatchEmails, type Notified, publishNotified, queueEmail } from "../notifications";
import type { Deps } from "../platform/deps";
import { pgArray, preparedStatement } from "../platform/prepared";
import { rowsOf } from "../platform/raw-rows";
import type { ActorKind } from "./transitions";

/**
 * What a change to an order owes the world once its transaction commits: emails (already
 * in the outbox), live updates to the buyer and the sellers, jobs, a catalogue refresh.
 * Collected while the transaction runs, released only after it commits.
 */
export class Effects {
  emails: string[] = [];
  live: { channels: string[]; event: OrderUpdateEvent }[] = [];
  jobs: (() => Promise<void>)[] = [];
  /** Anything else changed in the catalogue: release drops every cached storefront page. */
  catalogChanged = false;
  /**
   * Products whose stock and sold counts moved (an order, a cancellation, a return): with
   * nothing else changed, release drops only the cached pages that show them (and in-stock
   * listings), so browsing stays cached while orders flow (catalog's invalidateProducts).
   */
  stockMoved = new Set<string>();
  /** In-app notifications written by `notify` in the transaction; published on release. */
  notified: Notified[] = [];

  async email(tx: Database, userId: string, template: TemplateName, payload: Record<string, unknown>) {
    const [u] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, userId));
    if (!u) return;
    this.emails.push(await queueEmail(tx, { to: u.email, template, payload: { name: u.name, ...payload } }));
  }

  /**
   * Writes several emails to the outbox in one statement, each to a user's address of record
   * with their name in the payload (as `email` does). Only rows are written: the templates are
   * rendered by the email job, in the worker, never on the request path.
   */
  async emailUsers(
    tx: Database,
    list: { userId: string; template: TemplateName; payload: Record<string, unknown> }[],
  ) {
    if (!list.length) return;
    const rows = await insertUserEmails(tx, userEmailsValues(list));
    this.emails.push(...rows.map((r) => r.id));
  }

  /** Tells a seller their part of an order is confirmed and theirs to pack. */
  async sellerNewOrder(
    tx: Database,
    sub: { sellerId: string; number: string; total: number },
    sellerUrl: string,
  ) {
    const [shop] = await tx
      .select({ userId: sellers.userId, shopName: sellers.shopName })
      .from(sellers)
      .where(eq(sellers.id, sub.sellerId));
    if (shop)
      await this.email(tx, shop.userId, "seller_new_order", {
        shopName: shop.shopName,
        number: sub.number,
        total: sub.total,
        url: `${sellerUrl}/orders`,
      });
  }

  /**
   * Sends everything at once: none depends on another, and over Redis commands issued in
   * the same tick share one round trip (the connection auto-pipelines). One channel's events
   * still arrive in the order written: one connection, commands sent in issue order.
   */
  async release(deps: Pick<Deps, "db" | "jobs" | "log" | "live" | "cache">) {
    const sent: Promise<unknown>[] = [
      dispatchEmails(deps, this.emails),
      publishNotified(deps, ...this.notified),
    ];
    for (const job of this.jobs)
      sent.push(
        job().catch((err) => deps.log.error({ err }, "could not enqueue a job after an order change")),
      );
    for (const { channels, event } of this.live)
      for (const c of channels)
        sent.push(
          deps.live.publish(c, event).catch((err) => deps.log.warn({ err }, "live update not delivered")),
        );
    if (this.catalogChanged) sent.push(deps.cache.bump("catalog"));
    else if (this.stockMoved.size) sent.push(invalidateProducts(deps, { productIds: this.stockMoved }));
    await Promise.all(sent);
  }
}

export const customerChannel = (userId: string) => `orders:customer:${userId}`;
export const sellerChannel = (sellerId: string) => `orders:seller:${sellerId}`;

export type Transition = {
  order: { id: string; customerId: string; paymentStatus: PaymentStatus };
  subOrder: { id: string; number: string; sellerId: string };
  from: SubOrderStatus | null;
  to: SubOrderStatus;
  actor: { kind: ActorKind; userId: string | null };
  note?: string | null;
  at: Date;
};

/** Writes one step of a sub-order's timeline and queues its live update. */
export async function recordTransition(tx: Database, fx: Effects, t: Transition) {
  await recordTransitions(tx, fx, [t]);
}

/**
 * Writes steps of sub-orders' timelines in one statement and queues their live updates.
 * Steps of one sub-order written together (placed, then confirmed) keep the order given:
 * the rows take their sequence numbers in that order. Returns the rows written, in order.
 */
export async function recordTransitions(tx: Database, fx: Effects, list: Transition[]) {
  if (!list.length) return [];
  const rows = await tx
    .insert(orderEvents)
    .values(
      list.map((t) => ({
        orderId: t.order.id,
        subOrderId: t.subOrder.id,
        fromStatus: t.from,
        toStatus: t.to,
        actorId: t.actor.userId,
        actorRole: t.actor.kind,
        note: t.note ?? null,
        createdAt: t.at,
      })),
    )
    .returning()
    // Named by its row count: the text is the same for every list of that length.
    .prepare(`orders_record_transitions_${list.length}`)
    .execute();
  announceTransitions(fx, list);
  return rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * Queues the live update of each step (to the buyer and the seller, sent on release), for a
 * caller that wrote the steps' rows itself (checkout writes them with the order's other rows).
 */
export function announceTransitions(fx: Effects, list: Transition[]) {
  for (const t of list)
    fx.live.push({
      channels: [customerChannel(t.order.customerId), sellerChannel(t.subOrder.sellerId)],
      event: {
        orderId: t.order.id,
        subOrderId: t.subOrder.id,
        number: t.subOrder.number,
        from: t.from,
        to: t.to,
        paymentStatus: t.order.paymentStatus,
        at: t.at,
      },
    });
}

type StockRow = { id: string; available: number; product_id: string | null; qty: number | null };

/**
 * Takes `qty` units of each variant, or fails naming the first one short (in id order).
 * Two statements for every line together: the first locks the variants in id order, so two
 * checkouts over the same variants queue rather than deadlock; the second, whose snapshot
 * then sees every earlier order's stock, takes the units only where enough are left (a
 * conditional update, so no unit is ever sold twice), logs the movements, locks the
 * variants' products, also in id order, moves their total stock by the units taken and
 * books the units sold for the sold-count fold (catalog's foldSoldCounts). A short line
 * throws, and the caller's transaction rolls it all back.
 */
export async function reserveStock(
  tx: Database,
  lines: { variantId: string; qty: number; title: string }[],
  ref: { reason: string; actorId: string; at: Date },
) {
  const wanted = new Map<string, { qty: number; title: string }>();
  for (const l of lines)
    wanted.set(l.variantId, { qty: (wanted.get(l.variantId)?.qty ?? 0) + l.qty, title: l.title });
  if (!wanted.size) return;
  const ids = [...wanted.keys()].sort();
  // Locked in a statement of its own: an update that waited for a lock inside its own
  // statement would judge the row by the snapshot it started with.
  await lockVariants(tx, ids);
  const rows = await takeStock(tx, {
    ids: pgArray(ids),
    qtys: `{${ids.map((id) => wanted.get(id)!.qty).join(",")}}`,
    at: ref.at,
    actorId: ref.actorId,
    reason: ref.reason,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const short = [...wanted.keys()].sort().find((id) => !byId.get(id)?.product_id);
  if (short !== undefined) {
    const available = Math.max(0, byId.get(short)?.available ?? 0);
    throw invalidState("checkout.out_of_stock", `${wanted.get(short)!.title}: only ${available} left`, {
      variantId: short,
      available,
    });
  }
}

/**
 * Puts cancelled sub-orders' units back on the shelf, in three statements for every line of
 * every sub-order: lock the variants in id order; add the units back, log the movements and
 * lock the products in id order; refresh those products' prices, stock and sold counts.
 * Returns the products restocked.
 */
export async function restockSubOrders(
  tx: Database,
  subs: { id: string; number: string }[],
  ref: { actorId: string | null; at: Date },
): Promise<string[]> {
  if (!subs.length) return [];
  const json = JSON.stringify(subs.map((s) => ({ id: s.id, reason: `cancelled ${s.number}` })));
  await tx.execute(sql`select pv.id from product_variants pv
    where pv.id in (select oi.variant_id from order_items oi
      where oi.sub_order_id in (select (x->>'id')::uuid from jsonb_array_elements(${json}::jsonb) x))
    order by pv.id for no key update`);
  const rows = await rowsOf<{ product_id: string; qty: number }>(
    tx,
    sql`with subs as (
        select * from jsonb_to_recordset(${json}::jsonb) as s(id uuid, reason text)
      ),
      back as (
        select oi.variant_id as id, sum(oi.qty)::int as qty, string_agg(distinct s.reason, ', ') as reason
        from order_items oi join subs s on s.id = oi.sub_order_id
        where oi.variant_id is not null
        group by oi.variant_id
      ),
      put as (
        update product_variants pv set stock = pv.stock + b.qty, updated_at = ${ref.at}
        from back b where pv.id = b.id
        returning pv.id, pv.product_id, pv.seller_id, pv.stock, b.qty, b.reason
      ),
      logged as (
        insert into inventory_movements
          (variant_id, product_id, seller_id, actor_id, delta, reason, resulting_stock, created_at)
        select id, product_id, seller_id, ${ref.actorId}::uuid, qty, reason, stock, ${ref.at}::timestamptz from put
      ),
      products_locked as (
        select id from products where id in (select product_id from put) order by id for no key update
      )
      select product_id, qty, (select count(*) from products_locked) as products from put`,
  );
  await refreshProductsDerived(
    tx,
    rows.map((r) => ({ productId: r.product_id, sold: -r.qty })),
    ref.at,
  );
  return rows.map((r) => r.product_id);
}

/**
 * Locks these variants in id order, so writers of several variants queue instead of
 * deadlocking. NO KEY UPDATE is the lock an update of the stock takes anyway; FOR UPDATE
 * would also wait for the key-share locks other orders' items hold on the variant (their
 * foreign keys) and deadlock with them.
 */
async function lockVariants(tx: Database, ids: string[]) {
  await lockVariantRows(tx, { ids: pgArray(ids) });
}

const lockVariantRows = preparedStatement<{ id: string }, { ids: string }>(
  "orders_lock_variants",
  () => sql`select id from product_variants where id = any(${sql.placeholder("ids")}::uuid[])
    order by id for no key update`,
);

/**
 * Takes the wanted units where enough are left, logs the movements and locks the products
 * (in id order); answers every wanted variant with its stock before and, if taken, its product.
 * The products' total stock moves by the units taken from active variants (what the catalog's
 * refresh would recompute: a price does not depend on stock), in this statement instead of a
 * third: the update runs after the products' locks, so were it made to wait for one, it
 * re-reads the row it changes and subtracts from the stock the other order left. Units sold
 * are booked in product_sold_pending (the catalog's fold adds them to sold_count), so the
 * update changes no indexed column of products and stays HOT.
 * The lines come as two arrays, not as JSON: the planner knows an array's length (a JSON
 * record set counts as 100 rows), so it looks the few variants and products up by key
 * instead of scanning both tables whole (~2 ms of PostgreSQL per order at 5,000 variants).
 */
const takeStock = preparedStatement<
  StockRow,
  { ids: string; qtys: string; at: Date; actorId: string; reason: string }
>(
  "orders_take_stock",
  () => sql`with wanted as (
        select * from unnest(${sql.placeholder("ids")}::uuid[], ${sql.placeholder("qtys")}::int[]) as w(id, qty)
      ),
      stocked as (
        select pv.id, pv.stock from product_variants pv where pv.id = any(${sql.placeholder("ids")}::uuid[])
      ),
      taken as (
        update product_variants pv set stock = pv.stock - w.qty, updated_at = ${sql.placeholder("at")}::timestamptz
        from wanted w where pv.id = w.id and pv.stock >= w.qty
        returning pv.id, pv.product_id, pv.seller_id, pv.stock, pv.active, w.qty
      ),
      logged as (
        insert into inventory_movements
          (variant_id, product_id, seller_id, actor_id, delta, reason, resulting_stock, created_at)
        select id, product_id, seller_id, ${sql.placeholder("actorId")}::uuid, -qty, ${sql.placeholder("reason")}::text, stock, ${sql.placeholder("at")}::timestamptz
        from taken
      ),
      products_locked as (
        select id from products where id in (select product_id from taken) order by id for no key update
      ),
      moved as (
        select product_id, (sum(qty) filter (where active))::int as units, sum(qty)::int as sold
        from taken group by product_id
      ),
      restocked as (
        update products p set total_stock = p.total_stock - coalesce(m.units, 0),
          updated_at = ${sql.placeholder("at")}::timestamptz
        from moved m where p.id = m.product_id and p.id in (select id from products_locked)
      ),
      booked as (
        insert into product_sold_pending (product_id, sold) select product_id, sold from moved
      )
      select c.id, c.stock as available, t.product_id, t.qty, (select count(*) from products_locked) as products
      from stocked c left join taken t on t.id = c.id`,
);

/**
 * The outbox rows of several emails, each to a user's address of record with their name in the
 * payload. The users also come as an array: the planner then looks them up by key, where a
 * JSON record set (100 rows, it assumes) alone made it scan the whole users table.
 */
const insertUserEmails = preparedStatement<{ id: string }, { json: string; users: string }>(
  "orders_insert_user_emails",
  () => userEmailsInsert(sql`${sql.placeholder("json")}`, sql`${sql.placeholder("users")}`),
);

/**
 * `Effects.emailUsers`' insert, for a caller that writes it together with other rows in one
 * statement (checkout); `json` and `users` stand for `userEmailsValues`' two texts. Put the
 * ids it returns in `Effects.emails`.
 */
export const userEmailsInsert = (json: SQL, users: SQL) =>
  sql`insert into emails ("to", template, payload)
        select u.email, m.template, jsonb_build_object('name', u.name) || m.payload
        from jsonb_to_recordset(${json}::jsonb) as m(n int, user_id uuid, template text, payload jsonb)
        join users u on u.id = m.user_id and u.id = any(${users}::uuid[])
        order by m.n
        returning id`;

/** The emails as `userEmailsInsert` takes them. */
export const userEmailsValues = (
  list: { userId: string; template: TemplateName; payload: Record<string, unknown> }[],
) => ({
  json: JSON.stringify(
    list.map((e, n) => ({ n, user_id: e.userId, template: e.template, payload: e.payload })),
  ),
  users: pgArray(list.map((e) => e.userId)),
});
