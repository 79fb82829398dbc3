import { registerAs } from '@nestjs/config';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { validateConfig } from './validate-config.js';

export const STORAGE_DRIVERS = ['local', 's3'] as const;
export type StorageDriverName = (typeof STORAGE_DRIVERS)[number];

const MIB = 1024 * 1024;

export interface S3StorageConfig {
  /** Unset for AWS itself; set for any other S3-compatible service. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Unset: the AWS SDK's default credential chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** Where the bucket's `images/` objects are publicly readable; unset means presigned GET URLs. */
  publicBaseUrl?: string;
  /** Lifetime of presigned GET URLs, in seconds. */
  readUrlTtlSeconds: number;
}

export interface MediaConfig {
  driver: StorageDriverName;
  /** This app's own `/uploads` URL, as clients reach it; no trailing slash. */
  publicUrl: string;
  /** Directory of the `local` driver. */
  localDirectory: string;
  /** Largest file accepted by `POST /api/uploads`, in bytes. */
  maxBytes: number;
  /** Largest image accepted, in pixels (width × height): decompression bombs stop here. */
  maxPixels: number;
  /** Widths of the variants made from every image, largest first. */
  variantWidths: number[];
  quota: { count: number; bytes: number };
  /** Images processed at once; more uploads wait their turn. */
  processingConcurrency: number;
  directUpload: { maxBytes: number; ttlSeconds: number };
  s3: S3StorageConfig;
}

class MediaEnvironment {
  @IsOptional()
  @IsIn(STORAGE_DRIVERS)
  STORAGE_DRIVER?: StorageDriverName;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  UPLOADS_PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  UPLOADS_DIR?: string;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(100 * MIB)
  UPLOAD_MAX_BYTES?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(268_402_689)
  UPLOAD_MAX_PIXELS?: number;

  @IsOptional()
  @Matches(/^\d{1,4}(,\d{1,4})*$/, {
    message: 'UPLOAD_VARIANT_WIDTHS must be comma-separated widths in pixels, like 1600,800,200',
  })
  UPLOAD_VARIANT_WIDTHS?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  UPLOAD_QUOTA_COUNT?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  UPLOAD_QUOTA_BYTES?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  UPLOAD_PROCESSING_CONCURRENCY?: number;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(1024 * MIB)
  UPLOAD_DIRECT_MAX_BYTES?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  UPLOAD_DIRECT_URL_TTL_SECONDS?: number;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  S3_REGION?: string;

  @ValidateIf((env: MediaEnvironment) => env.STORAGE_DRIVER === 's3')
  @IsString()
  @IsNotEmpty({ message: 'S3_BUCKET is required when STORAGE_DRIVER=s3' })
  S3_BUCKET?: string;

  @ValidateIf((env: MediaEnvironment) => env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: MediaEnvironment) => env.S3_ACCESS_KEY_ID !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID' })
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE?: 'true' | 'false';

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  S3_PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  S3_PRESIGNED_GET_TTL_SECONDS?: number;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export default registerAs('media', (): MediaConfig => {
  const env = validateConfig(process.env, MediaEnvironment);
  return {
    driver: env.STORAGE_DRIVER ?? 'local',
    publicUrl: withoutTrailingSlash(
      env.UPLOADS_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}/uploads`,
    ),
    localDirectory: env.UPLOADS_DIR ?? 'data/uploads',
    maxBytes: env.UPLOAD_MAX_BYTES ?? 5 * MIB,
    maxPixels: env.UPLOAD_MAX_PIXELS ?? 50_000_000,
    variantWidths: [
      ...new Set((env.UPLOAD_VARIANT_WIDTHS ?? '1600,800,200').split(',').map(Number)),
    ]
      .filter((width) => width > 0)
      .sort((a, b) => b - a),
    quota: {
      count: env.UPLOAD_QUOTA_COUNT ?? 200,
      bytes: env.UPLOAD_QUOTA_BYTES ?? 500 * MIB,
    },
    processingConcurrency: env.UPLOAD_PROCESSING_CONCURRENCY ?? 2,
    directUpload: {
      maxBytes: env.UPLOAD_DIRECT_MAX_BYTES ?? 25 * MIB,
      ttlSeconds: env.UPLOAD_DIRECT_URL_TTL_SECONDS ?? 600,
    },
    s3: {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION ?? 'us-east-1',
      bucket: env.S3_BUCKET ?? '',
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
      publicBaseUrl: env.S3_PUBLIC_BASE_URL && withoutTrailingSlash(env.S3_PUBLIC_BASE_URL),
      readUrlTtlSeconds: env.S3_PRESIGNED_GET_TTL_SECONDS ?? 3600,
    },
  };
});
