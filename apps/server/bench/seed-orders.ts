import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";

export type OrderSeed = { lines: number; sellers: number; customers: number; days: number };

/**
 * Bulk order history straight into the tables with generate_series, for the analytics bench:
 * `lines` order lines, two per sub-order, one or two sub-orders per order (1.25 on average),
 * placed over the last `days` days; a third COD, the rest online (mostly paid, some expired or
 * never paid); most parts delivered, some cancelled; 3% of delivered parts with one unit
 * returned and refunded. Prices 50–705 ₹ a unit, 1–3 units a line, commission 5–15%.
 * Spreads are deterministic (functions of the row number), so runs compare.
 */
export async function seedOrders(
  db: Database,
  seed: OrderSeed,
): Promise<{ orders: number; subOrders: number }> {
  const subs = Math.ceil(seed.lines / 2);
  const orders = Math.ceil(subs / 1.25);
  const run = (q: string) => db.execute(sql.raw(q));
  // Skips triggers (foreign-key checks, the sign-up counters) when the role may: the rows are
  // consistent by construction, and rebuildAnalytics recounts the sign-ups afterwards.
  await run("set session_replication_role = replica").catch(() => {});
  await run(`
    insert into users (email, name, password_hash, role, created_at)
    select 'c' || g || '@bench.test', 'Customer ' || g, 'x', 'customer',
      now() - ((g * 7919) % (${seed.days} * 24)) * interval '1 hour'
    from generate_series(1, ${seed.customers}) g`);
  await run(`
    with u as (
      insert into users (email, name, password_hash, role, created_at)
      select 's' || g || '@bench.test', 'Seller ' || g, 'x', 'seller', now() - interval '800 days'
      from generate_series(1, ${seed.sellers}) g returning id, email
    )
    insert into sellers (user_id, shop_name, slug, contact_email, contact_phone, pickup_address,
      bank_account_holder, bank_account_encrypted, bank_account_last4, bank_ifsc, status, commission_bps, created_at)
    select id, 'Shop ' || split_part(email, '@', 1), 'shop-' || split_part(email, '@', 1), email, '9829012345',
      '{"name":"A","phone":"9829012345","line1":"1 Road","city":"Jaipur","state":"Rajasthan","pincode":"302002"}',
      'A', 'x', '1234', 'SBIN0031234', 'approved', 500 + (hashtext(email) & 1023),
      now() - ((hashtext(email) & 65535) % (${seed.days} * 24)) * interval '1 hour'
    from u`);
  await run(`
    insert into categories (name, slug)
    select 'Category ' || g, 'bench-category-' || g from generate_series(1, 40) g`);
  await run(
    `create temp table bs as select id, row_number() over (order by id) as n, commission_bps from sellers`,
  );
  await run(`create temp table bc as select id, row_number() over (order by id) as n from categories`);
  await run(`
    insert into products (seller_id, category_id, title, slug)
    select bs.id, bc.id, 'Product ' || bs.n || '-' || k, 'bench-product-' || bs.n || '-' || k
    from bs cross join generate_series(1, 20) k join bc on bc.n = 1 + (bs.n * 3 + k) % 40`);
  await run(
    `create temp table bp as select id, seller_id, row_number() over (partition by seller_id order by id) as k from products`,
  );
  await run(`create index on bp (seller_id, k)`);
  await run(`analyze bp`);
  await run(
    `create temp table bu as select id, row_number() over (order by id) as n from users where role = 'customer'`,
  );
  await run(`
    create temp table bo as
    select g as n, gen_random_uuid() as id, bu.id as customer_id,
      now() - ((g::bigint * 104729) % (${seed.days} * 1440)) * interval '1 minute' as created_at,
      case when g % 3 = 0 then 'cod' else 'razorpay' end::payment_method as method,
      case when g % 3 = 0 then (case when g % 5 = 0 then 'cod_pending' else 'cod_collected' end)
           when g % 29 = 1 then 'expired' when g % 97 = 2 then 'pending' else 'paid' end::payment_status as status
    from generate_series(1, ${orders}) g join bu on bu.n = 1 + g % ${seed.customers}`);
  await run(`
    create temp table bso as
    select gen_random_uuid() as id, bo.id as order_id, bo.n, k, bs.id as seller_id, bs.commission_bps,
      case when bo.status in ('expired', 'pending') then 'cancelled'
           when (bo.n + k) % 13 = 0 then 'cancelled' when (bo.n + k) % 11 = 0 then 'shipped'
           else 'delivered' end::sub_order_status as status
    from bo cross join lateral generate_series(1, case when bo.n % 4 = 0 then 2 else 1 end) k
    join bs on bs.n = 1 + (bo.n * 7 + k * 131) % ${seed.sellers}
    limit ${subs}`);
  await run(`
    create temp table bli as
    select gen_random_uuid() as id, bso.id as sub_order_id, bso.order_id, j, bp.id as product_id,
      1 + (bso.n + j) % 3 as qty, 5000 + ((bso.n * 31 + j * 17) % 650) * 100 as price
    from bso cross join generate_series(1, 2) j
    join bp on bp.seller_id = bso.seller_id and bp.k = 1 + (bso.n * 13 + j) % 20`);
  // Temporary tables have no statistics until analysed: without them the joins below plan badly.
  for (const t of ["bu", "bo", "bso", "bli"]) await run(`analyze ${t}`);
  await run(`
    insert into orders (id, number, customer_id, idempotency_key, payment_method, payment_status, shipping_address,
      subtotal, item_discount, coupon_discount, shipping, gst_included, total, paid_at, created_at, updated_at)
    select bo.id, 'BZ-B' || bo.n, bo.customer_id, 'bench-' || bo.n, bo.method, bo.status,
      '{"name":"A","phone":"9876543210","line1":"1","line2":null,"landmark":null,"city":"Bengaluru","state":"Karnataka","pincode":"560025"}',
      t.total, 0, 0, 0, 0, t.total, case when bo.status = 'paid' then bo.created_at end, bo.created_at, bo.created_at
    from bo join (
      select bso.order_id, sum(bli.qty * bli.price)::int as total from bso join bli on bli.sub_order_id = bso.id group by 1
    ) t on t.order_id = bo.id`);
  await run(`
    insert into sub_orders (id, order_id, seller_id, number, status, seller, subtotal, item_discount, coupon_discount,
      shipping, gst_included, total, commission_bps, delivered_at, created_at, updated_at)
    select bso.id, bso.order_id, bso.seller_id, 'BZ-B' || bso.n || '-' || bso.k, bso.status,
      '{"shopName":"Shop","slug":"shop","gstin":null,"pan":null,"address":{"name":"A","phone":"9829012345","line1":"1","city":"Jaipur","state":"Rajasthan","pincode":"302002"}}',
      t.total, 0, 0, 0, 0, t.total, bso.commission_bps,
      case when bso.status = 'delivered' then bo.created_at + interval '3 days' end, bo.created_at, bo.created_at
    from bso join bo on bo.id = bso.order_id
    join (select sub_order_id, sum(qty * price)::int as total from bli group by 1) t on t.sub_order_id = bso.id`);
  await run(`
    insert into order_items (id, order_id, sub_order_id, product_id, title, variant_label, sku, gst_rate_bps, qty,
      unit_price, effective_unit_price, item_discount, coupon_discount, line_total, gst_included, position)
    select bli.id, bli.order_id, bli.sub_order_id, bli.product_id, 'Product', 'Default', 'SKU-' || bli.j, 1200, bli.qty,
      bli.price, bli.price, 0, 0, bli.qty * bli.price, 0, bli.j
    from bli`);
  await run(`
    with picked as (
      select bso.id as sub_order_id, bso.order_id, bso.seller_id, bo.customer_id, bo.method, bo.created_at, bso.n, bso.k,
        bli.price
      from bso join bo on bo.id = bso.order_id join bli on bli.sub_order_id = bso.id and bli.j = 1
      where bso.status = 'delivered' and (bso.n * 3 + bso.k) % 100 < 3
    ), r as (
      insert into returns (number, order_id, sub_order_id, seller_id, customer_id, status, items_amount,
        refund_method, refund_status, requested_at, received_at, refunded_at, created_at, updated_at)
      select 'RT-B' || n || '-' || k, order_id, sub_order_id, seller_id, customer_id, 'refunded',
        price,
        case when method = 'cod' then 'manual' else 'original' end::refund_method, 'paid',
        created_at + interval '5 days', created_at + interval '7 days', created_at + interval '8 days',
        created_at + interval '5 days', created_at + interval '8 days'
      from picked returning id, sub_order_id, items_amount
    )
    insert into return_lines (return_id, order_item_id, qty, reason, amount)
    select r.id, bli.id, 1, 'damaged', r.items_amount from r join bli on bli.sub_order_id = r.sub_order_id and bli.j = 1`);
  await run(`
    update order_items i set returned_qty = 1, refunded_amount = rl.amount
    from return_lines rl where rl.order_item_id = i.id`);
  for (const t of ["bs", "bc", "bp", "bu", "bo", "bso", "bli"]) await run(`drop table ${t}`);
  await run("set session_replication_role = default").catch(() => {});
  const [count] = (
    (await db.execute(
      sql`select (select count(*) from orders)::int as orders, (select count(*) from sub_orders)::int as "subOrders"`,
    )) as unknown as { rows: { orders: number; subOrders: number }[] }
  ).rows;
  return count!;
}
