// zod schemas of what the procedures on the REST bridge (`/api/v1`) answer. The procedures
// declare them with `.output(...)`, so tRPC checks every answer against them at run time and
// the OpenAPI document's response schemas are generated from them: the document cannot
// promise a shape the code does not send. The DTO types stay the domains' own; the
// assertions at the end fail the typecheck when a DTO and its schema drift apart.
import { z } from "zod";
import type {
  CategoryNode,
  InventoryMovementDto,
  ProductCardDto,
  ProductDetailDto,
  ProductListDto,
  SellerProductDto,
} from "./catalog";
import { ProductStatus } from "./catalog";
import type { SellerBalancesDto } from "./ledger";
import type { OrderDto, OrderSummaryDto, SellerSubOrderDto } from "./orders";
import { PaymentMethod, PaymentStatus, SubOrderStatus } from "./orders";
import type { PayoutDto } from "./payouts";
import { PayoutStatus } from "./payouts";
import type { SellerReturnDto, SellerReturnSummaryDto } from "./returns";
import { RefundMethod, ReturnAction, ReturnReason, ReturnRefundStatus, ReturnStatus } from "./returns";
import type { ShopDto } from "./sellers";

/** A moment: a `Date` over tRPC, an ISO 8601 string in JSON (REST). */
const At = z.date().meta({ format: "date-time" });
/** Paise, an integer. */
const Paise = z.number().int().meta({ description: "Paise (1/100 rupee)" });
const Id = z.string();
const page = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({ items: z.array(item), nextCursor: z.string().nullable() })
    .meta({ id, description: "A page; pass `nextCursor` as `cursor` for the next one (null: the last)." });

// ---- catalogue -------------------------------------------------------------------------------

export const CategoryNodeOutput = z
  .object({
    id: Id,
    name: z.string(),
    slug: z.string(),
    position: z.number().int(),
    parentId: Id.nullable(),
    get children(): z.ZodArray<typeof CategoryNodeOutput> {
      return z.array(CategoryNodeOutput);
    },
  })
  .meta({ id: "CategoryNode" });
export const CategoryTreeOutput = z.array(CategoryNodeOutput);

const ImageOutput = z
  .object({ id: Id, mediaId: Id, url: z.string(), position: z.number().int(), alt: z.string().nullable() })
  .meta({ id: "Image" });
const VariantOutput = z
  .object({
    id: Id,
    sku: z.string(),
    optionValues: z.record(z.string(), z.string()),
    price: Paise,
    compareAtPrice: Paise.nullable(),
    stock: z.number().int(),
    weightGrams: z.number().int().nullable(),
    position: z.number().int(),
    salePrice: Paise.nullable().optional(),
    saleEndsAt: At.nullable().optional(),
  })
  .meta({ id: "Variant" });
const ProductOptionOutput = z.object({ name: z.string(), values: z.array(z.string()) });

export const ProductCardOutput = z
  .object({
    id: Id,
    slug: z.string(),
    title: z.string(),
    brand: z.string().nullable(),
    minPrice: Paise,
    maxPrice: Paise,
    compareAtPrice: Paise.nullable(),
    currency: z.literal("INR"),
    imageUrl: z.string().nullable(),
    ratingAvg: z.number(),
    ratingCount: z.number().int(),
    inStock: z.boolean(),
    seller: z.object({ slug: z.string(), shopName: z.string() }),
  })
  .meta({ id: "ProductCard" });
export const ProductListOutput = z
  .object({
    items: z.array(ProductCardOutput),
    nextCursor: z.string().nullable(),
    facets: z.object({
      categories: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
      brands: z.array(z.object({ brand: z.string(), count: z.number().int() })),
      priceBuckets: z.array(z.object({ min: Paise, max: Paise.nullable(), count: z.number().int() })),
    }),
    total: z.number().int(),
    totalIsLowerBound: z.boolean(),
  })
  .meta({ id: "ProductList" });
