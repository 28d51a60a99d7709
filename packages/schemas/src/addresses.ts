import { z } from "zod";
import { Id, safeText } from "./common";
import { PersonName, Phone } from "./identity";

export const INDIAN_STATES = [
  "Andaman and Nicobar Islands",
  "Andhra Pradesh",
  "Arunachal Pradesh",
  "Assam",
  "Bihar",
  "Chandigarh",
  "Chhattisgarh",
  "Dadra and Nagar Haveli and Daman and Diu",
  "Delhi",
  "Goa",
  "Gujarat",
  "Haryana",
  "Himachal Pradesh",
  "Jammu and Kashmir",
  "Jharkhand",
  "Karnataka",
  "Kerala",
  "Ladakh",
  "Lakshadweep",
  "Madhya Pradesh",
  "Maharashtra",
  "Manipur",
  "Meghalaya",
  "Mizoram",
  "Nagaland",
  "Odisha",
  "Puducherry",
  "Punjab",
  "Rajasthan",
  "Sikkim",
  "Tamil Nadu",
  "Telangana",
  "Tripura",
  "Uttar Pradesh",
  "Uttarakhand",
  "West Bengal",
] as const;
export const IndianState = z.enum(INDIAN_STATES, { message: "Choose an Indian state or union territory" });

const line = (label: string, max = 200) =>
  safeText(label).min(1, `${label} is required`).max(max, `${label} is too long`);

export const AddressFields = z.object({
  label: safeText("Label").max(40, "Label is too long").optional(),
  name: PersonName,
  phone: Phone,
  line1: line("Address line 1"),
  line2: safeText("Address line 2").max(200, "Address line 2 is too long").optional(),
  landmark: safeText("Landmark").max(100, "Landmark is too long").optional(),
  city: line("City", 100),
  state: IndianState,
  pincode: z
    .string()
    .trim()
    .regex(/^[1-9]\d{5}$/, "PIN code is 6 digits and cannot start with 0"),
});

export const CreateAddressInput = AddressFields.extend({ isDefault: z.boolean().optional() });
export type CreateAddressInput = z.input<typeof CreateAddressInput>;

export const UpdateAddressInput = AddressFields.partial().extend({ id: Id });
export type UpdateAddressInput = z.input<typeof UpdateAddressInput>;

export type AddressDto = {
  id: string;
  label: string | null;
  name: string;
  phone: string;
  line1: string;
  line2: string | null;
  landmark: string | null;
  city: string;
  state: string;
  pincode: string;
  country: "IN";
  isDefault: boolean;
  createdAt: Date;
};

export const MAX_ADDRESSES_PER_USER = 20;
