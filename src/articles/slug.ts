import { randomBytes } from 'node:crypto';

const MAX_BASE_LENGTH = 200;

/**
 * URL slug from a title: accents folded, lower-case ASCII words joined by
 * dashes. A title with no Latin letters or digits gets a random slug.
 */
export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/, '');
  return base || `article-${uniqueSuffix()}`;
}

/** Six random base-36 characters, appended when a slug is taken. */
export function uniqueSuffix(): string {
  return BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString(36)
    .padStart(6, '0')
    .slice(-6);
}