export const ProductDetailOutput = ProductCardOutput.extend({
  description: z.string(),
  category: z.object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    path: z.array(z.object({ slug: z.string(), name: z.string() })),
  }),
  attributes: z.record(z.string(), z.string()),
  options: z.array(ProductOptionOutput),
  variants: z.array(VariantOutput),
  images: z.array(ImageOutput),
  tags: z.array(z.string()),
  hsnCode: z.string().nullable(),
  gstRateBps: z.number().int(),
  returnWindowDays: z.number().int(),
  related: z.array(ProductCardOutput),
}).meta({ id: "ProductDetail" });

export const SellerProductOutput = z
  .object({
    id: Id,
    slug: z.string(),
    status: ProductStatus,
    statusReason: z.string().nullable(),
    takenDownAt: At.nullable(),
    title: z.string(),
    description: z.string(),
    brand: z.string().nullable(),
    categoryId: Id,
    attributes: z.record(z.string(), z.string()),
    hsnCode: z.string().nullable(),
    gstRateBps: z.number().int(),
    options: z.array(ProductOptionOutput),
    tags: z.array(z.string()),
    featured: z.boolean(),
    variants: z.array(VariantOutput),
    images: z.array(ImageOutput),
    revision: z
      .object({
        status: z.enum(["pending_review", "rejected"]),
        reason: z.string().nullable(),
        title: z.string().optional(),
        description: z.string().optional(),
        categoryId: Id.optional(),
        images: z.array(z.object({ mediaId: Id, url: z.string() })).optional(),
      })
      .nullable(),
    createdAt: At,
    updatedAt: At,
  })
  .meta({ id: "SellerProduct" });
export const SellerProductPageOutput = page(SellerProductOutput, "SellerProductPage");

export const VariantStockOutput = z
  .object({ variantId: Id, stock: z.number().int() })
  .meta({ id: "VariantStock" });
const StockMovementOutput = z
  .object({
    id: Id,
    variantId: Id,
    sku: z.string(),
    delta: z.number().int(),
    reason: z.string(),
    resultingStock: z.number().int(),
    actor: z.string().nullable(),
    createdAt: At,
  })
  .meta({ id: "StockMovement" });
export const StockMovementPageOutput = page(StockMovementOutput, "StockMovementPage");

export const ShopOutput = z
  .object({
    id: Id,
    shopName: z.string(),
    slug: z.string(),
    description: z.string(),
    logoUrl: z.string().nullable(),
    ratingAvg: z.number(),
    ratingCount: z.number().int(),
    productCount: z.number().int(),
    since: At,
  })
  .meta({ id: "Shop" });

// ---- orders ----------------------------------------------------------------------------------

const ActorRole = z.enum(["customer", "seller", "admin", "system"]);
const AddressOutput = z
  .object({
    name: z.string(),
    phone: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    landmark: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    pincode: z.string(),
  })
  .meta({ id: "Address" });
const OrderItemOutput = z
  .object({
    id: Id,
    productId: Id.nullable(),
    variantId: Id.nullable(),
    title: z.string(),
    variantLabel: z.string(),
    sku: z.string(),
    imageUrl: z.string().nullable(),
    hsnCode: z.string().nullable(),
    qty: z.number().int(),
    unitPrice: Paise,
    effectiveUnitPrice: Paise,
    itemDiscount: Paise,
    couponDiscount: Paise,
    lineTotal: Paise,
    gstRateBps: z.number().int(),
    gstIncluded: Paise,
    returnedQty: z.number().int(),
    refundedAmount: Paise,
    returnableQty: z.number().int(),
    returnableUntil: At.nullable(),
  })
  .meta({ id: "OrderItem" });
const OrderEventOutput = z
  .object({
    from: SubOrderStatus.nullable(),
    to: z.union([SubOrderStatus, z.templateLiteral(["return.", ReturnStatus])]),
    at: At,
    actorRole: ActorRole,
    note: z.string().nullable(),
    returnId: Id.nullable(),
  })
  .meta({ id: "OrderEvent" });
