import { z } from "zod";
import { Id, PageInput, safeText } from "./common";
import { AccountStatus, Role } from "./identity";

export const AdminUsersListInput = PageInput.extend({
  role: Role.optional(),
  status: AccountStatus.optional(),
  q: safeText("Search").max(100).optional(),
});
export type AdminUsersListInput = z.input<typeof AdminUsersListInput>;

export const SetUserStatusInput = z.object({
  userId: Id,
  status: AccountStatus,
  reason: safeText("Reason", { multiline: true }).min(3, "Give a reason of at least 3 characters").max(500),
});
export type SetUserStatusInput = z.input<typeof SetUserStatusInput>;
