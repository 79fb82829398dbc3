import { slugify, uniqueSuffix } from './slug.js';

describe('slugify', () => {
  it.each([
    ['How to train your dragon', 'how-to-train-your-dragon'],
    ['  Leading & trailing!  ', 'leading-trailing'],
    ['Crème brûlée, déjà vu', 'creme-brulee-deja-vu'],
    ['C++ -- the   good parts', 'c-the-good-parts'],
    ['2024: year 1', '2024-year-1'],
  ])('turns %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('falls back to a random slug when nothing URL-safe remains', () => {
    expect(slugify('日本語のタイトル')).toMatch(/^article-[0-9a-z]{6}$/);
    expect(slugify('!!!')).toMatch(/^article-[0-9a-z]{6}$/);
  });

  it('caps the length without leaving a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(199)} b`);
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('makes distinct suffixes', () => {
    const suffixes = new Set(Array.from({ length: 200 }, () => uniqueSuffix()));
    expect(suffixes.size).toBe(200);
    for (const suffix of suffixes) expect(suffix).toMatch(/^[0-9a-z]{6}$/);
  });
});
