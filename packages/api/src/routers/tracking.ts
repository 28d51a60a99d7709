import { getTracking } from "@bazaar/core";
import { TrackingInput } from "@bazaar/schemas";
import { publicProcedure } from "../trpc";

export const trackingRoutes = {
  /** Mounted at `tracking`: anyone with a tracking code; no personal data. */
  public: {
    get: publicProcedure.input(TrackingInput).query(({ ctx, input }) => getTracking(ctx.deps, input)),
  },
};
