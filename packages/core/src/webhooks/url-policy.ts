import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { invalidField } from "../errors";
import type { Deps } from "../platform/deps";

/**
 * Where a webhook may go. HTTPS only; plain http only to this machine's loopback and only
 * when WEBHOOKS_ALLOW_HTTP_LOOPBACK is on (development, tests). With `blockPrivate` (on in
 * production) private, loopback, link-local and other internal addresses are refused, both
 * when the URL is saved and for every address its name resolves to at each delivery, so a
 * webhook cannot be aimed at our own network (SSRF), not even by a DNS answer that changes.
 */
export type WebhookNetPolicy = { allowHttpLoopback: boolean; blockPrivate: boolean };

export const policyOf = (deps: Pick<Deps, "webhooks">): WebhookNetPolicy => ({
  allowHttpLoopback: deps.webhooks?.allowHttpLoopback ?? false,
  blockPrivate: deps.webhooks?.blockPrivateAddresses ?? false,
});

const internal = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  internal.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  internal.addSubnet(net, bits, "ipv6");

/** A private, loopback, link-local, multicast or otherwise non-public address. */
export function isInternalAddress(address: string): boolean {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4mapped) return isInternalAddress(v4mapped[1]!);
  const family = isIP(address);
  if (family === 4) return internal.check(address, "ipv4");
  if (family === 6) return internal.check(address, "ipv6");
  return true;
}

const bareHost = (host: string) => host.replace(/^\[|\]$/g, "").toLowerCase();
export const isLoopbackHost = (host: string) => {
  const h = bareHost(host);
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
};

const badUrl = (message: string) => invalidField("url", "webhook.url_not_allowed", message);

/** Checks a URL when it is saved; the answer names the `url` field. */
export function checkWebhookUrl(policy: WebhookNetPolicy, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badUrl("Enter a full URL, e.g. https://example.com/webhooks");
  }
  if (url.username || url.password) throw badUrl("The URL must not carry a user name or password");
  if (url.protocol === "http:") {
    if (!(policy.allowHttpLoopback && isLoopbackHost(url.hostname)))
      throw badUrl("The URL must start with https://");
    return url;
  }
  if (url.protocol !== "https:") throw badUrl("The URL must start with https://");
  const host = bareHost(url.hostname);
  if (policy.blockPrivate && (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local")))
    throw badUrl("The URL must point to a public address");
  if (policy.blockPrivate && isIP(host) && isInternalAddress(host))
    throw badUrl("The URL must point to a public address");
  return url;
}

/**
 * A DNS lookup for node:http that refuses internal addresses when the policy says so: the
 * connection goes to an address checked here, not to one resolved again later.
 */
export function guardedLookup(policy: WebhookNetPolicy, loopbackAllowed: boolean) {
  return (
    hostname: string,
    options: object,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "");
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isInternalAddress(a.address));
      if (policy.blockPrivate && !loopbackAllowed && bad) {
        const e = new Error(`refused: ${hostname} resolves to an internal address`) as NodeJS.ErrnoException;
        e.code = "EWEBHOOKBLOCKED";
        return callback(e, "");
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), "");
      callback(null, first.address, first.family);
    });
  };
}
