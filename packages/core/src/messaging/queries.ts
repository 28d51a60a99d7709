import {
  conversations,
  type Database,
  media,
  type messages,
  orders,
  productImages,
  products,
  sellers,
  subOrders,
  users,
} from "@bazaar/db";
import type { ConversationDto, MessageDto, MessageSender } from "@bazaar/schemas";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { forbidden, invalidField, notFound } from "../errors";
import type { Actor } from "../platform/deps";

/** Which side of a conversation the caller is: the buyer, or the shop (by its seller id). */
export type Side =
  | { side: "customer"; userId: string; sellerId?: undefined }
  | { side: "seller"; userId: string; sellerId: string };

/**
 * A customer acts as the buyer; a seller actor (one the API has checked is an approved
 * shop, so it carries `sellerId`) as the shop. Nobody else has a side in any conversation.
 */
export function sideOf(actor: Actor & { sellerId?: string }): Side {
  if (actor.role === "customer") return { side: "customer", userId: actor.userId };
  if (actor.role === "seller" && actor.sellerId)
    return { side: "seller", userId: actor.userId, sellerId: actor.sellerId };
  throw forbidden("messaging.participants_only", "Only the buyer and the shop read a conversation");
}

/** The live channel of one inbox: a buyer's, or a shop's. */
export const inboxChannel = (side: MessageSender, id: string) => `messages:${side}:${id}`;
export const channelOf = (who: Side) =>
  who.side === "customer" ? inboxChannel("customer", who.userId) : inboxChannel("seller", who.sellerId);

/** The caller's conversations only: another buyer's or shop's is simply not found. */
export const mine = (who: Side): SQL =>
  who.side === "customer"
    ? eq(conversations.customerId, who.userId)
    : eq(conversations.sellerId, who.sellerId);

export const conversationNotFound = () => notFound("conversation.not_found", "Conversation not found");

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

/** The caller's conversation, locked for update when asked (inside a transaction). */
export async function findMine(
  db: Database,
  who: Side,
  conversationId: string,
  lock = false,
): Promise<ConversationRow> {
  const q = db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), mine(who)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw conversationNotFound();
  return row;
}

/**
 * Message images must be the sender's own uploads: another user's media id is refused as
 * if it did not exist, so ids cannot be probed.
 */
export async function checkOwnImages(db: Database, userId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const own = await db
    .select({ id: media.id })
    .from(media)
    .where(and(inArray(media.id, ids), eq(media.ownerId, userId)));
  const found = new Set(own.map((m) => m.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing)
    throw invalidField("imageIds", "message.image_not_found", "An image was not found among your uploads", {
      mediaId: missing,
    });
  return ids;
}

/** A buyer as the shop sees them: first name and initial. */
export function shortName(full: string): string {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  const first = parts[0] ?? "";
  const last = parts.length > 1 ? parts[parts.length - 1]! : "";
  if (!first) return "A Bazaar shopper";
  return last ? `${first} ${[...last][0]!.toUpperCase()}.` : first;
}

/** The inbox line of a message: its text cut short, or a word for a photo. */
export function previewOf(body: string, images: number): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text) return text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return images === 1 ? "Photo" : `${images} photos`;
}

/** Media urls of every image of the given messages, one query. */
export async function imageUrls(db: Database, rows: { imageIds: string[] }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => r.imageIds))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: media.id, url: media.url }).from(media).where(inArray(media.id, ids));
  return new Map(found.map((m) => [m.id, m.url]));
}

/** A message as its reader sees it: a hidden one keeps its place in the thread, not its content. */
export function messageDto(
  row: MessageRow,
  viewer: MessageSender | null,
  urls: Map<string, string>,
): MessageDto {
  const hidden = row.hiddenAt !== null;
  return {
    id: row.id,
    seq: row.seq,
    conversationId: row.conversationId,
    sender: row.senderRole,
    mine: viewer !== null && row.senderRole === viewer,
    body: hidden ? "" : row.body,
    images: hidden
      ? []
      : row.imageIds.flatMap((id) => {
          const url = urls.get(id);
          return url ? [{ id, url }] : [];
        }),
    hidden,
    createdAt: row.createdAt,
  };
}

export async function messageDtos(db: Database, rows: MessageRow[], viewer: MessageSender | null) {
  const urls = await imageUrls(db, rows);
  return rows.map((r) => messageDto(r, viewer, urls));
}

/** The first image of a product, for the subject shown beside a conversation. */
const firstImageUrl = sql<string | null>`(
  select ${media.url} from ${productImages}
  join ${media} on ${media.id} = ${productImages.mediaId}
  where ${productImages.productId} = ${products.id}
  order by ${productImages.position} asc limit 1)`;

/** Conversations as `viewer` sees them, with their subject, shop and buyer, one query. */
export async function conversationDtos(
  db: Database,
  rows: ConversationRow[],
  viewer: MessageSender,
): Promise<ConversationDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const extra = await db
    .select({
      id: conversations.id,
      shopName: sellers.shopName,
      shopSlug: sellers.slug,
      customerName: users.name,
      productTitle: products.title,
      productSlug: products.slug,
      productImage: firstImageUrl,
      orderId: subOrders.orderId,
      orderNumber: subOrders.number,
      subOrderStatus: subOrders.status,
    })
    .from(conversations)
    .innerJoin(sellers, eq(sellers.id, conversations.sellerId))
    .innerJoin(users, eq(users.id, conversations.customerId))
    .leftJoin(products, eq(products.id, conversations.productId))
    .leftJoin(subOrders, eq(subOrders.id, conversations.subOrderId))
    .where(inArray(conversations.id, ids));
  const byId = new Map(extra.map((e) => [e.id, e]));
  return rows.map((r) => {
    const e = byId.get(r.id)!;
    const customerSide = viewer === "customer";
    return {
      id: r.id,
      subject:
        r.subjectType === "product"
          ? {
              type: "product",
              productId: r.productId,
              title: e.productTitle,
              slug: e.productSlug,
              imageUrl: e.productImage,
            }
          : {
              type: "sub_order",
              subOrderId: r.subOrderId,
              orderId: e.orderId,
              number: e.orderNumber,
              status: e.subOrderStatus,
            },
      shop: { id: r.sellerId, name: e.shopName, slug: e.shopSlug },
      customer: { id: r.customerId, name: shortName(e.customerName) },
      lastMessageAt: r.lastMessageAt,
      lastMessageSeq: r.lastMessageSeq,
      lastMessagePreview: r.lastMessagePreview,
      unread: customerSide ? r.customerUnread : r.sellerUnread,
      myReadSeq: customerSide ? r.customerReadSeq : r.sellerReadSeq,
      otherReadSeq: customerSide ? r.sellerReadSeq : r.customerReadSeq,
      createdAt: r.createdAt,
    };
  });
}

/** Kept for the sub-order subject check: the buyer's own sub-order, with its shop. */
export async function buyersSubOrder(db: Database, customerId: string, subOrderId: string) {
  const [row] = await db
    .select({ id: subOrders.id, sellerId: subOrders.sellerId, number: subOrders.number })
    .from(subOrders)
    .innerJoin(orders, eq(orders.id, subOrders.orderId))
    .where(and(eq(subOrders.id, subOrderId), eq(orders.customerId, customerId)));
  return row ?? null;
}

/** A product the storefront shows: approved, of an approved shop. */
export async function liveProduct(db: Database, productId: string) {
  const [row] = await db
    .select({ id: products.id, sellerId: products.sellerId, title: products.title })
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(and(eq(products.id, productId), eq(products.status, "approved"), eq(sellers.status, "approved")));
  return row ?? null;
}
