/**
 * fastify's `trustProxy` for `JICENG_TRUST_PROXY_HOPS`: the socket's peer and the `hops - 1`
 * nearest X-Forwarded-For entries are our proxies, so the client is the entry `hops` from the
 * right; whatever a client writes further left is ignored. (fastify 5.12 refuses a bare number,
 * hence the function.) The app must then be reachable only through those proxies: a client that
 * connects directly could write the last entry itself. 0: no proxy, the socket's address.
 */
export function trustedHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}
