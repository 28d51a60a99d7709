import { describe, expect, it } from "vitest";
import { CreateAddressInput } from "./addresses";
import { ProductCreateInput, ProductListInput, ProductUpdateInput } from "./catalog";
import { Email, Password, Phone, RegisterInput } from "./identity";
import { Gstin, Ifsc, SellerApplyInput } from "./sellers";

const fieldsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join("."));

describe("identity schemas", () => {
  it("normalises emails and Indian phone numbers", () => {
    expect(Email.parse("  Neha@Example.COM ")).toBe("neha@example.com");
    expect(Phone.parse("98765 43210")).toBe("+919876543210");
    expect(Phone.parse("+91 98765-43210")).toBe("+919876543210");
    expect(Phone.safeParse("12345").success).toBe(false);
    expect(Phone.safeParse("5876543210").success).toBe(false);
  });

  it("refuses weak passwords and anything bcrypt would truncate", () => {
    expect(Password.safeParse("correct-horse-1").success).toBe(true);
    for (const weak of ["short1", "lettersonly", "12345678", "Password123", "aaaaaaaa1"]) {
      expect(Password.safeParse(weak).success, weak).toBe(weak === "aaaaaaaa1");
    }
    expect(Password.safeParse(`a1${"é".repeat(36)}`).success).toBe(false); // 74 bytes
  });

  it("names each bad field of a registration", () => {
    expect(fieldsOf(RegisterInput.safeParse({ email: "x", password: "y", name: "" })).sort()).toEqual([
      "email",
      "name",
      "password",
      "password",
    ]);
  });
});

describe("address and seller schemas", () => {
  it("checks PIN codes and states", () => {
    const ok = {
      name: "A",
      phone: "9876543210",
      line1: "1 Road",
      city: "Pune",
      state: "Maharashtra",
      pincode: "411001",
    };
    expect(CreateAddressInput.safeParse(ok).success).toBe(true);
    expect(
      fieldsOf(CreateAddressInput.safeParse({ ...ok, pincode: "011001", state: "Atlantis" })).sort(),
    ).toEqual(["pincode", "state"]);
  });

  it("checks GSTIN and IFSC formats, upper-casing them", () => {
    expect(Gstin.parse("24aakfr4821m1z6")).toBe("24AAKFR4821M1Z6");
    expect(Gstin.safeParse("24AAKFR4821M1X6").success).toBe(false);
    expect(Ifsc.parse("hdfc0000123")).toBe("HDFC0000123");
    expect(Ifsc.safeParse("HDFC1000123").success).toBe(false);
    expect(fieldsOf(SellerApplyInput.safeParse({ shopName: "S" }))).toContain("bankAccount");
  });
});

describe("catalogue schemas", () => {
  const product = {
    title: "Cotton kurta",
    categoryId: "00000000-0000-4000-8000-000000000000",
    variants: [{ sku: "K-1", price: 89_900 }],
  };

  it("fills defaults on create but never on a partial update", () => {
    expect(ProductCreateInput.parse(product)).toMatchObject({
      gstRateBps: 1800,
      options: [],
      tags: [],
      imageIds: [],
    });
    const update = ProductUpdateInput.parse({ id: product.categoryId, title: "New title" });
    expect(Object.keys(update).sort()).toEqual(["id", "title"]);
  });

  it("takes prices only as whole positive paise", () => {
    for (const price of [899.5, 0, -100]) {
      expect(ProductCreateInput.safeParse({ ...product, variants: [{ sku: "K-1", price }] }).success).toBe(
        false,
      );
    }
  });

  it("refuses a price range upside down, naming minPrice", () => {
    expect(fieldsOf(ProductListInput.safeParse({ minPrice: 5000, maxPrice: 100 }))).toEqual(["minPrice"]);
  });
});
