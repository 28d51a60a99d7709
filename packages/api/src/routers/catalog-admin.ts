import {
  approveProduct,
  createCategory,
  deleteCategory,
  moderationQueue,
  rejectProduct,
  setFeatured,
  updateCategory,
} from "@bazaar/core";
import {
  CategoryInput,
  CategoryUpdateInput,
  FeatureInput,
  IdInput,
  ModerationDecisionInput,
  ModerationQueueInput,
  ModerationRejectInput,
} from "@bazaar/schemas";
import { adminProcedure, router } from "../trpc";

/** Mounted as `admin.products` and `admin.categories`. */
export const adminProductsRouter = router({
  queue: adminProcedure
    .input(ModerationQueueInput)
    .query(({ ctx, input }) => moderationQueue(ctx.deps, ctx.actor, input)),
  approve: adminProcedure
    .input(ModerationDecisionInput)
    .mutation(({ ctx, input }) => approveProduct(ctx.deps, ctx.actor, input)),
  reject: adminProcedure
    .input(ModerationRejectInput)
    .mutation(({ ctx, input }) => rejectProduct(ctx.deps, ctx.actor, input)),
  feature: adminProcedure
    .input(FeatureInput)
    .mutation(({ ctx, input }) => setFeatured(ctx.deps, ctx.actor, input)),
});

export const adminCategoriesRouter = router({
  create: adminProcedure
    .input(CategoryInput)
    .mutation(({ ctx, input }) => createCategory(ctx.deps, ctx.actor, input)),
  update: adminProcedure
    .input(CategoryUpdateInput)
    .mutation(({ ctx, input }) => updateCategory(ctx.deps, ctx.actor, input)),
  delete: adminProcedure
    .input(IdInput)
    .mutation(({ ctx, input }) => deleteCategory(ctx.deps, ctx.actor, input)),
});
