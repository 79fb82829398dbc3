import { PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { setTimeout as sleep } from 'node:timers/promises';
import { Upload } from '../../src/uploads/entities/upload.entity.js';
import { S3StorageDriver } from '../../src/uploads/storage/s3-storage.driver.js';
import { StorageDriver } from '../../src/uploads/storage/storage-driver.js';
import { jpegWithLocation, phpScript, smallImage } from '../support/images.js';
import { createTestBucket, s3TestServer, type TestBucket } from '../support/s3.js';
import { ConduitClient, type RegisteredUser } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeUploadContract, fetchUrl, postFile, QUOTA_ENV } from './upload-contract.js';

/**
 * Against a real S3 implementation that checks signatures (Ceph RGW, see
 * `scripts/ceph-rgw.sh`); skipped unless `S3_TEST_ENDPOINT` is set.
 */
const server = s3TestServer;

describe.skipIf(!server)('uploads on S3', () => {
  describeUploadContract(async () => {
    const bucket = await createTestBucket(server!);
    return { env: bucket.env, objectKeys: () => bucket.keys(), drop: () => bucket.drop() };
  });
});

describe.skipIf(!server)('S3 storage', () => {
  let t: TestApp;
  let conduit: ConduitClient;
  let bucket: TestBucket;

  beforeAll(async () => {
    bucket = await createTestBucket(server!);
    t = await createTestApp({ ...QUOTA_ENV, ...bucket.env, UPLOAD_DIRECT_MAX_BYTES: '8388608' });
    conduit = new ConduitClient(t);
  });

  afterAll(async () => {
    await t?.close();
    await bucket?.drop();
  });

  const presign = (client: RegisteredUser, contentType: string, size: number) =>
    t.http
      .post('/api/uploads/presign')
      .set('Authorization', `Token ${client.token}`)
      .send({ upload: { contentType, size } });
  const complete = (client: RegisteredUser, id: string) =>
    t.http.post(`/api/uploads/${id}/complete`).set('Authorization', `Token ${client.token}`);
  const put = (url: string, body: Buffer, headers: Record<string, string>) =>
    fetch(url, { method: 'PUT', body: new Uint8Array(body), headers });
  const driverWith = (overrides: { secretAccessKey?: string; readUrlTtlSeconds?: number }) =>
    new S3StorageDriver(
      {
        endpoint: server!.endpoint,
        region: server!.region,
        bucket: bucket.name,
        forcePathStyle: true,
        credentials: {
          accessKeyId: server!.accessKeyId,
          secretAccessKey: overrides.secretAccessKey ?? server!.secretAccessKey,
        },
        readUrlTtlSeconds: overrides.readUrlTtlSeconds ?? 60,
      },
      'http://localhost:3000/uploads',
    );

  it('takes a large file directly: presign, PUT to the storage, complete', async () => {
    const writer = await conduit.register();
    const file = await jpegWithLocation();
    const started = await presign(writer, 'image/jpeg', file.length).expect(201);
    const { upload, directUpload } = started.body;
    expect(upload).toMatchObject({ status: 'pending', bytes: file.length, variants: [] });
    expect(directUpload).toMatchObject({
      method: 'PUT',
      headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(file.length) },
    });
    expect(new Date(directUpload.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const sent = await put(directUpload.url, file, directUpload.headers);
    expect(sent.status).toBe(200);
    expect(await bucket.keys(`incoming/${upload.id}`)).toEqual([`incoming/${upload.id}`]);

    const done = await complete(writer, upload.id).expect(200);
    expect(done.body.upload).toMatchObject({
      id: upload.id,
      status: 'ready',
      contentType: 'image/jpeg',
      width: 1500,
      height: 2000,
    });
    expect(done.body.upload.variants).toHaveLength(6);
    expect(await bucket.keys(`incoming/`)).toEqual([]);
    expect(await bucket.keys(`images/${upload.id}/`)).toHaveLength(6);
    const smallest = await fetchUrl(t, done.body.upload.variants.at(-1).url);
    expect(smallest.status).toBe(200);
    expect(smallest.body.includes('exif-secret-owner')).toBe(false);

    // Completing again changes nothing.
    const again = await complete(writer, upload.id).expect(200);
    expect(again.body.upload).toEqual(done.body.upload);
  });

  it('signs the size and type: the storage refuses any other', async () => {
    const writer = await conduit.register();
    const file = await smallImage.png();
    const { directUpload, upload } = (await presign(writer, 'image/png', file.length).expect(201))
      .body;
    const bigger = Buffer.concat([file, Buffer.alloc(1024)]);
    expect((await put(directUpload.url, bigger, { 'Content-Type': 'image/png' })).status).toBe(403);
    expect((await put(directUpload.url, file, { 'Content-Type': 'text/html' })).status).toBe(403);
    // Change the signature's first digit (to another digit: it may already be 0).
    const tampered = directUpload.url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_: string, digit: string) => `X-Amz-Signature=${digit === '0' ? '1' : '0'}`,
    );
    expect((await put(tampered, file, directUpload.headers)).status).toBe(403);
    expect(await bucket.keys(`incoming/${upload.id}`)).toEqual([]);
  });

  it('refuses an expired presigned PUT', async () => {
    const storage = t.app.get(StorageDriver);
    const file = await smallImage.png();
    const target = await storage.createUploadUrl('incoming/expiry-check', {
      contentType: 'image/png',
      contentLength: file.length,
      expiresInSeconds: 1,
    });
    await sleep(2100);
    const response = await put(target.url, file, target.headers);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/AccessDenied|expired/i);
    expect(await bucket.keys('incoming/expiry-check')).toEqual([]);
  });

  it('refuses requests signed with a wrong secret', async () => {
    const impostor = driverWith({ secretAccessKey: 'not-the-secret' });
    await expect(
      impostor.put('images/impostor/1.png', await smallImage.png(), 'image/png'),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    const forged = await impostor.readUrl('images/impostor/1.png');
    expect((await fetch(forged)).status).toBe(403);
    impostor.onModuleDestroy();
    expect(await bucket.keys('images/impostor/')).toEqual([]);
  });

  it('serves a private bucket through short-lived presigned GETs, and only images', async () => {
    const writer = await conduit.register();
    const upload = (await postFile(t, writer, await smallImage.png()).expect(201)).body.upload;
    const { pathname } = new URL(upload.variants[0].url);
    const redirect = await t.http.get(pathname).expect(302);
    expect(redirect.headers.location).toContain('X-Amz-Signature=');
    expect(redirect.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect((await fetch(redirect.headers.location)).status).toBe(200);
    // The bucket itself is private: without a signature nothing is readable.
    expect((await fetch(`${server!.endpoint}/${bucket.name}/${pathname.slice(9)}`)).status).toBe(
      403,
    );
    await t.http.get(`/uploads/incoming/${upload.id}`).expect(404);
    await t.http.get('/uploads/images/').expect(404);

    const shortLived = driverWith({ readUrlTtlSeconds: 1 });
    const expiring = await shortLived.readUrl(pathname.slice('/uploads/'.length));
    expect((await fetch(expiring)).status).toBe(200);
    await sleep(2100);
    expect((await fetch(expiring)).status).toBe(403);
    shortLived.onModuleDestroy();
  });

  it('deletes a completed file that is not an image, with its upload', async () => {
    const mallory = await conduit.register();
    const shell = phpScript();
    const { upload, directUpload } = (
      await presign(mallory, 'image/jpeg', shell.length).expect(201)
    ).body;
    expect((await put(directUpload.url, shell, directUpload.headers)).status).toBe(200);
    const refused = await complete(mallory, upload.id).expect(415);
    expect(Object.keys(refused.body.errors)).toEqual(['file']);
    expect(await t.dataSource.getRepository(Upload).findOneBy({ id: upload.id })).toBeNull();
    expect(await bucket.keys(`incoming/${upload.id}`)).toEqual([]);
    await complete(mallory, upload.id).expect(404);
  });

  it('checks direct uploads: nothing sent yet, owner only, size and quota', async () => {
    const [owner, other] = [await conduit.register(), await conduit.register()];
    const { upload } = (await presign(owner, 'image/webp', 1000).expect(201)).body;
    const early = await complete(owner, upload.id).expect(422);
    expect(early.body).toEqual({ errors: { file: ['has not been uploaded yet'] } });
    await complete(other, upload.id).expect(404);

    const tooBig = await presign(owner, 'image/webp', 8388609).expect(413);
    expect(Object.keys(tooBig.body.errors)).toEqual(['size']);
    const wrongType = await presign(owner, 'image/svg+xml', 1000).expect(422);
    expect(Object.keys(wrongType.body.errors)).toEqual(['contentType']);

    await presign(owner, 'image/webp', 1000).expect(201);
    await presign(owner, 'image/webp', 1000).expect(201);
    const overQuota = await presign(owner, 'image/webp', 1000).expect(403);
    expect(overQuota.body.errors.upload[0]).toMatch(/quota exceeded/);
  });
});

