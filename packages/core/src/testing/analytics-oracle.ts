import {
  categories,
  type Database,
  orderItems,
  orders,
  products,
  returnLines,
  returns,
  sellers,
  subOrders,
  users,
} from "@bazaar/db";

/**
 * Test-only: every dashboard figure recomputed from the raw rows in plain TypeScript, straight
 * from the words in @bazaar/schemas analytics.ts (no rollup, no SQL of the analytics domain),
 * so a test can compare each figure the dashboards serve with what the orders say.
 */
export async function analyticsOracle(db: Database) {
  const [o, so, items, rets, lines, prods, cats, us, shops] = await Promise.all([
    db.select().from(orders),
    db.select().from(subOrders),
    db.select().from(orderItems),
    db.select().from(returns),
    db.select().from(returnLines),
    db.select().from(products),
    db.select().from(categories),
    db.select().from(users),
    db.select().from(sellers),
  ]);
  const ist = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Kolkata",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const dayOf = (d: Date) => ist.format(d);
  const orderById = new Map(o.map((x) => [x.id, x]));
  const counted = (orderId: string) => {
    const x = orderById.get(orderId)!;
    return x.paymentMethod === "cod" || ["paid", "partially_refunded", "refunded"].includes(x.paymentStatus);
  };
  const booked = rets.filter((r) => r.status === "received" || r.status === "refunded");
  const bookedIds = new Set(booked.map((r) => r.id));
  const bookedLines = lines.filter((l) => bookedIds.has(l.returnId));

  type Sale = {
    sub: (typeof so)[number];
    day: string;
    live: boolean;
    units: number;
    refunded: number;
    returnedUnits: number;
  };
  const sales: Sale[] = so
    .filter((s) => counted(s.orderId))
    .map((s) => {
      const its = items.filter((i) => i.subOrderId === s.id);
      const rs = booked.filter((r) => r.subOrderId === s.id);
      const rl = bookedLines.filter((l) => its.some((i) => i.id === l.orderItemId));
      return {
        sub: s,
        day: dayOf(orderById.get(s.orderId)!.createdAt),
        live: s.status !== "cancelled",
        units: its.reduce((a, i) => a + i.qty, 0),
        refunded: rs.reduce((a, r) => a + r.itemsAmount + r.shippingAmount, 0),
        returnedUnits: rl.reduce((a, l) => a + l.qty, 0),
      };
    });
  const inRange = (day: string, from: string, to: string) => day >= from && day <= to;

  function seller(sellerId: string, from: string, to: string) {
    const mine = sales.filter((s) => s.sub.sellerId === sellerId && inRange(s.day, from, to));
    const live = mine.filter((s) => s.live);
    const gross = mine.reduce((a, s) => a + s.sub.total, 0);
    const cancelled = mine.filter((s) => !s.live).reduce((a, s) => a + s.sub.total, 0);
    const refunded = live.reduce((a, s) => a + s.refunded, 0);
    const revenue = gross - cancelled - refunded;
    const orders = live.length;
    const delivered = mine.filter((s) => s.sub.status === "delivered").reduce((a, s) => a + s.units, 0);
    const returned = live.reduce((a, s) => a + s.returnedUnits, 0);
    return {
      revenue,
      grossSales: gross,
      orders,
      units: live.reduce((a, s) => a + s.units - s.returnedUnits, 0),
      averageOrderValue: orders ? Math.floor(revenue / orders) : 0,
      returnsRate: delivered ? returned / delivered : 0,
      deliveredUnits: delivered,
      returnedUnits: returned,
    };
  }

  function topProducts(sellerId: string, from: string, to: string) {
    const by = new Map<
      string,
      { productId: string; title: string; revenue: number; units: number; orders: number }
    >();
    for (const s of sales) {
      if (s.sub.sellerId !== sellerId || !s.live || !inRange(s.day, from, to)) continue;
      for (const i of items.filter((x) => x.subOrderId === s.sub.id && x.productId)) {
        const back = bookedLines.filter((l) => l.orderItemId === i.id);
        const row = by.get(i.productId!) ?? {
          productId: i.productId!,
          title: prods.find((p) => p.id === i.productId)!.title,
          revenue: 0,
          units: 0,
          orders: 0,
        };
        row.revenue += i.lineTotal - back.reduce((a, l) => a + l.amount, 0);
        row.units += i.qty - back.reduce((a, l) => a + l.qty, 0);
        row.orders += 1;
        by.set(i.productId!, row);
      }
    }
    return [...by.values()].sort(
      (a, b) => b.revenue - a.revenue || b.units - a.units || (a.productId < b.productId ? -1 : 1),
    );
  }

  function admin(from: string, to: string) {
    const mine = sales.filter((s) => inRange(s.day, from, to));
    const placed = o.filter((x) => counted(x.id) && inRange(dayOf(x.createdAt), from, to));
    const gmv = placed.reduce((a, x) => a + x.total, 0);
    const cancelled = mine.filter((s) => !s.live).reduce((a, s) => a + s.sub.total, 0);
    const refunded = mine.filter((s) => s.live).reduce((a, s) => a + s.refunded, 0);
    const commission = mine
      .filter((s) => s.live)
      .reduce((a, s) => a + Math.round(((s.sub.total - s.refunded) * s.sub.commissionBps) / 10_000), 0);
    // Each method counted from the orders themselves (the code derives Razorpay as the rest).
    const split = (method: "razorpay" | "stripe" | "cod") => {
      const paid = placed.filter((x) => x.paymentMethod === method);
      const part = paid.reduce((a, x) => a + x.total, 0);
      return { method, orders: paid.length, gmv: part, share: gmv ? part / gmv : 0 };
    };
    return {
      gmv,
      netRevenue: gmv - cancelled - refunded,
      commission,
      orders: placed.length,
      averageOrderValue: placed.length ? Math.floor(gmv / placed.length) : 0,
      newCustomers: us.filter((u) => u.role !== "admin" && inRange(dayOf(u.createdAt), from, to)).length,
      newSellers: shops.filter((s) => inRange(dayOf(s.createdAt), from, to)).length,
      refundRate: gmv ? (cancelled + refunded) / gmv : 0,
      paymentMethods: [split("razorpay"), split("stripe"), split("cod")],
    };
  }

  function topShops(from: string, to: string) {
    const ids = [...new Set(sales.filter((s) => inRange(s.day, from, to)).map((s) => s.sub.sellerId))];
    return ids
      .map((id) => {
        const f = seller(id, from, to);
        const commission = sales
          .filter((s) => s.sub.sellerId === id && s.live && inRange(s.day, from, to))
          .reduce((a, s) => a + Math.round(((s.sub.total - s.refunded) * s.sub.commissionBps) / 10_000), 0);
        return {
          sellerId: id,
          shopName: shops.find((s) => s.id === id)!.shopName,
          revenue: f.revenue,
          orders: f.orders,
          commission,
        };
      })
      .sort((a, b) => b.revenue - a.revenue || b.orders - a.orders || (a.sellerId < b.sellerId ? -1 : 1));
  }

  function topCategories(from: string, to: string) {
    const by = new Map<
      string | null,
      { categoryId: string | null; name: string; revenue: number; units: number }
    >();
    for (const s of sales) {
      if (!s.live || !inRange(s.day, from, to)) continue;
      for (const i of items.filter((x) => x.subOrderId === s.sub.id)) {
        const categoryId = prods.find((p) => p.id === i.productId)?.categoryId ?? null;
        const back = bookedLines.filter((l) => l.orderItemId === i.id);
        const row = by.get(categoryId) ?? {
          categoryId,
          name: cats.find((c) => c.id === categoryId)?.name ?? "Uncategorised",
          revenue: 0,
          units: 0,
        };
        row.revenue += i.lineTotal - back.reduce((a, l) => a + l.amount, 0);
        row.units += i.qty - back.reduce((a, l) => a + l.qty, 0);
        by.set(categoryId, row);
      }
    }
    return [...by.values()]
      .filter((c) => c.revenue !== 0 || c.units !== 0)
      .sort(
        (a, b) =>
          b.revenue - a.revenue ||
          b.units - a.units ||
          ((a.categoryId ?? "") < (b.categoryId ?? "") ? -1 : 1),
      );
  }

  return { dayOf, seller, topProducts, admin, topShops, topCategories };
}
