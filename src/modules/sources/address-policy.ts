import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether a fetch may connect to `address` (an IP literal). Only global unicast passes:
 * ipaddr.js names every special-purpose range of the IANA registries (loopback, private,
 * link-local, unique-local, CGNAT, multicast, reserved, documentation...) and so refuses them
 * all, and IPv6 forms that carry an IPv4 address (`::ffff:a.b.c.d`, `64:ff9b::/96`, 6to4,
 * Teredo) are refused whole rather than unwrapped: what they reach depends on gateways that a
 * check of the inner address cannot see.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) {
    return false;
  }
  return ipaddr.parse(address).range() === 'unicast';
}

/** Which hosts a fetch may reach, as configured. */
export interface AddressPolicy {
  /** Lower-case host names whose addresses are not checked. */
  readonly allowedHosts: readonly string[];
  /** Every address is allowed (tests against local servers). */
  readonly allowPrivate: boolean;
}

/** Whether connecting to `address` on behalf of `hostname` is allowed by `policy`. */
export function mayConnect(policy: AddressPolicy, hostname: string, address: string): boolean {
  return (
    policy.allowPrivate ||
    policy.allowedHosts.includes(hostname.toLowerCase()) ||
    isPublicAddress(address)
  );
}
