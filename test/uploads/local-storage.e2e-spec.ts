import { CronExpression, SchedulerRegistry } from '@nestjs/schedule';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallImage } from '../support/images.js';
import { ConduitClient } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeUploadContract, postFile, QUOTA_ENV } from './upload-contract.js';

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

describe('uploads on local disk', () => {
  describeUploadContract(async () => {
    const root = await mkdtemp(join(tmpdir(), 'inkwell-uploads-'));
    return {
      env: { STORAGE_DRIVER: 'local', UPLOADS_DIR: root },
      objectKeys: () => filesUnder(root),
      drop: () => rm(root, { recursive: true, force: true }),
    };
  });
});

describe('serving local uploads', () => {
  let t: TestApp;
  let conduit: ConduitClient;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'inkwell-uploads-'));
    t = await createTestApp({ ...QUOTA_ENV, STORAGE_DRIVER: 'local', UPLOADS_DIR: root });
    conduit = new ConduitClient(t);
  });

  afterAll(async () => {
    await t?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves variants with long cache headers, nosniff and their real type', async () => {
    const writer = await conduit.register();
    const upload = (await postFile(t, writer, await smallImage.png()).expect(201)).body.upload;
    const { pathname } = new URL(upload.variants[1].url);
    expect(pathname).toMatch(/^\/uploads\/images\/[0-9a-f-]{36}\/320\.png$/);
    const response = await t.http.get(pathname).expect(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('serves nothing but processed images: no listings, no other files, no way out', async () => {
    const writer = await conduit.register();
    const upload = (await postFile(t, writer, await smallImage.png()).expect(201)).body.upload;
    // Files that are not variants, planted by hand: never served.
    const folder = join(root, 'images', upload.id);
    await writeFile(join(folder, 'page.html'), '<script>alert(1)</script>');
    await writeFile(join(folder, '.htaccess'), 'AddType application/x-httpd-php .png');
    await mkdir(join(root, 'incoming'), { recursive: true });
    await writeFile(join(root, 'incoming', upload.id), '<?php ?>');

    for (const path of [
      '/uploads/',
      '/uploads/images/',
      `/uploads/images/${upload.id}/`,
      `/uploads/images/${upload.id}/page.html`,
      `/uploads/images/${upload.id}/.htaccess`,
      `/uploads/incoming/${upload.id}`,
      `/uploads/images/${upload.id}/../../incoming/${upload.id}`,
      '/uploads/%2e%2e/%2e%2e/package.json',
      '/uploads/..%2f..%2fpackage.json',
    ]) {
      const response = await t.http.get(path);
      expect([403, 404]).toContain(response.status);
      expect(response.text ?? '').not.toContain('<script>');
      expect(response.text ?? '').not.toContain('<?php');
    }
  });

  it('sweeps orphans every hour', () => {
    const job = t.app.get(SchedulerRegistry).getCronJob('uploads-orphan-sweep');
    expect(String(job.cronTime.source)).toBe(CronExpression.EVERY_HOUR);
    expect(job.isActive).toBe(true);
  });

  it('has no direct uploads', async () => {
    const writer = await conduit.register();
    const response = await t.http
      .post('/api/uploads/presign')
      .set('Authorization', `Token ${writer.token}`)
      .send({ upload: { contentType: 'image/jpeg', size: 1000 } })
      .expect(403);
    expect(response.body.errors.upload[0]).toMatch(/not available/);
  });

  it('documents the routes in Swagger', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/uploads',
        '/api/uploads/presign',
        '/api/uploads/{id}/complete',
        '/api/uploads/{id}',
      ]),
    );
    const create = body.paths['/api/uploads'].post;
    expect(Object.keys(create.requestBody.content)).toEqual(['multipart/form-data']);
    expect(create.security).toEqual([{ Token: [] }]);
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['401', '403', '413', '415']),
    );
    expect(body.components.schemas.UploadFileDto.properties.file).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(body.components.schemas.CreateArticleDto.properties).toHaveProperty('coverImage');
    expect(body.components.schemas.UpdateArticleDto.properties).toHaveProperty('coverImage');
  });
});
