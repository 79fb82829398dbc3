import mediaConfig from './media.config.js';

describe('media configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  const load = (env: Record<string, string>) => {
    process.env = { ...env };
    return mediaConfig();
  };

  it('defaults to local disk with safe limits', () => {
    expect(load({})).toMatchObject({
      driver: 'local',
      publicUrl: 'http://localhost:3000/uploads',
      localDirectory: 'data/uploads',
      maxBytes: 5 * 1024 * 1024,
      variantWidths: [1600, 800, 200],
      processingConcurrency: 2,
    });
    expect(load({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080/uploads');
  });

  it('reads variant widths largest first, without duplicates', () => {
    expect(load({ UPLOAD_VARIANT_WIDTHS: '320,1280,320,640' }).variantWidths).toEqual([
      1280, 640, 320,
    ]);
    expect(() => load({ UPLOAD_VARIANT_WIDTHS: '800px' })).toThrow(/UPLOAD_VARIANT_WIDTHS/);
  });

  it('needs a bucket for S3, and both halves of a key pair', () => {
    expect(() => load({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET is required/);
    expect(() => load({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    expect(
      load({
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'media',
        S3_ENDPOINT: 'http://127.0.0.1:7480',
        S3_FORCE_PATH_STYLE: 'true',
        S3_PUBLIC_BASE_URL: 'https://cdn.example.com/media/',
      }).s3,
    ).toEqual({
      endpoint: 'http://127.0.0.1:7480',
      region: 'us-east-1',
      bucket: 'media',
      credentials: undefined,
      forcePathStyle: true,
      publicBaseUrl: 'https://cdn.example.com/media',
      readUrlTtlSeconds: 3600,
    });
  });

  it.each([
    ['STORAGE_DRIVER', 'ftp'],
    ['UPLOAD_MAX_BYTES', '10'],
    ['UPLOAD_PROCESSING_CONCURRENCY', '0'],
    ['UPLOADS_PUBLIC_URL', 'javascript:alert(1)'],
  ])('names %s when it is %s', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(new RegExp(name));
  });
});
