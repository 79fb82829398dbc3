/** Where a client sends a file directly, bypassing the API. */
export interface DirectUploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the request must carry exactly as given (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface DirectUploadLimits {
  contentType: string;
  /** The exact size the object must have. */
  contentLength: number;
  expiresInSeconds: number;
}

/**
 * Object storage for uploads. Keys are made by the app (random UUIDs plus a
 * fixed name), never taken from a request. The adapter is chosen by
 * `STORAGE_DRIVER` in `storage.provider.ts`.
 */
export abstract class StorageDriver {
  /** Whether `createUploadUrl` is available (presigned PUTs). */
  abstract readonly supportsDirectUpload: boolean;

  /** Stores (or replaces) an object; readers get `contentType` and long-lived cache headers. */
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;

  /**
   * The object's bytes, `null` when there is none. Stops reading, and throws
   * `PayloadTooLargeError`, past `maxBytes`.
   */
  abstract read(key: string, maxBytes: number): Promise<Buffer | null>;

  /** Keys of the objects under `prefix`. */
  abstract list(prefix: string): Promise<string[]>;

  /** Deletes these objects; missing ones are no error. */
  abstract delete(keys: string[]): Promise<void>;

  /** The lasting URL of an object: what profiles and articles store. */
  abstract publicUrl(key: string): string;

  /** A URL a client can read the object from right now (a presigned one where storage is private). */
  abstract readUrl(key: string): Promise<string>;

  /** A presigned PUT that only accepts exactly this type and size. */
  abstract createUploadUrl(key: string, limits: DirectUploadLimits): Promise<DirectUploadTarget>;
}
