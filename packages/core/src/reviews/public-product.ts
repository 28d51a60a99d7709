import { notFound } from "../errors";

/**
 * Reviews are shown only where the product is: approved, of an approved shop. A draft, a
 * taken-down product or a suspended shop's product answers this, like its page does.
 */
export const productNotFound = () => notFound("product.not_found", "This product is not available");
