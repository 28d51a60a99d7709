import { crc32, deflateSync } from "node:zlib";
import { slugify } from "@bazaar/core";
import { categories, type Database } from "@bazaar/db";

/**
 * The words of the demo and benchmark catalogues: a category tree of Indian retail with,
 * per leaf, what its products are called, made of and cost, and a generator that turns a
 * number into a plausible product. Deterministic: product n is always the same product.
 */
type Option = { name: string; values: string[] };
export type Leaf = {
  name: string;
  slug: string;
  nouns: string[];
  kinds: string[];
  brands: string[];
  /** Rupees. */
  price: [number, number];
  option: Option;
  hsn: string;
  gstBps: 0 | 500 | 1200 | 1800 | 2800;
  /** Demo shop that sells it: 0 textiles, 1 crafts, home and pantry. */
  shop: 0 | 1;
  colour: [number, number, number];
};
export type Root = { name: string; slug: string; leaves: Leaf[] };

const size = { name: "Size", values: ["S", "M", "L", "XL"] };
const colour = { name: "Colour", values: ["Maroon", "Mustard", "Teal", "Ivory"] };
const weight = { name: "Weight", values: ["100 g", "250 g", "500 g"] };
const volume = { name: "Size", values: ["50 ml", "100 ml", "200 ml"] };
const smallLarge = { name: "Size", values: ["Small", "Medium", "Large"] };

