import sharp from 'sharp';
import { vi } from 'vitest';
import type { Response } from 'supertest';
import { Article } from '../../src/articles/entities/article.entity.js';
import { Upload, UploadStatus } from '../../src/uploads/entities/upload.entity.js';
import { StorageDriver } from '../../src/uploads/storage/storage-driver.js';
import { UploadsService } from '../../src/uploads/uploads.service.js';
import {
  gifJavascriptPolyglot,
  jpegPhpZipPolyglot,
  jpegWithLocation,
  noisyJpeg,
  oversizedJpeg,
  PHP_PAYLOAD,
  phpScript,
  pngClaimingHugeDimensions,
  pngOverPixelLimit,
  smallImage,
  svgWithScript,
} from '../support/images.js';
import { assertNoLeaks, ConduitClient, type RegisteredUser } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A storage backend under test: the app's environment for it and a view of what it holds. */
export interface StorageUnderTest {
  env: Record<string, string>;
  /** Every object key the storage holds right now. */
  objectKeys(): Promise<string[]>;
  drop(): Promise<void>;
}

/** Quotas small enough to reach in a test; every test registers users of its own. */
export const QUOTA_ENV = {
  UPLOAD_QUOTA_COUNT: '3',
  UPLOAD_QUOTA_BYTES: String(2 * 1024 * 1024),
};

export interface Fetched {
  status: number;
  contentType: string | undefined;
  headers: Record<string, string>;
  body: Buffer;
}

/** `POST /api/uploads` with one file; the answer is scanned for leaks like every Conduit answer. */
export function postFile(
  t: TestApp,
  client: RegisteredUser,
  file: Buffer,
  filename = 'image.jpg',
  contentType = 'image/jpeg',
) {
  return t.http
    .post('/api/uploads')
    .set('Authorization', `Token ${client.token}`)
    .attach('file', file, { filename, contentType })
    .expect((response) => assertNoLeaks(response.body));
}

function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Reads a URL the API handed out, as a browser would: through the app for
 * its own `/uploads/` URLs (following a redirect to the storage), directly
 * otherwise.
 */
