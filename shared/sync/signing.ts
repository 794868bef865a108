/**
 * The text a request's HMAC-SHA256 covers. Both sides build it here so they cannot drift
 * apart; each computes the hash and the HMAC with its own crypto (this file stays pure).
 * The path includes the query string: a pull's cursor is signed too.
 */
export function canonicalRequest(parts: {
  method: string;
  pathAndQuery: string;
  timestamp: string;
  nonce: string;
  bodySha256Hex: string;
}): string {
  return [parts.method.toUpperCase(), parts.pathAndQuery, parts.timestamp, parts.nonce, parts.bodySha256Hex].join('\n');
}
