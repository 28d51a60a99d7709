/**
 * qrcode (with its PNG encoder), loaded at the first code drawn (a tracking label, a
 * two-factor enrolment), not at every start of every process.
 */
export const qrCodes = async () => (await import("qrcode")).default;
