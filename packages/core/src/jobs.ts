import type { JobHandlers } from "@bazaar/jobs";
import { deleteMedia } from "./media/delete-media";
import { sendEmail } from "./notifications/send-email";
import type { Deps } from "./platform/deps";
import { applySaleBoundary } from "./promotions/sale-events";

/** Every job's handler, shared by the in-process runner and the BullMQ worker. */
export function jobHandlers(deps: Deps): JobHandlers {
  return {
    "email.send": async (payload) => void (await sendEmail(deps, payload)),
    "media.delete": async (payload) => void (await deleteMedia(deps, payload.mediaId)),
    "promotions.sale-boundary": async (payload) => applySaleBoundary(deps, payload.saleEventId),
  };
}
