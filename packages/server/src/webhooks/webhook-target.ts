import { BlockList, isIP } from 'node:net';

/** Why a webhook target is refused (`details.reason` of the 400). */
export type WebhookTargetProblem = 'link_local_target' | 'reserved_target' | 'loopback_target' | 'private_target' | 'credentials_in_url';

/** Never a webhook target: link-local (cloud metadata services live there). */
const LINK_LOCAL = blockList([
  ['169.254.0.0', 16, 'ipv4'],
  ['fe80::', 10, 'ipv6'],
]);

/** Never a webhook target either: multicast and reserved space. */
const RESERVED = blockList([
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['ff00::', 8, 'ipv6'],
]);

/** The server's own machine. `0.0.0.0` and `::` reach it too on most systems. */
const LOOPBACK = blockList([
  ['127.0.0.0', 8, 'ipv4'],
  ['0.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['::', 128, 'ipv6'],
]);

/** Private networks: RFC 1918, carrier-grade NAT, benchmarking, IPv6 unique local. */
const PRIVATE = blockList([
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['fc00::', 7, 'ipv6'],
]);

function blockList(subnets: [string, number, 'ipv4' | 'ipv6'][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of subnets) list.addSubnet(network, prefix, family);
  return list;
}

/**
 * Checks where a webhook may point. Link-local, multicast and reserved addresses are always refused; loopback and private
 * addresses unless `allowPrivate`; credentials in the URL always. Only literal addresses and `localhost` names are
 * classified: host names are not resolved here (their answer could change before delivery anyway).
 */
export function webhookTargetProblem(url: URL, allowPrivate: boolean): WebhookTargetProblem | undefined {
  if (url.username !== '' || url.password !== '') return 'credentials_in_url';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return allowPrivate ? undefined : 'loopback_target';
  const family = isIP(host);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // BlockList matches IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) against the IPv4 subnets.
  if (LINK_LOCAL.check(host, type)) return 'link_local_target';
  if (RESERVED.check(host, type)) return 'reserved_target';
  if (allowPrivate) return undefined;
  if (LOOPBACK.check(host, type)) return 'loopback_target';
  if (PRIVATE.check(host, type)) return 'private_target';
  return undefined;
}