export const CATALOG_TREE: Root[] = [
  {
    name: "Women",
    slug: "women",
    leaves: [
      {
        name: "Kurtas & Kurtis",
        slug: "women-kurtas",
        nouns: ["Kurta", "Kurti", "Anarkali Kurta", "Straight Kurta"],
        kinds: [
          "Handloom Cotton",
          "Chikankari",
          "Block Print",
          "Khadi",
          "Bandhani",
          "Ikat",
          "Kalamkari",
          "Indigo Dabu",
        ],
        brands: ["Desi Weaves", "Rangrez", "Chhipa Prints", "Sutra Studio"],
        price: [499, 3999],
        option: size,
        hsn: "6204",
        gstBps: 500,
        shop: 0,
        colour: [181, 72, 62],
      },
      {
        name: "Sarees",
        slug: "sarees",
        nouns: ["Saree"],
        kinds: [
          "Banarasi Silk",
          "Kanjeevaram Silk",
          "Chanderi",
          "Tant Cotton",
          "Paithani",
          "Bandhani",
          "Sambalpuri Ikat",
          "Pochampally",
          "Maheshwari",
          "Linen",
        ],
        brands: ["Kora Looms", "Zari House", "Varanasi Weavers", "Desi Weaves"],
        price: [1499, 24999],
        option: colour,
        hsn: "5007",
        gstBps: 500,
        shop: 0,
        colour: [150, 30, 60],
      },
      {
        name: "Dupattas & Stoles",
        slug: "dupattas",
        nouns: ["Dupatta", "Stole"],
        kinds: ["Phulkari", "Bandhani", "Chanderi", "Mulmul", "Kota Doria", "Block Print"],
        brands: ["Rangrez", "Sutra Studio", "Kora Looms"],
        price: [399, 2499],
        option: colour,
        hsn: "6214",
        gstBps: 500,
        shop: 0,
        colour: [214, 120, 40],
      },
      {
        name: "Lehengas",
        slug: "lehengas",
        nouns: ["Lehenga Choli", "Lehenga"],
        kinds: ["Zari Embroidered", "Mirror Work", "Gota Patti", "Velvet", "Silk"],
        brands: ["Zari House", "Shaadi Threads"],
        price: [2999, 29999],
        option: size,
        hsn: "6204",
        gstBps: 1200,
        shop: 0,
        colour: [170, 20, 90],
      },
    ],
  },
  {
    name: "Men",
    slug: "men",
    leaves: [
      {
        name: "Men's Kurtas",
        slug: "men-kurtas",
        nouns: ["Kurta", "Pathani Kurta", "Nehru Jacket"],
        kinds: ["Khadi", "Linen", "Cotton", "Silk Blend", "Jacquard"],
        brands: ["Desi Weaves", "Khadi Gram", "Sutra Studio"],
        price: [699, 4999],
        option: size,
        hsn: "6205",
        gstBps: 500,
        shop: 0,
        colour: [60, 90, 140],
      },
      {
        name: "Dhotis & Lungis",
        slug: "dhotis",
        nouns: ["Dhoti", "Lungi", "Veshti", "Mundu"],
        kinds: ["Cotton", "Kasavu", "Silk", "Checked"],
        brands: ["Khadi Gram", "Kerala Looms"],
        price: [299, 1999],
        option: colour,
        hsn: "6211",
        gstBps: 500,
        shop: 0,
        colour: [230, 220, 190],
      },
      {
        name: "Sherwanis",
        slug: "sherwanis",
        nouns: ["Sherwani", "Bandhgala"],
        kinds: ["Brocade", "Velvet", "Jacquard", "Raw Silk"],
        brands: ["Shaadi Threads", "Zari House"],
        price: [4999, 39999],
        option: size,
        hsn: "6203",
        gstBps: 1200,
        shop: 0,
        colour: [120, 80, 30],
      },
    ],
  },
  {
    name: "Jewellery",
    slug: "jewellery",
    leaves: [
      {
        name: "Earrings",
        slug: "earrings",
        nouns: ["Jhumka", "Chandbali", "Jhumki", "Studs"],
        kinds: ["Oxidised Silver", "Kundan", "Temple", "Meenakari", "Gold Plated", "Terracotta"],
        brands: ["Gehna Studio", "Chandi Bazaar", "Meenakar"],
        price: [199, 2999],
        option: { name: "Finish", values: ["Gold", "Silver", "Antique"] },
        hsn: "7117",
        gstBps: 500,
        shop: 1,
        colour: [196, 160, 60],
      },
      {
        name: "Necklaces",
        slug: "necklaces",
        nouns: ["Necklace Set", "Choker", "Haar", "Mangalsutra"],
        kinds: ["Kundan", "Temple", "Polki", "Oxidised", "Pearl"],
        brands: ["Gehna Studio", "Meenakar"],
        price: [499, 9999],
        option: { name: "Finish", values: ["Gold", "Silver", "Antique"] },
        hsn: "7117",
        gstBps: 500,
        shop: 1,
        colour: [205, 170, 80],
      },
      {
        name: "Bangles & Bracelets",
        slug: "bangles",
        nouns: ["Bangle Set", "Kada", "Bracelet"],
        kinds: ["Lac", "Glass", "Brass", "Silver Plated", "Meenakari"],
        brands: ["Chandi Bazaar", "Lac Mahal"],
        price: [149, 2999],
        option: { name: "Size", values: ["2.4", "2.6", "2.8"] },
        hsn: "7117",
        gstBps: 500,
        shop: 1,
        colour: [200, 40, 70],
      },
      {
        name: "Anklets",
        slug: "anklets",
        nouns: ["Payal", "Anklet"],
        kinds: ["Oxidised Silver", "Ghungroo", "Silver Plated"],
        brands: ["Chandi Bazaar"],
        price: [249, 1999],
        option: { name: "Finish", values: ["Silver", "Antique", "Gold"] },
        hsn: "7117",
        gstBps: 500,
        shop: 1,
        colour: [170, 170, 180],
      },
    ],
  },
  {
    name: "Home & Living",
    slug: "home",
    leaves: [
      {
        name: "Brassware",
        slug: "brassware",
        nouns: ["Diya", "Lota", "Urli", "Puja Thali", "Kalash", "Temple Bell"],
        kinds: ["Brass", "Hammered Brass", "Antique Brass", "Moradabad Brass"],
        brands: ["Peetal Ghar", "Moradabad Metals"],
        price: [299, 4999],
        option: smallLarge,
        hsn: "7418",
        gstBps: 1200,
        shop: 1,
        colour: [190, 150, 50],
      },
      {
        name: "Handloom Home Textiles",
        slug: "home-textiles",
        nouns: ["Bedsheet", "Cushion Cover", "Dhurrie", "Table Runner", "Razai"],
        kinds: ["Jaipuri Block Print", "Handloom Cotton", "Kantha", "Ikat", "Sanganeri"],
        brands: ["Chhipa Prints", "Rangrez", "Kora Looms"],
        price: [399, 5999],
        option: { name: "Size", values: ["Single", "Double", "King"] },
        hsn: "6304",
        gstBps: 500,
        shop: 1,
        colour: [40, 90, 150],
      },
      {
        name: "Pottery & Terracotta",
        slug: "pottery",
        nouns: ["Planter", "Kulhad Set", "Water Pot", "Vase"],
        kinds: ["Terracotta", "Blue Pottery", "Khurja Ceramic", "Longpi Black"],
        brands: ["Kumbhar Clay Co", "Neel Kala"],
        price: [199, 2999],
        option: smallLarge,
        hsn: "6912",
        gstBps: 1200,
        shop: 1,
        colour: [180, 90, 50],
      },
      {
        name: "Wall Art",
        slug: "wall-art",
        nouns: ["Madhubani Painting", "Warli Painting", "Pattachitra", "Gond Painting", "Wall Hanging"],
        kinds: ["Hand-painted", "Framed", "Traditional", "Folk"],
        brands: ["Lok Kala", "Neel Kala"],
        price: [499, 14999],
        option: { name: "Size", values: ["A4", "A3", "A2"] },
        hsn: "9701",
        gstBps: 1200,
        shop: 1,
        colour: [60, 130, 90],
      },
    ],
  },
  {
    name: "Food & Grocery",
    slug: "food",
    leaves: [
      {
        name: "Tea",
        slug: "tea",
        nouns: ["Tea", "Chai", "Green Tea"],
        kinds: ["Assam CTC", "Darjeeling First Flush", "Nilgiri", "Masala", "Kashmiri Kahwa", "Tulsi"],
        brands: ["Chai Bagan", "Himalayan Leaf"],
        price: [149, 1499],
        option: weight,
        hsn: "0902",
        gstBps: 500,
        shop: 1,
        colour: [110, 60, 30],
      },
      {
        name: "Spices & Masala",
        slug: "spices",
        nouns: ["Garam Masala", "Haldi", "Kashmiri Mirch", "Elaichi", "Chaat Masala", "Sambar Powder"],
        kinds: ["Organic", "Stone-ground", "Lakadong", "Kerala", "Homestyle"],
        brands: ["Masala Mandi", "Spice Route"],
        price: [99, 999],
        option: weight,
        hsn: "0910",
        gstBps: 500,
        shop: 1,
        colour: [200, 120, 20],
      },
      {
        name: "Sweets & Snacks",
        slug: "sweets",
        nouns: ["Mysore Pak", "Chikki", "Bhujia", "Soan Papdi", "Kaju Katli", "Petha"],
        kinds: ["Ghee", "Jaggery", "Dry Fruit", "Classic"],
        brands: ["Halwai Ghar", "Mithai Wala"],
        price: [149, 1499],
        option: weight,
        hsn: "1704",
        gstBps: 500,
        shop: 1,
        colour: [230, 170, 90],
      },
      {
        name: "Pickles & Preserves",
        slug: "pickles",
        nouns: ["Mango Pickle", "Lime Pickle", "Mixed Pickle", "Amla Murabba", "Garlic Pickle"],
        kinds: ["Homemade", "Andhra", "Punjabi", "Rajasthani"],
        brands: ["Nani's Kitchen", "Achaar Co"],
        price: [149, 799],
        option: weight,
        hsn: "2001",
        gstBps: 1200,
        shop: 1,
        colour: [170, 130, 20],
      },
    ],
  },
  {
    name: "Beauty & Wellness",
    slug: "beauty",
    leaves: [
      {
        name: "Ayurvedic Skincare",
        slug: "skincare",
        nouns: ["Ubtan", "Kumkumadi Tailam", "Rose Water", "Face Pack", "Soap"],
        kinds: ["Ayurvedic", "Sandalwood", "Neem", "Saffron", "Multani Mitti"],
        brands: ["Ayur Vedika", "Vana Herbals"],
        price: [149, 1999],
        option: volume,
        hsn: "3304",
        gstBps: 1800,
        shop: 1,
        colour: [120, 160, 90],
      },
      {
        name: "Hair Care",
        slug: "hair-care",
        nouns: ["Hair Oil", "Shikakai Powder", "Herbal Shampoo"],
        kinds: ["Amla", "Bhringraj", "Coconut", "Onion"],
        brands: ["Ayur Vedika", "Kesh Kanti"],
        price: [149, 999],
        option: volume,
        hsn: "3305",
        gstBps: 1800,
        shop: 1,
        colour: [70, 120, 60],
      },
    ],
  },
  {
    name: "Footwear",
    slug: "footwear",
    leaves: [
      {
        name: "Ethnic Footwear",
        slug: "ethnic-footwear",
        nouns: ["Kolhapuri Chappal", "Mojari", "Jutti", "Paduka"],
        kinds: ["Handcrafted Leather", "Embroidered", "Tan", "Phulkari"],
        brands: ["Charmkar", "Kolhapur Craft"],
        price: [499, 2999],
        option: { name: "Size", values: ["6", "7", "8", "9"] },
        hsn: "6403",
        gstBps: 1200,
        shop: 0,
        colour: [140, 90, 50],
      },
    ],
  },
  {
    name: "Toys & Crafts",
    slug: "crafts",
    leaves: [
      {
        name: "Wooden Toys",
        slug: "wooden-toys",
        nouns: ["Channapatna Toy Set", "Kondapalli Doll", "Spinning Top", "Rocking Horse"],
        kinds: ["Wooden", "Lacquered", "Hand-painted"],
        brands: ["Channapatna Crafts", "Lok Kala"],
        price: [199, 1999],
        option: { name: "Colour", values: ["Red", "Green", "Yellow"] },
        hsn: "9503",
        gstBps: 1200,
        shop: 1,
        colour: [220, 60, 40],
      },
    ],
  },
];

