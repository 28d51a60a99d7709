import { describe, expect, it } from "vitest";
import { CreateAddressInput } from "./addresses";
import { ProductCreateInput, ProductListInput, ProductUpdateInput, SuggestInput } from "./catalog";
import { dateTime, PageInput, safeText } from "./common";
import { Email, Password, Phone, RegisterInput } from "./identity";
import { AdminOrdersListInput } from "./orders";
import { CreateCouponInput } from "./promotions";
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

describe("shared building blocks", () => {
  it("refuses NUL, control characters and lone surrogates in text, naming the field", () => {
    const Name = safeText("Shop name");
    expect(Name.parse("  Rao & Sons 😀 ")).toBe("Rao & Sons 😀");
    for (const bad of ["a\u0000b", "a\u001Bb", "a\u007Fb", "line\nbreak", "a\tb"])
      expect(Name.safeParse(bad).error?.issues[0]?.message, JSON.stringify(bad)).toBe(
        "Shop name must be one line without control characters",
      );
    for (const bad of ["a\uD800", "\uDC00a", "\uDFFF\uD800"])
      expect(Name.safeParse(bad).error?.issues[0]?.message).toBe(
        "Shop name contains a broken character (half of an emoji or symbol)",
      );
    expect(Name.safeParse(42).error?.issues[0]?.message).toBe("Shop name must be text");
  });

  it("lets multi-line text keep tabs and line breaks, but not NUL", () => {
    const Notes = safeText("Description", { multiline: true });
    expect(Notes.parse("Line one\r\n\tLine two")).toBe("Line one\r\n\tLine two");
    expect(Notes.safeParse("a\u0000b").error?.issues[0]?.message).toBe(
      "Description must not contain control characters",
    );
  });

  it("puts safe text in every free-text field: search, names, addresses, products, reasons", () => {
    const nul = "x\u0000y";
    expect(fieldsOf(SuggestInput.safeParse({ q: nul }))).toEqual(["q"]);
    expect(fieldsOf(ProductListInput.safeParse({ q: nul, brand: [nul] })).sort()).toEqual(["brand.0", "q"]);
    expect(
      fieldsOf(
        RegisterInput.safeParse({ email: "a@b.co", password: `pass${nul}word1`, name: "\uD800" }),
      ).sort(),
    ).toEqual(["name", "password"]);
    const product = {
      title: "Cotton kurta",
      categoryId: "00000000-0000-4000-8000-000000000000",
      variants: [{ sku: "K-1", price: 100, optionValues: { [nul]: "M" } }],
      attributes: { Fabric: nul },
    };
    expect(fieldsOf(ProductCreateInput.safeParse(product)).sort()).toEqual([
      "attributes.Fabric",
      "variants.0.optionValues.x\u0000y",
    ]);
  });

  it("bounds dates to 2000–2099 and names the field", () => {
    const Start = dateTime("Start");
    expect(Start.parse("2026-05-01T10:00:00Z")).toEqual(new Date("2026-05-01T10:00:00Z"));
    for (const bad of [
      new Date(8.64e15),
      "+275760-09-13T00:00:00.000Z",
      "0000-01-01",
      "1999-12-31T23:59:59Z",
      8.64e15,
    ])
      expect(Start.safeParse(bad).error?.issues[0]?.message, String(bad)).toBe(
        "Start must be in the years 2000 to 2099",
      );
    expect(Start.safeParse("someday").error?.issues[0]?.message).toBe("Start must be a date and time");
    expect(fieldsOf(AdminOrdersListInput.safeParse({ from: "99999-01-01" }))).toEqual(["from"]);
    expect(
      fieldsOf(
        CreateCouponInput.safeParse({
          code: "SAVE10",
          kind: "fixed",
          amountOff: 100,
          endsAt: new Date(-8.64e15),
        }),
      ),
    ).toEqual(["endsAt"]);
  });

  it("takes only base64url text as a page cursor", () => {
    expect(PageInput.parse({ cursor: "MjAyNi0wMS0wMVQwMDowMDowMC4wMDBafGFiYw" }).cursor).toBeTruthy();
    for (const bad of ["not base64!", "a\u0000b", "x".repeat(301)])
      expect(fieldsOf(PageInput.safeParse({ cursor: bad }))).toEqual(["cursor"]);
  });
});
