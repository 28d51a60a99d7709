import type { INDIAN_STATES } from "@bazaar/schemas";
import { invalidField } from "../errors";
import { gstIncludedIn } from "../pricing";

export type StateName = (typeof INDIAN_STATES)[number];

/**
 * GST state codes, the first two digits of every GSTIN. Keyed by the address schema's
 * state list, so a state added there fails to compile here until it has a code.
 * Retired codes are left out on purpose: 25 (Daman and Diu, merged into 26 in 2020) and
 * 28 (Andhra Pradesh before 2014; GST registrations there use 37).
 */
export const GST_STATE_CODES: Readonly<Record<StateName, string>> = {
  "Jammu and Kashmir": "01",
  "Himachal Pradesh": "02",
  Punjab: "03",
  Chandigarh: "04",
  Uttarakhand: "05",
  Haryana: "06",
  Delhi: "07",
  Rajasthan: "08",
  "Uttar Pradesh": "09",
  Bihar: "10",
  Sikkim: "11",
  "Arunachal Pradesh": "12",
  Nagaland: "13",
  Manipur: "14",
  Mizoram: "15",
  Tripura: "16",
  Meghalaya: "17",
  Assam: "18",
  "West Bengal": "19",
  Jharkhand: "20",
  Odisha: "21",
  Chhattisgarh: "22",
  "Madhya Pradesh": "23",
  Gujarat: "24",
  "Dadra and Nagar Haveli and Daman and Diu": "26",
  Maharashtra: "27",
  Karnataka: "29",
  Goa: "30",
  Lakshadweep: "31",
  Kerala: "32",
  "Tamil Nadu": "33",
  Puducherry: "34",
  "Andaman and Nicobar Islands": "35",
  Telangana: "36",
  "Andhra Pradesh": "37",
  Ladakh: "38",
};

/**
 * Union territories without a legislature levy UTGST instead of SGST on intra-state
 * supplies (UTGST Act 2017, s. 7); Delhi, Puducherry and Jammu and Kashmir levy SGST.
 */
const UTGST_TERRITORIES: ReadonlySet<StateName> = new Set<StateName>([
  "Andaman and Nicobar Islands",
  "Chandigarh",
  "Dadra and Nagar Haveli and Daman and Diu",
  "Ladakh",
  "Lakshadweep",
]);

/** "97" is "Other Territory" (offshore areas): valid in a GSTIN though no address state maps to it. */
const GSTIN_STATE_CODES = new Set([...Object.values(GST_STATE_CODES), "97"]);

const squash = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");

/** Former names and common spellings seen in addresses typed before the state picker. */
const ALIASES: Record<string, StateName> = {
  orissa: "Odisha",
  pondicherry: "Puducherry",
  uttaranchal: "Uttarakhand",
  chattisgarh: "Chhattisgarh",
  newdelhi: "Delhi",
  nctofdelhi: "Delhi",
  nationalcapitalterritoryofdelhi: "Delhi",
  jandk: "Jammu and Kashmir",
  jammukashmir: "Jammu and Kashmir",
  andamanandnicobar: "Andaman and Nicobar Islands",
  andamannicobarislands: "Andaman and Nicobar Islands",
  dadraandnagarhaveli: "Dadra and Nagar Haveli and Daman and Diu",
  damananddiu: "Dadra and Nagar Haveli and Daman and Diu",
};

const BY_KEY = new Map<string, StateName>([
  ...(Object.keys(GST_STATE_CODES) as StateName[]).map((name) => [squash(name), name] as const),
  ...Object.entries(ALIASES),
]);
const BY_CODE = new Map<string, StateName>(
  (Object.entries(GST_STATE_CODES) as [StateName, string][]).map(([name, code]) => [code, name]),
);

/** The state or UT a name ("tamil  nadu", "J&K", "Orissa") or GST code ("7", "07") denotes, or null. */
export function resolveState(stateNameOrCode: string): StateName | null {
  const s = stateNameOrCode.trim();
  if (/^\d{1,2}$/.test(s)) return BY_CODE.get(s.padStart(2, "0")) ?? null;
  return BY_KEY.get(squash(s)) ?? null;
}

