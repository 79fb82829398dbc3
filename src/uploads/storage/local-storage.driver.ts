import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PayloadTooLargeError } from '../../common/errors/domain-errors.js';
import {
  StorageDriver,
  type DirectUploadLimits,
  type DirectUploadTarget,
} from './storage-driver.js';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files under one directory, served by the app itself at `/uploads/<key>`
 * (see `serve-uploads.ts`). For a single instance or a shared volume.
 */
export class LocalStorageDriver extends StorageDriver {
  readonly supportsDirectUpload = false;
  readonly root: string;

  constructor(
    directory: string,
    private readonly baseUrl: string,
  ) {
    super();
    this.root = resolve(directory);
  }

  async put(key: string, body: Buffer, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${path}.${randomUUID()}.partial`;
    await writeFile(partial, body, { flag: 'wx' });
    await rename(partial, path);
  }

  async read(key: string, maxBytes: number): Promise<Buffer | null> {
    const path = this.pathOf(key);
    try {
      if ((await stat(path)).size > maxBytes) {
        throw new PayloadTooLargeError('file', `is too large (maximum is ${maxBytes} bytes)`);
      }
      return await readFile(path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const directory = this.pathOf(prefix.replace(/\/+$/, ''));
    try {
      const entries = await readdir(directory, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) =>
          relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/'),
        );
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    const directories = new Set<string>();
    for (const key of keys) {
      const path = this.pathOf(key);
      await rm(path, { force: true });
      directories.add(dirname(path));
    }
    // An upload's folder goes with its last file; one still in use stays.
    for (const directory of directories) {
      if (directory === this.root) continue;
      await rmdir(directory).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOTEMPTY' && error.code !== 'ENOENT') throw error;
      });
    }
  }

  publicUrl(key: string): string {
    return `${this.baseUrl}/${key}`;
  }

  readUrl(key: string): Promise<string> {
    return Promise.resolve(this.publicUrl(key));
  }

  createUploadUrl(_key: string, _limits: DirectUploadLimits): Promise<DirectUploadTarget> {
    return Promise.reject(new Error('The local storage driver has no direct uploads'));
  }

  /** Keys come from the app, but a path must still never leave the root. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key outside the root: ${key}`);
    return path;
  }
}