export async function fetchUrl(t: TestApp, url: string): Promise<Fetched> {
  const { origin, pathname } = new URL(url);
  if (origin === 'http://localhost:3000') {
    const response = await t.http
      .get(pathname)
      .buffer(true)
      .parse(binary as never);
    if (response.status !== 302) {
      return {
        status: response.status,
        contentType: response.headers['content-type'],
        headers: response.headers,
        body: response.body as Buffer,
      };
    }
    url = response.headers.location;
  }
  const response = await fetch(url);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

interface VariantBody {
  url: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

/** The behaviour every storage driver must show, over HTTP, with the storage's contents checked. */
export function describeUploadContract(setupStorage: () => Promise<StorageUnderTest>): void {
  let t: TestApp;
  let conduit: ConduitClient;
  let storage: StorageUnderTest;

  beforeAll(async () => {
    storage = await setupStorage();
    t = await createTestApp({ ...QUOTA_ENV, ...storage.env });
    conduit = new ConduitClient(t);
  });

  afterAll(async () => {
    await t?.close();
    await storage?.drop();
  });

  const uploadRows = (ownerUsername?: string) =>
    t.dataSource.getRepository(Upload).find({
      where: ownerUsername ? { owner: { username: ownerUsername } } : {},
    });
  const keysOf = async (id: string) =>
    (await storage.objectKeys()).filter((key) => key.includes(id)).sort();

  it('re-encodes an image into variants, orientation applied and metadata gone', async () => {
    const jake = await conduit.register();
    const original = await jpegWithLocation();
    expect(await sharp(original).metadata()).toMatchObject({
      orientation: 6,
      exif: expect.any(Buffer),
      xmp: expect.any(Buffer),
      icc: expect.any(Buffer),
    });

    const response = await postFile(t, jake, original, 'holiday.jpg').expect(201);
    const upload = response.body.upload;
    expect(upload).toMatchObject({
      status: 'ready',
      contentType: 'image/jpeg',
      width: 1500,
      height: 2000,
    });
    expect(upload.id).toMatch(/^[0-9a-f-]{36}$/);
    const variants = upload.variants as VariantBody[];
    expect(variants.map((v) => [v.contentType, v.width, v.height])).toEqual([
      ['image/webp', 1500, 2000],
      ['image/jpeg', 1500, 2000],
      ['image/webp', 800, 1067],
      ['image/jpeg', 800, 1067],
      ['image/webp', 200, 267],
      ['image/jpeg', 200, 267],
    ]);
    expect(upload.bytes).toBe(variants.reduce((sum, v) => sum + v.bytes, 0));

    for (const variant of variants) {
      const file = await fetchUrl(t, variant.url);
      expect(file.status).toBe(200);
      expect(file.contentType).toBe(variant.contentType);
      expect(file.body.length).toBe(variant.bytes);
      const metadata = await sharp(file.body).metadata();
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(file.body.includes('exif-secret-owner')).toBe(false);
      expect(file.body.includes('xmp-secret-creator')).toBe(false);
    }

    const [row] = await uploadRows(jake.username);
    expect(row).toMatchObject({ id: upload.id, status: UploadStatus.Ready, bytes: upload.bytes });
    expect(await keysOf(upload.id)).toHaveLength(6);
  });

  it.each(Object.entries(smallImage))('accepts %s, read from its bytes', async (format, make) => {
    const writer = await conduit.register();
    // The name and declared type lie: only the bytes count.
    const response = await postFile(t, writer, await make(), 'picture.txt', 'text/plain').expect(
      201,
    );
    const upload = response.body.upload;
    expect(upload.contentType).toBe(`image/${format}`);
    expect((upload.variants as VariantBody[]).map((v) => [v.contentType, v.width])).toEqual(
      [320, 200].flatMap((width) =>
        [...new Set(['image/webp', `image/${format}`])].map((type) => [type, width]),
      ),
    );
    const smallest = upload.variants.at(-1) as VariantBody;
    const file = await fetchUrl(t, smallest.url);
    expect(file.status).toBe(200);
    expect((await sharp(file.body).metadata()).width).toBe(200);
  });

  it.each([
    ['a PHP script named .jpg', phpScript, 'shell.jpg', 'image/jpeg'],
    ['an SVG with script', svgWithScript, 'logo.svg', 'image/svg+xml'],
    ['a GIF/JavaScript polyglot', gifJavascriptPolyglot, 'anim.gif', 'image/gif'],
    [
      'a PNG whose bytes were cut short',
      async () => (await smallImage.png()).subarray(0, 60),
      'cut.png',
      'image/png',
    ],
  ])('refuses %s with 415 and stores nothing', async (_name, make, filename, type) => {
    const mallory = await conduit.register();
    const before = await storage.objectKeys();
    const response = await postFile(t, mallory, await make(), filename, type).expect(415);
    expect(Object.keys(response.body.errors)).toEqual(['file']);
    expect(await uploadRows(mallory.username)).toEqual([]);
    expect(await storage.objectKeys()).toEqual(before);
  });

  it('keeps nothing but pixels from a JPEG carrying a PHP script and a ZIP', async () => {
    const mallory = await conduit.register();
    const response = await postFile(t, mallory, await jpegPhpZipPolyglot()).expect(201);
    for (const variant of response.body.upload.variants as VariantBody[]) {
      const file = await fetchUrl(t, variant.url);
      expect(file.body.includes(PHP_PAYLOAD)).toBe(false);
      expect(file.body.includes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
    }
  });

  it.each([
    ['announced by its Content-Length (refused unread)', 50 * 1024 * 1024],
    ['found while it streams in', 5 * 1024 * 1024 + 10 * 1024],
  ])('refuses a file over 5 MB with 413 when it is %s', async (_name, bytes) => {
    const writer = await conduit.register();
    const response = await postFile(t, writer, oversizedJpeg(bytes)).expect(413);
    expect(response.body).toEqual({
      errors: { file: ['is too large (maximum is 5242880 bytes)'] },
    });
    expect(await uploadRows(writer.username)).toEqual([]);
  });

  it.each([
    ['whose header claims 10 gigapixels', pngClaimingHugeDimensions],
    ['of 56 real megapixels', pngOverPixelLimit],
  ])('refuses a decompression bomb %s with 413', async (_name, make) => {
    const writer = await conduit.register();
    const before = await storage.objectKeys();
    const response = await postFile(t, writer, await make(), 'bomb.png', 'image/png').expect(413);
    expect(response.body.errors.file[0]).toMatch(/too many pixels/);
    expect(await uploadRows(writer.username)).toEqual([]);
    expect(await storage.objectKeys()).toEqual(before);
  });

  it('answers 415 to a body that is not multipart and 422 to a form without a file', async () => {
    const writer = await conduit.register();
    const json = await t.http
      .post('/api/uploads')
      .set('Authorization', `Token ${writer.token}`)
      .send({ file: 'data:image/png;base64,AAAA' })
      .expect(415);
    expect(Object.keys(json.body.errors)).toEqual(['body']);
    const empty = await t.http
      .post('/api/uploads')
      .set('Authorization', `Token ${writer.token}`)
      .field('caption', 'no file')
      .expect(422);
    expect(empty.body).toEqual({ errors: { file: ["can't be blank"] } });
  });

  it('needs a token', async () => {
    await t.http
      .post('/api/uploads')
      .attach('file', await smallImage.png(), 'a.png')
      .expect(401);
    await t.http.get('/api/uploads').expect(401);
  });

  it('enforces the per-user quota on count', async () => {
    const writer = await conduit.register();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await postFile(t, writer, await smallImage.png()).expect(201)).body.upload.id);
    }
    const refused = await postFile(t, writer, await smallImage.png()).expect(403);
    expect(refused.body.errors.upload[0]).toMatch(/quota exceeded/);
    expect(await uploadRows(writer.username)).toHaveLength(3);

    await t.http
      .delete(`/api/uploads/${ids[0]}`)
      .set('Authorization', `Token ${writer.token}`)
      .expect(204);
    await postFile(t, writer, await smallImage.png()).expect(201);
  });

  it('enforces the per-user quota on bytes, leaving nothing behind', async () => {
    const writer = await conduit.register();
    const before = await storage.objectKeys();
    const refused = await postFile(t, writer, await noisyJpeg()).expect(403);
    expect(refused.body.errors.upload[0]).toMatch(/quota exceeded/);
    expect(await uploadRows(writer.username)).toEqual([]);
    expect(await storage.objectKeys()).toEqual(before);
  });

  it('lists only the caller’s uploads, most recent first', async () => {
    const [alice, bob] = [await conduit.register(), await conduit.register()];
    const older = (await postFile(t, alice, await smallImage.png()).expect(201)).body.upload;
    const newer = (await postFile(t, alice, await smallImage.webp()).expect(201)).body.upload;
    await postFile(t, bob, await smallImage.png()).expect(201);
    // SQLite keeps whole seconds: set the order apart for certain.
    await t.dataSource
      .getRepository(Upload)
      .update({ id: older.id }, { createdAt: new Date(Date.now() - 60_000) });

    const all = await t.http
      .get('/api/uploads')
      .set('Authorization', `Token ${alice.token}`)
      .expect(200);
    expect(all.body.uploadsCount).toBe(2);
    expect(all.body.uploads.map((upload: { id: string }) => upload.id)).toEqual([
      newer.id,
      older.id,
    ]);
    expect(all.body.uploads[0]).toEqual(newer);

    const page = await t.http
      .get('/api/uploads?limit=1&offset=1')
      .set('Authorization', `Token ${alice.token}`)
      .expect(200);
    expect(page.body.uploadsCount).toBe(2);
    expect(page.body.uploads.map((upload: { id: string }) => upload.id)).toEqual([older.id]);
  });

  it('deletes every variant, and only for the owner', async () => {
    const [owner, other] = [await conduit.register(), await conduit.register()];
    const upload = (await postFile(t, owner, await smallImage.jpeg()).expect(201)).body.upload;
    expect(await keysOf(upload.id)).toHaveLength(4);

    await t.http
      .delete(`/api/uploads/${upload.id}`)
      .set('Authorization', `Token ${other.token}`)
      .expect(404);
    expect(await keysOf(upload.id)).toHaveLength(4);

    await t.http
      .delete(`/api/uploads/${upload.id}`)
      .set('Authorization', `Token ${owner.token}`)
      .expect(204);
    expect(await keysOf(upload.id)).toEqual([]);
    expect(await uploadRows(owner.username)).toEqual([]);
    const gone = await fetchUrl(t, upload.variants[0].url);
    expect([403, 404]).toContain(gone.status);

    await t.http
      .delete(`/api/uploads/${upload.id}`)
      .set('Authorization', `Token ${owner.token}`)
      .expect(404);
    await t.http
      .delete('/api/uploads/not-a-uuid')
      .set('Authorization', `Token ${owner.token}`)
      .expect(404);
  });

  it('finishes a deletion that a storage failure cut short', async () => {
    const owner = await conduit.register();
    const upload = (await postFile(t, owner, await smallImage.png()).expect(201)).body.upload;
    const storageDriver = t.app.get(StorageDriver);
    const outage = vi
      .spyOn(storageDriver, 'delete')
      .mockRejectedValueOnce(new Error('storage unavailable'));
    await t.http
      .delete(`/api/uploads/${upload.id}`)
      .set('Authorization', `Token ${owner.token}`)
      .expect(500);
    outage.mockRestore();

    // Gone for its owner at once, though its objects are still there.
    const listed = await t.http
      .get('/api/uploads')
      .set('Authorization', `Token ${owner.token}`)
      .expect(200);
    expect(listed.body.uploads).toEqual([]);
    expect(await uploadRows(owner.username)).toMatchObject([{ status: UploadStatus.Deleting }]);
    expect(await keysOf(upload.id)).toHaveLength(4);

    expect(await t.app.get(UploadsService).deleteOrphans(new Date())).toBe(1);
    expect(await uploadRows(owner.username)).toEqual([]);
    expect(await keysOf(upload.id)).toEqual([]);
  });

  it('sets an avatar and an article cover image from uploads', async () => {
    const jake = await conduit.register();
    const avatar = (await postFile(t, jake, await smallImage.png()).expect(201)).body.upload;
    const cover = (await postFile(t, jake, await smallImage.jpeg()).expect(201)).body.upload;
    const avatarUrl = avatar.variants.at(-1).url as string;
    const coverUrl = cover.variants[0].url as string;

    const user = await conduit.request('put', '/user', {
      token: jake.token,
      body: { user: { image: avatarUrl } },
    });
    expect(user.status).toBe(200);
    expect(user.body.user.image).toBe(avatarUrl);

    const created = await conduit.request('post', '/articles', {
      token: jake.token,
      body: { article: { title: 'Covered', description: 'd', body: 'b', coverImage: coverUrl } },
    });
    expect(created.status).toBe(201);
    // The RealWorld article, plus `coverImage`.
    expect(Object.keys(created.body.article).sort()).toEqual(
      [
        'slug',
        'title',
        'description',
        'body',
        'tagList',
        'createdAt',
        'updatedAt',
        'favorited',
        'favoritesCount',
        'coverImage',
        'author',
      ].sort(),
    );
    expect(created.body.article.coverImage).toBe(coverUrl);
    expect(created.body.article.author.image).toBe(avatarUrl);
    const { slug } = created.body.article;

    const listed = await conduit.request('get', `/articles?author=${jake.username}`);
    expect(listed.body.articles[0].coverImage).toBe(coverUrl);
    const single = await conduit.request('get', `/articles/${slug}`);
    expect(single.body.article.coverImage).toBe(coverUrl);
    const row = await t.dataSource.getRepository(Article).findOneByOrFail({ slug });
    expect(row.coverImage).toBe(coverUrl);

    const cleared = await conduit.request('put', `/articles/${slug}`, {
      token: jake.token,
      body: { article: { coverImage: null } },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.article.coverImage).toBeNull();
    expect((await t.dataSource.getRepository(Article).findOneByOrFail({ slug })).coverImage).toBe(
      null,
    );
  });

  it('refuses a cover image that is not one of the author’s uploads', async () => {
    const [alice, bob] = [await conduit.register(), await conduit.register()];
    const bobs = (await postFile(t, bob, await smallImage.png()).expect(201)).body.upload;
    const own = (await postFile(t, alice, await smallImage.png()).expect(201)).body.upload;
    const forged = (own.variants[0].url as string).replace(/\/\d+\.webp$/, '/9999.webp');
    for (const coverImage of [
      bobs.variants[0].url,
      'https://example.com/cat.jpg',
      forged,
      `https://evil.example/uploads/images/${own.id}/320.webp`,
    ]) {
      const response = await conduit.request('post', '/articles', {
        token: alice.token,
        body: { article: { title: 'Stolen', description: 'd', body: 'b', coverImage } },
      });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({
        errors: { coverImage: ['must be the URL of one of your uploads'] },
      });
    }
    const article = await conduit.createArticle(alice);
    expect(article.coverImage).toBeNull();
    const stolen = await conduit.request('put', `/articles/${article.slug}`, {
      token: alice.token,
      body: { article: { coverImage: bobs.variants[0].url } },
    });
    expect(stolen.status).toBe(422);
    expect(
      (await t.dataSource.getRepository(Article).findOneByOrFail({ slug: article.slug }))
        .coverImage,
    ).toBeNull();
  });

  it('deletes only orphans older than 24 hours, once, even with two sweeps racing', async () => {
    const [jake, other] = [await conduit.register(), await conduit.register()];
    const post = async (client: RegisteredUser) =>
      (await postFile(t, client, await smallImage.png()).expect(201)).body.upload;
    const [avatar, cover, orphan] = [await post(jake), await post(jake), await post(jake)];
    const recent = await post(other);
    await t.http
      .put('/api/user')
      .set('Authorization', `Token ${jake.token}`)
      .send({ user: { image: avatar.variants[0].url } })
      .expect(200);
    await t.http
      .post('/api/articles')
      .set('Authorization', `Token ${jake.token}`)
      .send({
        article: { title: 'Sweep', description: 'd', body: 'b', coverImage: cover.variants[1].url },
      })
      .expect(201);

    const repository = t.dataSource.getRepository(Upload);
    const dayAndHourAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    for (const { id } of [avatar, cover, orphan]) {
      await repository.update({ id }, { createdAt: dayAndHourAgo });
    }
    const service = t.app.get(UploadsService);
    const now = new Date();
    const [first, second] = await Promise.all([
      service.deleteOrphans(now),
      service.deleteOrphans(now),
    ]);
    expect(first + second).toBe(1);

    expect(await repository.findOneBy({ id: orphan.id })).toBeNull();
    expect(await keysOf(orphan.id)).toEqual([]);
    for (const kept of [avatar, cover]) {
      expect(await repository.findOneBy({ id: kept.id })).toMatchObject({
        status: UploadStatus.Kept,
      });
      expect(await keysOf(kept.id)).toHaveLength(kept.variants.length);
    }
    expect(await repository.findOneBy({ id: recent.id })).toMatchObject({
      status: UploadStatus.Ready,
    });
    expect(await service.deleteOrphans(now)).toBe(0);
  });
}
