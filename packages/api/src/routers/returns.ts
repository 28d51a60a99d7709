import { DomainError } from "@bazaar/core";
import {
  AdminReturnDecideInput,
  type AdminReturnDto,
  type AdminReturnSummaryDto,
  AdminReturnsListInput,
  AdminSetShopReturnWindowInput,
  MarkRefundPaidInput,
  type Page,
  type ReturnDto,
  ReturnEscalateInput,
  ReturnIdInput,
  ReturnReceiveInput,
  ReturnRejectInput,
  ReturnRequestInput,
  type ReturnSettingsDto,
  type ReturnSummaryDto,
  ReturnsMineInput,
  type SellerReturnDto,
  type SellerReturnSummaryDto,
  SellerReturnsListInput,
  SetDefaultReturnWindowInput,
  SetShopReturnWindowInput,
  type ShopReturnWindowDto,
} from "@bazaar/schemas";
import { adminProcedure, customerProcedure, sellerProcedure } from "../trpc";

// Signatures first so the web apps can build against them; the use cases land next.
const todo = (): never => {
  throw new DomainError("UNAVAILABLE", "returns.not_implemented", "Returns are not available yet");
};

export const returnsRoutes = {
  public: {},
  /** The buyer's returns, mounted at `returns`. */
  customer: {
    request: customerProcedure.input(ReturnRequestInput).mutation(async (): Promise<ReturnDto> => todo()),
    list: customerProcedure
      .input(ReturnsMineInput)
      .query(async (): Promise<Page<ReturnSummaryDto>> => todo()),
    get: customerProcedure.input(ReturnIdInput).query(async (): Promise<ReturnDto> => todo()),
    cancel: customerProcedure.input(ReturnIdInput).mutation(async (): Promise<ReturnDto> => todo()),
    escalate: customerProcedure.input(ReturnEscalateInput).mutation(async (): Promise<ReturnDto> => todo()),
  },
  signedIn: {},
  seller: {
    /** Mounted at `seller.returns`: returns of the seller's own shop only. */
    returns: {
      list: sellerProcedure
        .input(SellerReturnsListInput)
        .query(async (): Promise<Page<SellerReturnSummaryDto>> => todo()),
      get: sellerProcedure.input(ReturnIdInput).query(async (): Promise<SellerReturnDto> => todo()),
      approve: sellerProcedure.input(ReturnIdInput).mutation(async (): Promise<SellerReturnDto> => todo()),
      reject: sellerProcedure.input(ReturnRejectInput).mutation(async (): Promise<SellerReturnDto> => todo()),
      receive: sellerProcedure
        .input(ReturnReceiveInput)
        .mutation(async (): Promise<SellerReturnDto> => todo()),
      /** The shop's return window (shown and edited on the shop profile). */
      window: sellerProcedure.query(async (): Promise<ShopReturnWindowDto> => todo()),
      setWindow: sellerProcedure
        .input(SetShopReturnWindowInput)
        .mutation(async (): Promise<ShopReturnWindowDto> => todo()),
    },
  },
  admin: {
    /** Mounted at `admin.returns`: escalations, COD refunds owed, return windows. */
    returns: {
      list: adminProcedure
        .input(AdminReturnsListInput)
        .query(async (): Promise<Page<AdminReturnSummaryDto>> => todo()),
      get: adminProcedure.input(ReturnIdInput).query(async (): Promise<AdminReturnDto> => todo()),
      decide: adminProcedure
        .input(AdminReturnDecideInput)
        .mutation(async (): Promise<AdminReturnDto> => todo()),
      markRefundPaid: adminProcedure
        .input(MarkRefundPaidInput)
        .mutation(async (): Promise<AdminReturnDto> => todo()),
      settings: adminProcedure.query(async (): Promise<ReturnSettingsDto> => todo()),
      setDefaultWindow: adminProcedure
        .input(SetDefaultReturnWindowInput)
        .mutation(async (): Promise<ReturnSettingsDto> => todo()),
      setShopWindow: adminProcedure
        .input(AdminSetShopReturnWindowInput)
        .mutation(async (): Promise<ShopReturnWindowDto> => todo()),
    },
  },
};