describe.skipIf(!server)('S3 storage behind a public base URL', () => {
  let t: TestApp;
  let conduit: ConduitClient;
  let bucket: TestBucket;

  beforeAll(async () => {
    bucket = await createTestBucket(server!);
    // What an operator sets up: anonymous reads of processed images only.
    await bucket.client.send(
      new PutBucketPolicyCommand({
        Bucket: bucket.name,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: ['s3:GetObject'],
              Resource: [`arn:aws:s3:::${bucket.name}/images/*`],
            },
          ],
        }),
      }),
    );
    t = await createTestApp({
      ...QUOTA_ENV,
      ...bucket.env,
      S3_PUBLIC_BASE_URL: `${server!.endpoint}/${bucket.name}`,
    });
    conduit = new ConduitClient(t);
  });

  afterAll(async () => {
    await t?.close();
    await bucket?.drop();
    delete process.env.S3_PUBLIC_BASE_URL;
  });

  it('hands out the public URLs, readable by anyone, with long cache headers', async () => {
    const writer = await conduit.register();
    const upload = (await postFile(t, writer, await smallImage.gif()).expect(201)).body.upload;
    for (const variant of upload.variants) {
      expect(variant.url.startsWith(`${server!.endpoint}/${bucket.name}/images/`)).toBe(true);
      const response = await fetch(variant.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(variant.contentType);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    await t.http.get(new URL(upload.variants[0].url).pathname).expect(404);
  });
});