const SubOrderReturnOutput = z.object({
  id: Id,
  number: z.string(),
  status: ReturnStatus,
  refundStatus: ReturnRefundStatus,
  refundAmount: Paise,
  itemCount: z.number().int(),
  requestedAt: At,
});
const SubOrderOutput = z
  .object({
    id: Id,
    number: z.string(),
    status: SubOrderStatus,
    seller: z.object({ id: Id, shopName: z.string(), slug: z.string() }),
    items: z.array(OrderItemOutput),
    subtotal: Paise,
    itemDiscount: Paise,
    couponDiscount: Paise,
    shipping: Paise,
    gstIncluded: Paise,
    total: Paise,
    refundedAmount: Paise,
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    trackingCode: z.string(),
    trackingUrl: z.string(),
    cancelReason: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    timeline: z.array(OrderEventOutput),
    deliveredAt: At.nullable(),
    returns: z.array(SubOrderReturnOutput),
    createdAt: At,
    updatedAt: At,
  })
  .meta({ id: "SubOrder" });
const PaymentStartOutput = z.object({
  gateway: z.enum(["razorpay", "dev", "stripe"]),
  keyId: z.string(),
  razorpayOrderId: z.string(),
  amount: Paise,
  currency: z.literal("INR"),
  checkoutUrl: z.string().nullable(),
  prefill: z.object({ name: z.string(), email: z.string(), contact: z.string() }),
  stripe: z
    .object({ publishableKey: z.string(), clientSecret: z.string().nullable(), paymentIntentId: z.string() })
    .nullable()
    .optional(),
});
export const OrderOutput = z
  .object({
    id: Id,
    number: z.string(),
    paymentMethod: PaymentMethod,
    paymentStatus: PaymentStatus,
    shippingAddress: AddressOutput,
    couponCode: z.string().nullable(),
    subtotal: Paise,
    itemDiscount: Paise,
    couponDiscount: Paise,
    shipping: Paise,
    gstIncluded: Paise,
    total: Paise,
    refundedAmount: Paise,
    subOrders: z.array(SubOrderOutput),
    expiresAt: At.nullable(),
    paidAt: At.nullable(),
    createdAt: At,
    payment: PaymentStartOutput.nullable(),
  })
  .meta({ id: "Order" });
const OrderSummaryOutput = z
  .object({
    id: Id,
    number: z.string(),
    paymentMethod: PaymentMethod,
    paymentStatus: PaymentStatus,
    total: Paise,
    itemCount: z.number().int(),
    imageUrl: z.string().nullable(),
    subOrders: z.array(
      z.object({ id: Id, number: z.string(), status: SubOrderStatus, shopName: z.string() }),
    ),
    createdAt: At,
  })
  .meta({ id: "OrderSummary" });
export const OrderSummaryPageOutput = page(OrderSummaryOutput, "OrderSummaryPage");
export const SellerOrderOutput = SubOrderOutput.extend({
  order: z.object({
    id: Id,
    number: z.string(),
    paymentMethod: PaymentMethod,
    paymentStatus: PaymentStatus,
    createdAt: At,
  }),
  shipTo: AddressOutput,
  nextStatuses: z.array(SubOrderStatus),
}).meta({ id: "SellerOrder" });
export const SellerOrderPageOutput = page(SellerOrderOutput, "SellerOrderPage");

// ---- money -----------------------------------------------------------------------------------

export const PayoutOutput = z
  .object({
    id: Id,
    number: z.string(),
    sellerId: Id,
    shopName: z.string(),
    amount: Paise,
    status: PayoutStatus,
    bank: z.object({ holder: z.string(), ifsc: z.string(), accountMasked: z.string() }),
    utr: z.string().nullable(),
    rejectReason: z.string().nullable(),
    requestedAt: At,
    approvedAt: At.nullable(),
    paidAt: At.nullable(),
    rejectedAt: At.nullable(),
    createdAt: At,
  })
  .meta({ id: "Payout" });
export const PayoutPageOutput = page(PayoutOutput, "PayoutPage");
export const SellerBalancesOutput = z
  .object({
    sellerId: Id,
    pending: Paise,
    available: Paise,
    inPayout: Paise,
    paidOut: Paise,
    lifetimeSales: Paise,
    minPayout: Paise,
    withdrawable: Paise,
    openPayoutId: Id.nullable(),
    releases: z.array(
      z.object({
        subOrderId: Id,
        subOrderNumber: z.string(),
        amount: Paise,
        deliveredAt: At.nullable(),
        releaseAt: At,
      }),
    ),
  })
  .meta({ id: "SellerBalances" });

// ---- returns ---------------------------------------------------------------------------------

