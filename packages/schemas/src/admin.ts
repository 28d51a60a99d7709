import { z } from "zod";
import { Id, PageInput } from "./common";
import { AccountStatus, Role } from "./identity";

export const AdminUsersListInput = PageInput.extend({
  role: Role.optional(),
  status: AccountStatus.optional(),
  q: z.string().trim().max(100).optional(),
});
export type AdminUsersListInput = z.input<typeof AdminUsersListInput>;

export const SetUserStatusInput = z.object({
  userId: Id,
  status: AccountStatus,
  reason: z.string().trim().min(3, "Give a reason of at least 3 characters").max(500),
});
export type SetUserStatusInput = z.input<typeof SetUserStatusInput>;
