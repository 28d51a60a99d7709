export { getTracking } from "./get-tracking";
export { createTrackingCode, readTrackingCode, trackingFor, trackingQr, trackingUrl } from "./tracking-code";
