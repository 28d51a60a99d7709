import { useFormError, useTRPC } from "@bazaar/client";
import type { TrackingDto } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, OrderTimeline, Page, SubOrderStatusTag } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

/** The public timeline shape from tracking's bare status changes (no names, notes or actors). */
const steps = (timeline: TrackingDto["timeline"]) =>
  timeline.map((step, i) => ({
    from: i === 0 ? null : (timeline[i - 1]?.to ?? null),
    to: step.to,
    at: step.at,
    actorRole: "system" as const,
    note: null,
  }));

/**
 * `/track/:code`: where a parcel has got to, for anyone with its tracking code (printed as
 * a QR code on the invoice and packing slip). Nothing personal is shown.
 */
export function TrackPage() {
  const { code = "" } = useParams();
  const trpc = useTRPC();
  const tracking = useQuery(trpc.tracking.get.queryOptions({ code }));
  const error = useFormError(tracking.error);
  const t = tracking.data;
  return (
    <Page title="Track a delivery" description={t ? `${t.number} from ${t.shopName}` : undefined}>
      {tracking.error ? (
        <ErrorAlert error={error} />
      ) : !t ? (
        <Loading />
      ) : (
        <div className="bz-columns">
          <Card title="Where it is" testId="tracking">
            <p>
              <SubOrderStatusTag status={t.status} />
            </p>
            <OrderTimeline events={steps(t.timeline)} />
          </Card>
          <Card title="Delivery">
            <dl className="bz-facts">
              <dt>Going to</dt>
              <dd data-testid="tracking-destination">{t.destination}</dd>
              <dt>Carrier</dt>
              <dd data-testid="tracking-carrier">{t.carrier ?? "Not shipped yet"}</dd>
              <dt>Tracking number</dt>
              <dd className="bz-mono" data-testid="tracking-number">
                {t.trackingNumber ?? "—"}
              </dd>
            </dl>
          </Card>
        </div>
      )}
    </Page>
  );
}
