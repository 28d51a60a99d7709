export { requireApprovedSeller } from "./require-seller";
