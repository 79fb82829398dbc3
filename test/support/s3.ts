import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';

/**
 * The S3 server the S3 tests run against, from the environment:
 * `S3_TEST_ENDPOINT` (e.g. http://127.0.0.1:7480, as printed by
 * `scripts/ceph-rgw.sh start`), `S3_TEST_ACCESS_KEY`, `S3_TEST_SECRET_KEY`.
 * Without `S3_TEST_ENDPOINT` those tests are skipped.
 */
export const s3TestServer = process.env.S3_TEST_ENDPOINT
  ? {
      endpoint: process.env.S3_TEST_ENDPOINT,
      accessKeyId: process.env.S3_TEST_ACCESS_KEY ?? 'TESTACCESSKEY',
      secretAccessKey: process.env.S3_TEST_SECRET_KEY ?? 'TESTSECRETKEY',
      region: 'us-east-1',
    }
  : undefined;

export type S3TestServer = NonNullable<typeof s3TestServer>;

export interface TestBucket {
  name: string;
  client: S3Client;
  /** The app's environment for the `s3` driver on this bucket. */
  env: Record<string, string>;
  keys(prefix?: string): Promise<string[]>;
  drop(): Promise<void>;
}

/** A bucket of its own for one test file, emptied and removed by `drop()`. */
export async function createTestBucket(server: S3TestServer): Promise<TestBucket> {
  const name = `inkwell-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  await client.send(new CreateBucketCommand({ Bucket: name }));

  const keys = async (prefix?: string) => {
    const found: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: name, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) found.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  };

  return {
    name,
    client,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: server.endpoint,
      S3_REGION: server.region,
      S3_BUCKET: name,
      S3_ACCESS_KEY_ID: server.accessKeyId,
      S3_SECRET_ACCESS_KEY: server.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    keys,
    async drop() {
      const remaining = await keys();
      if (remaining.length > 0) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket: name,
            Delete: { Objects: remaining.map((Key) => ({ Key })) },
          }),
        );
      }
      await client.send(new DeleteBucketCommand({ Bucket: name }));
      client.destroy();
    },
  };
}