export const SellerReturnOutput = z
  .object({
    id: Id,
    number: z.string(),
    status: ReturnStatus,
    order: z.object({ id: Id, number: z.string(), paymentMethod: PaymentMethod }),
    subOrder: z.object({ id: Id, number: z.string(), deliveredAt: At.nullable() }),
    shop: z.object({ id: Id, shopName: z.string(), slug: z.string() }),
    lines: z.array(
      z.object({
        orderItemId: Id,
        productId: Id.nullable(),
        title: z.string(),
        variantLabel: z.string(),
        imageUrl: z.string().nullable(),
        qty: z.number().int(),
        reason: ReturnReason,
        amount: Paise,
        restock: z.boolean().nullable(),
      }),
    ),
    comment: z.string().nullable(),
    photos: z.array(z.object({ id: Id, url: z.string() })),
    rejectReason: z.string().nullable(),
    escalationNote: z.string().nullable(),
    decisionNote: z.string().nullable(),
    itemsAmount: Paise,
    shippingAmount: Paise,
    refundAmount: Paise,
    refundMethod: RefundMethod,
    refundStatus: ReturnRefundStatus,
    refundAccountLabel: z.string().nullable(),
    refundReference: z.string().nullable(),
    requestedAt: At,
    decidedAt: At.nullable(),
    rejectedAt: At.nullable(),
    escalatedAt: At.nullable(),
    receivedAt: At.nullable(),
    refundedAt: At.nullable(),
    escalateUntil: At.nullable(),
    actions: z.array(ReturnAction),
    timeline: z.array(
      z.object({ to: z.string(), at: At, actorRole: ActorRole, note: z.string().nullable() }),
    ),
    updatedAt: At,
    customer: z.object({ name: z.string() }),
  })
  .meta({ id: "SellerReturn" });
const SellerReturnSummaryOutput = z
  .object({
    id: Id,
    number: z.string(),
    status: ReturnStatus,
    refundStatus: ReturnRefundStatus,
    refundAmount: Paise,
    orderId: Id,
    orderNumber: z.string(),
    subOrderId: Id,
    subOrderNumber: z.string(),
    shopName: z.string(),
    itemCount: z.number().int(),
    imageUrl: z.string().nullable(),
    requestedAt: At,
    updatedAt: At,
    customerName: z.string(),
  })
  .meta({ id: "SellerReturnSummary" });
export const SellerReturnPageOutput = page(SellerReturnSummaryOutput, "SellerReturnPage");

// ---- each schema says what its DTO says ------------------------------------------------------

/** True when each of A and B is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type Page<T> = { items: T[]; nextCursor: string | null };
/** Never used at run time: a DTO and its schema that drift apart fail `tsc` here. */
export type OutputSchemasMatchDtos = [
  Holds<Same<z.output<typeof CategoryNodeOutput>, CategoryNode>>,
  Holds<Same<z.output<typeof ProductListOutput>, ProductListDto>>,
  Holds<Same<z.output<typeof ProductCardOutput>, ProductCardDto>>,
  Holds<Same<z.output<typeof ProductDetailOutput>, ProductDetailDto>>,
  Holds<Same<z.output<typeof SellerProductOutput>, SellerProductDto>>,
  Holds<Same<z.output<typeof SellerProductPageOutput>, Page<SellerProductDto>>>,
  Holds<Same<z.output<typeof StockMovementPageOutput>, Page<InventoryMovementDto>>>,
  Holds<Same<z.output<typeof ShopOutput>, ShopDto>>,
  Holds<Same<z.output<typeof OrderOutput>, OrderDto>>,
  Holds<Same<z.output<typeof OrderSummaryPageOutput>, Page<OrderSummaryDto>>>,
  Holds<Same<z.output<typeof SellerOrderOutput>, SellerSubOrderDto>>,
  Holds<Same<z.output<typeof PayoutOutput>, PayoutDto>>,
  Holds<Same<z.output<typeof SellerBalancesOutput>, SellerBalancesDto>>,
  Holds<Same<z.output<typeof SellerReturnOutput>, SellerReturnDto>>,
  Holds<Same<z.output<typeof SellerReturnPageOutput>, Page<SellerReturnSummaryDto>>>,
];
