import { readFile } from "node:fs/promises";
import { createCategory, type Deps } from "@bazaar/core";
import { describe, expect, it } from "vitest";
import { browserSuite, shopOwner, signInPage, verifiedUser } from "./fixtures";

// The seller app's Import / export page (#16): no imports yet, upload a CSV and watch it
// finish with its counts, download the catalog back, and a bad file's error report.

const EMAIL = "kavya-catalog-csv@e2e.test";
const CATEGORY = "e2e-csv-kurtas";

const suite = browserSuite("seller-catalog-csv", ["seller-web"], async (deps: Deps) => {
  await shopOwner(
    deps,
    { email: EMAIL, name: "Kavya", shopName: "Kavya Prints" },
    { city: "Jaipur", state: "Rajasthan", pincode: "302001" },
  );
  const admin = await verifiedUser(deps, { email: "admin-catalog-csv@e2e.test", name: "Admin" }, "admin");
  await createCategory(deps, admin.actor, { name: "Kurtas", slug: CATEGORY });
  return {};
});

const csv = (price: string) =>
  `handle,title,category,option1_name,option1_value,sku,price_rupees,stock\n` +
  `kurta,Block print kurta,${CATEGORY},Size,S,KP-S,${price},3\n` +
  `kurta,Block print kurta,${CATEGORY},Size,M,KP-M,${price},2\n`;

describe("catalog import / export, in the browser", () => {
  it("uploads a CSV, shows the result, downloads the catalog and a bad file's error report", async () => {
    suite.check();
    const errors: string[] = [];
    const page = await signInPage(suite.browser, suite.stack.url["seller-web"], EMAIL, {
      timeoutMs: 15_000,
      onPageError: (m) => errors.push(m),
    });
    await page.getByRole("link", { name: "Import / export", exact: true }).click();
    await page.getByText("No imports yet.").waitFor();

    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "kurtas.csv", mimeType: "text/csv", buffer: Buffer.from(csv("899")) });
    await page.getByTestId("upload-catalog").click();
    const row = page.getByTestId("catalog-import").first();
    await expect
      .poll(() => row.textContent(), { timeout: 15_000 })
      .toMatch(/kurtas\.csv.*Done, 2 rows.*2.*0.*0.*0/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-catalog").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^catalog-.*\.csv$/);
    const exported = await readFile((await download.path())!, "utf8");
    expect(exported).toContain(",KP-S,899.00,,,3");

    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv("lots")) });
    await page.getByTestId("upload-catalog").click();
    const report = page.getByTestId("import-error-report");
    await report.waitFor({ timeout: 15_000 });
    const [errorsFile] = await Promise.all([page.waitForEvent("download"), report.click()]);
    const body = await readFile((await errorsFile.path())!, "utf8");
    expect(body).toContain("2,price_rupees,Price is rupees like 899 or 899.50");
    expect(errors).toEqual([]);
  });
});
