import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { PayloadTooLargeError } from '../../common/errors/domain-errors.js';
import type { S3StorageConfig } from '../../config/media.config.js';
import {
  StorageDriver,
  type DirectUploadLimits,
  type DirectUploadTarget,
} from './storage-driver.js';
import { IMMUTABLE_CACHE_CONTROL } from './cache-control.js';

/** DeleteObjects takes at most this many keys per call. */
const DELETE_BATCH = 1000;

/**
 * Any S3-compatible object store (AWS S3, Ceph RGW, MinIO, R2...) through
 * AWS SDK v3. Objects are read from `publicBaseUrl` when the bucket (or a CDN
 * in front of it) serves them publicly, otherwise through short-lived
 * presigned GET URLs, which the app hands out by redirecting `/uploads/<key>`.
 */
export class S3StorageDriver extends StorageDriver implements OnModuleDestroy {
  readonly supportsDirectUpload = true;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    private readonly config: S3StorageConfig,
    /** This app's `/uploads` URL, which redirects to presigned GETs for private buckets. */
    private readonly appUploadsUrl: string,
  ) {
    super();
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // A presigned PUT must not carry a checksum of the (empty) body it was signed without.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        CacheControl: IMMUTABLE_CACHE_CONTROL,
      }),
    );
  }

  async read(key: string, maxBytes: number): Promise<Buffer | null> {
    let body: Readable;
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      body = object.Body as Readable;
      if ((object.ContentLength ?? 0) > maxBytes) {
        body.destroy();
        throw tooLarge(maxBytes);
      }
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      // Content-Length was checked, but a stream is only trusted as far as it has been read.
      if (size > maxBytes) {
        body.destroy();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ContinuationToken: continuationToken,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
    return keys;
  }

  async delete(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      const result = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = (result.Errors ?? []).filter((error) => error.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        throw new Error(
          `S3 could not delete ${failed.map((error) => `${error.Key} (${error.Code})`).join(', ')}`,
        );
      }
    }
  }

  publicUrl(key: string): string {
    return `${this.config.publicBaseUrl ?? this.appUploadsUrl}/${key}`;
  }

  async readUrl(key: string): Promise<string> {
    if (this.config.publicBaseUrl) return this.publicUrl(key);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: this.config.readUrlTtlSeconds,
    });
  }

  async createUploadUrl(key: string, limits: DirectUploadLimits): Promise<DirectUploadTarget> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: limits.contentType,
      ContentLength: limits.contentLength,
    });
    const url = await getSignedUrl(this.client, command, {
      expiresIn: limits.expiresInSeconds,
      // Signed, so the store refuses any other size or type.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      url,
      method: 'PUT',
      headers: {
        'Content-Type': limits.contentType,
        'Content-Length': String(limits.contentLength),
      },
      expiresAt: new Date(Date.now() + limits.expiresInSeconds * 1000),
    };
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}

function tooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError('file', `is too large (maximum is ${maxBytes} bytes)`);
}