/** The 2-digit GST state code for a state name or code, or null when it names no state. */
export function stateCode(stateNameOrCode: string): string | null {
  const name = resolveState(stateNameOrCode);
  return name ? GST_STATE_CODES[name] : null;
}

export type GstSplit =
  /** `stateTax` names the second half: "UTGST" in a union territory without a legislature. */
  { kind: "intra"; cgst: number; sgst: number; stateTax: "SGST" | "UTGST" } | { kind: "inter"; igst: number };

/**
 * How the GST inside a supply is levied: CGST + SGST (or UTGST) when supplier and place of
 * supply are in the same state, IGST otherwise. `recipientState` is the place of supply,
 * which for goods delivered to a buyer is the delivery address's state.
 *
 * An odd paisa goes to CGST (cgst = ⌈tax/2⌉, sgst = ⌊tax/2⌋), so the halves always add up
 * to the tax exactly; the first-listed component wins ties, as in cart pricing.
 */
export function splitGst(args: {
  taxPaise: number;
  supplierState: string;
  recipientState: string;
}): GstSplit {
  const { taxPaise } = args;
  if (!Number.isSafeInteger(taxPaise) || taxPaise < 0)
    throw new RangeError(`Tax must be a non-negative whole number of paise, got ${taxPaise}`);
  const supplier = knownState("supplierState", args.supplierState);
  const recipient = knownState("recipientState", args.recipientState);
  if (supplier !== recipient) return { kind: "inter", igst: taxPaise };
  const sgst = Math.floor(taxPaise / 2);
  return {
    kind: "intra",
    cgst: taxPaise - sgst,
    sgst,
    stateTax: UTGST_TERRITORIES.has(supplier) ? "UTGST" : "SGST",
  };
}

function knownState(field: string, value: string): StateName {
  const name = resolveState(value);
  if (!name)
    throw invalidField(field, "gst.unknown_state", `Unknown Indian state or union territory: ${value}`);
  return name;
}

/**
 * The GST contained in a GST-inclusive amount: gross × rate / (100% + rate), rounded half
 * up to the paisa. Integer arithmetic (BigInt) throughout, so no float ever touches money
 * and large amounts cannot lose precision. Same rule as the cart's `gstIncludedIn`.
 */
export function taxIncluded(grossPaise: number, rateBps: number): number {
  if (!Number.isSafeInteger(grossPaise) || grossPaise < 0)
    throw new RangeError(`Amount must be a non-negative whole number of paise, got ${grossPaise}`);
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000)
    throw new RangeError(`GST rate must be whole basis points from 0 to 10000, got ${rateBps}`);
  // The cart's own rule, so an invoice shows exactly the GST the cart showed.
  return gstIncludedIn(grossPaise, rateBps);
}

const BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * The GSTIN check character for the first 14 characters (GSTN's mod-36 scheme): weights
 * alternate 1, 2; each product is folded as ⌊p/36⌋ + p mod 36; the check value makes the
 * sum a multiple of 36.
 */
export function gstinCheckChar(first14: string): string {
  if (!/^[0-9A-Z]{14}$/.test(first14)) throw new RangeError("Expected the first 14 characters of a GSTIN");
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = BASE36.indexOf(first14[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return BASE36[(36 - (sum % 36)) % 36]!;
}

/**
 * Whether a string is a well-formed GSTIN: a live state code, the PAN, entity number, "Z"
 * and a correct check character. Expects the canonical upper-case form (the Gstin schema
 * trims and upper-cases input before this matters), so it never approves a value that
 * would be stored differently from how it was checked.
 */
export function validateGstin(gstin: string): boolean {
  return (
    /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(gstin) &&
    GSTIN_STATE_CODES.has(gstin.slice(0, 2)) &&
    gstinCheckChar(gstin.slice(0, 14)) === gstin[14]
  );
}
