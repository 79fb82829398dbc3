import { createHash, randomBytes } from 'node:crypto';

/**
 * A bearer secret for links and refresh tokens: 256 random bits, URL-safe.
 * So much entropy needs no salt or slow hash; store `hashSecretToken(token)`.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex SHA-256: how high-entropy secrets are stored and looked up. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
