import type { addresses } from "@bazaar/db";
import type { AddressDto } from "@bazaar/schemas";
import { notFound } from "../errors";

type Row = typeof addresses.$inferSelect;
export const toAddressDto = (a: Row): AddressDto => ({
  id: a.id,
  label: a.label,
  name: a.name,
  phone: a.phone,
  line1: a.line1,
  line2: a.line2,
  landmark: a.landmark,
  city: a.city,
  state: a.state,
  pincode: a.pincode,
  country: "IN",
  isDefault: a.isDefault,
  createdAt: a.createdAt,
});

export const addressNotFound = () => notFound("address.not_found", "Address not found");
