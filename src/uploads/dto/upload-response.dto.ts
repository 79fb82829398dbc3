import { UploadStatus } from '../entities/upload.entity.js';

/** One rendition of an upload. */
export class UploadVariantDto {
  /**
   * Lasting URL of this rendition: use it as a profile `image` or an article `coverImage`.
   * @example "http://localhost:3000/uploads/images/3b241101-e2bb-4255-8caf-4136c566a962/800.webp"
   */
  url: string;
  /** @example "image/webp" */
  contentType: string;
  /** @example 800 */
  width: number;
  /** @example 600 */
  height: number;
  /** @example 48213 */
  bytes: number;
}

export class UploadDto {
  /** @example "3b241101-e2bb-4255-8caf-4136c566a962" */
  id: string;
  /**
   * `pending` until a direct upload is completed; `ready` once processed (deleted 24 hours after
   * creation unless a profile or article uses it); `kept` when it was in use at that point.
   */
  status: UploadStatus;
  /**
   * Type of the image as uploaded, read from its bytes; null while pending.
   * @example "image/jpeg"
   */
  contentType: string | null;
  /**
   * Width after orientation was applied; null while pending.
   * @example 1600
   */
  width: number | null;
  /** @example 1200 */
  height: number | null;
  /**
   * Bytes stored for all variants together (what counts against the quota);
   * while pending, the announced size.
   * @example 412993
   */
  bytes: number;
  /** Largest first: for each width, WebP and the original format. Empty while pending. */
  variants: UploadVariantDto[];
  /** @example "2026-11-25T10:00:00.000Z" */
  createdAt: Date;
}

export class UploadResponseDto {
  upload: UploadDto;
}

export class UploadListResponseDto {
  /** Most recent first. */
  uploads: UploadDto[];
  /** How many uploads the caller has in all. */
  uploadsCount: number;
}

/** Where and how to send the file of a direct upload. */
export class DirectUploadDto {
  /** Presigned URL; send the file's bytes as the request body. */
  url: string;
  /** @example "PUT" */
  method: 'PUT';
  /**
   * Send exactly these headers: they are signed, so another type or size is refused by the storage.
   * @example { "Content-Type": "image/jpeg", "Content-Length": "8388608" }
   */
  headers: Record<string, string>;
  /** @example "2026-11-25T10:10:00.000Z" */
  expiresAt: Date;
}

export class PresignUploadResponseDto {
  upload: UploadDto;
  directUpload: DirectUploadDto;
}