export const LEAVES: Leaf[] = CATALOG_TREE.flatMap((r) => r.leaves);

/** Inserts whichever of the tree's categories are missing (by slug); returns slug → id for all. */
export async function ensureCategories(db: Database): Promise<Map<string, string>> {
  const slugs = CATALOG_TREE.flatMap((r) => [r.slug, ...r.leaves.map((l) => l.slug)]);
  const ids = async () =>
    new Map(
      (
        await db.query.categories.findMany({
          columns: { id: true, slug: true },
          where: (c, { inArray }) => inArray(c.slug, slugs),
        })
      ).map((c) => [c.slug, c.id] as const),
    );
  await db
    .insert(categories)
    .values(CATALOG_TREE.map((r, position) => ({ name: r.name, slug: r.slug, position })))
    .onConflictDoNothing({ target: categories.slug });
  const roots = await ids();
  await db
    .insert(categories)
    .values(
      CATALOG_TREE.flatMap((r) =>
        r.leaves.map((l, position) => ({
          name: l.name,
          slug: l.slug,
          parentId: roots.get(r.slug)!,
          position,
        })),
      ),
    )
    .onConflictDoNothing({ target: categories.slug });
  return ids();
}

// ---- products ------------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG, so product n is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const REGIONS = [
  "Varanasi",
  "Jaipur",
  "Kutch",
  "Lucknow",
  "Bagru",
  "Sanganer",
  "Kanchipuram",
  "Bhagalpur",
  "Moradabad",
  "Khurja",
  "Channapatna",
  "Darjeeling",
  "Assam",
  "Kerala",
  "Kolhapur",
  "Madhubani",
  "Pochampally",
  "Chanderi",
  "Maheshwar",
  "Surat",
  "Mysuru",
  "Odisha",
  "Kashmir",
  "Bikaner",
];
const MOTIFS = [
  "Paisley",
  "Floral",
  "Peacock",
  "Lotus",
  "Elephant",
  "Mango Buta",
  "Temple Border",
  "Striped",
  "Checked",
  "Leheriya",
];
const PRAISE = [
  "Light and breathable for everyday wear.",
  "A festive favourite, lovely as a gift.",
  "Finished by hand, so each piece differs a little.",
  "Colours stay bright wash after wash.",
  "Packed plastic-free in a cloth pouch.",
  "Fair wages paid to every artisan.",
];

export type GeneratedVariant = {
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  compareAtPrice: number | null;
  stock: number;
};
export type GeneratedProduct = {
  leaf: Leaf;
  title: string;
  slug: string;
  description: string;
  brand: string | null;
  tags: string[];
  options: Option[];
  variants: GeneratedVariant[];
  featured: boolean;
  ratingAvg: number;
  ratingCount: number;
  soldCount: number;
  /** Days before now. */
  ageDays: number;
};

/** Rupees to paise, priced like a shop would: ₹1,299, not ₹1,287. */
const shopPrice = (rupees: number) => (Math.max(1, Math.round(rupees / 50)) * 50 - 1) * 100;

/** Product number n of a catalogue: always the same; `variants` options (three by default). */
export function generateProduct(n: number, variants = 3, slugTail = `s${n.toString(36)}`): GeneratedProduct {
  const r = rng(n * 2654435761);
  const leaf = LEAVES[n % LEAVES.length]!;
  const kind = r.pick(leaf.kinds);
  const noun = r.pick(leaf.nouns);
  const motif = r.chance(0.4) && leaf.shop === 0 ? `${r.pick(MOTIFS)} ` : "";
  const title = `${motif}${kind} ${noun}`;
  const region = r.pick(REGIONS);
  const base = shopPrice(leaf.price[0] + (leaf.price[1] - leaf.price[0]) * r.next() ** 2);
  const discounted = r.chance(0.3);
  const soldOut = r.chance(0.06);
  const values = leaf.option.values.slice(0, variants);
  const vs = values.map((value, i) => {
    // Each step up about 10% dearer, still a shop price (₹1,299 → ₹1,449).
    const price = base + i * Math.max(5000, Math.round(base / 10 / 5000) * 5000);
    return {
      sku: `${leaf.slug.slice(0, 4).toUpperCase()}-${n.toString(36).toUpperCase()}-${i}`,
      optionValues: { [leaf.option.name]: value },
      price,
      compareAtPrice: discounted ? Math.round((price * 1.25) / 100) * 100 : null,
      stock: soldOut ? 0 : r.int(0, 40),
    };
  });
  const rated = r.chance(0.65);
  return {
    leaf,
    title,
    slug: `${slugify(title, 50)}-${slugTail}`,
    description: `${kind} ${noun.toLowerCase()} made by artisans in ${region}. ${r.pick(PRAISE)} ${r.pick(PRAISE)}`,
    brand: r.chance(0.85) ? r.pick(leaf.brands) : null,
    tags: [slugify(kind), slugify(noun), slugify(region)],
    options: [{ name: leaf.option.name, values }],
    variants: vs,
    featured: r.chance(0.01),
    ratingAvg: rated ? Math.round((3 + r.next() * 2) * 10) / 10 : 0,
    ratingCount: rated ? r.int(1, 500) : 0,
    soldCount: Math.floor(r.next() ** 3 * 2000),
    ageDays: r.int(0, 365),
  };
}

// ---- images --------------------------------------------------------------------------------

/**
 * A real RGB PNG: the leaf's colour with a lighter diagonal weave and a border, so a grid
 * of products reads as a shop rather than as grey boxes. `shade` varies it per product.
 */
export function productPng([r, g, b]: [number, number, number], shade = 0, size = 240): Buffer {
  const tint = (c: number, f: number) => Math.max(0, Math.min(255, Math.round(c * f)));
  const f = 0.85 + (shade % 7) * 0.05;
  const base = [tint(r, f), tint(g, f), tint(b, f)];
  const light = base.map((c) => Math.round(c + (255 - c) * 0.35));
  const dark = base.map((c) => Math.round(c * 0.55));
  const row = size * 3 + 1;
  const raw = Buffer.alloc(row * size);
  const stripe = 12 + (shade % 4) * 4;
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const border = x < 8 || y < 8 || x >= size - 8 || y >= size - 8;
      const weave = Math.floor((x + y) / stripe) % 2 === 0;
      const c = border ? dark : weave ? light : base;
      // Byte by byte: raw.set() with a 3-element array per pixel was most of the seed's
      // image time (480 images of 57,600 pixels on a first start).
      const i = y * row + 1 + x * 3;
      raw[i] = c[0]!;
      raw[i + 1] = c[1]!;
      raw[i + 2] = c[2]!;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
