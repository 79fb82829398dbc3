import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, LessThan, Not, Repository, type EntityManager } from 'typeorm';
import { Article } from '../articles/entities/article.entity.js';
import type { PaginationQueryDto } from '../common/dto/pagination-query.dto.js';
import {
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationFailedError,
} from '../common/errors/domain-errors.js';
import type { AllConfig } from '../config/config.type.js';
import type { MediaConfig } from '../config/media.config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { User } from '../users/entities/user.entity.js';
import type { PresignUploadDto } from './dto/presign-upload.dto.js';
import type {
  PresignUploadResponseDto,
  UploadDto,
  UploadListResponseDto,
} from './dto/upload-response.dto.js';
import { Upload, UploadStatus, type UploadVariant } from './entities/upload.entity.js';
import {
  CONTENT_TYPES,
  FILE_EXTENSIONS,
  ImageProcessor,
  SNIFF_BYTES,
  type ProcessedImage,
} from './image-processor.js';
import type { ReceiveFile } from './multipart-file.js';
import { StorageDriver } from './storage/storage-driver.js';

/** An upload nothing uses this long after its creation is deleted. */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;
const SWEEP_BATCH = 100;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Processed images live under `images/<upload id>/`: the only keys ever served. */
export const IMAGE_KEY = new RegExp(`^images/(${UUID})/(\\d+)\\.(jpg|png|webp|gif|avif)$`);
const IMAGE_URL_ID = new RegExp(`/images/(${UUID})/\\d+\\.\\w+$`);

const imagesPrefix = (id: string) => `images/${id}/`;
/** Direct uploads land here, apart from the public `images/` prefix, until they are processed. */
const incomingKey = (id: string) => `incoming/${id}`;

@Injectable()
export class UploadsService {
  private readonly media: MediaConfig;

  constructor(
    @InjectRepository(Upload) private readonly uploads: Repository<Upload>,
    private readonly storage: StorageDriver,
    private readonly images: ImageProcessor,
    private readonly transactions: TransactionRunner,
    config: ConfigService<AllConfig, true>,
  ) {
    this.media = config.getOrThrow('media', { infer: true });
  }

  /** Receives one image, checks and processes it, and stores its variants. */
  async upload(ownerId: number, receive: ReceiveFile): Promise<UploadDto> {
    // Before a byte is read: an owner with no room left need not send the file at all.
    await this.assertQuota(this.uploads.manager, ownerId, 1, 1);
    const input = await receive({
      maxBytes: this.media.maxBytes,
      headBytes: SNIFF_BYTES,
      checkHead: (head) => this.images.detectFormat(head),
    });
    const image = await this.images.process(input);
    const id = randomUUID();
    const variants = this.variantsOf(id, image);
    await this.reserve(ownerId, id, totalBytes(variants));
    return this.toDto(await this.store(id, image, variants));
  }

  /** Opens a direct upload: a pending upload and a presigned PUT for exactly this type and size. */
  async presign(ownerId: number, input: PresignUploadDto): Promise<PresignUploadResponseDto> {
    if (!this.storage.supportsDirectUpload) {
      throw new ForbiddenError(
        'upload',
        'direct uploads are not available with this storage; POST the file to /api/uploads',
      );
    }
    const { maxBytes, ttlSeconds } = this.media.directUpload;
    if (input.size > maxBytes) {
      throw new PayloadTooLargeError('size', `is too large (maximum is ${maxBytes} bytes)`);
    }
    const id = randomUUID();
    const upload = await this.reserve(ownerId, id, input.size);
    const directUpload = await this.storage.createUploadUrl(incomingKey(id), {
      contentType: input.contentType,
      contentLength: input.size,
      expiresInSeconds: ttlSeconds,
    });
    return { upload: this.toDto(upload), directUpload };
  }

  /**
   * Processes what a direct upload sent, like `upload` does with a posted
   * file. Completing a finished upload again just returns it.
   */
  async complete(ownerId: number, id: string): Promise<UploadDto> {
    const upload = await this.findOwned(ownerId, id);
    if (upload.status !== UploadStatus.Pending) return this.toDto(upload);
    // The signed Content-Length already held it to the announced size; this is the backstop.
    const input = await this.storage.read(incomingKey(id), upload.bytes);
    if (!input) throw ValidationFailedError.field('file', 'has not been uploaded yet');
    let image: ProcessedImage;
    try {
      image = await this.images.process(input);
    } catch (error) {
      // What arrived is refused for good: the owner starts over with a new upload.
      await this.remove(id);
      throw error;
    }
    const stored = await this.store(id, image, this.variantsOf(id, image));
    await this.storage.delete([incomingKey(id)]);
    return this.toDto(stored);
  }

  async list(
    ownerId: number,
    { limit, offset }: PaginationQueryDto,
  ): Promise<UploadListResponseDto> {
    const [uploads, uploadsCount] = await this.uploads.findAndCount({
      where: { ownerId, status: Not(UploadStatus.Deleting) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { uploads: uploads.map((upload) => this.toDto(upload)), uploadsCount };
  }

  /** Deletes the upload and every object it has in storage. */
  async delete(ownerId: number, id: string): Promise<void> {
    await this.findOwned(ownerId, id);
    await this.remove(id);
  }

  /**
   * Throws unless `url` is the URL of a variant of one of the owner's
   * processed uploads; for article cover images.
   */
  async assertOwnImage(ownerId: number, url: string, field: string): Promise<void> {
    const id = IMAGE_URL_ID.exec(url)?.[1];
    const upload = id
      ? await this.uploads.findOneBy({
          id,
          ownerId,
          status: In([UploadStatus.Ready, UploadStatus.Kept]),
        })
      : null;
    const matches = upload?.variants.some((variant) => this.storage.publicUrl(variant.key) === url);
    if (!matches)
      throw ValidationFailedError.field(field, 'must be the URL of one of your uploads');
  }

  /**
   * Deletes uploads that nothing uses 24 hours after their creation, with
   * their objects; an upload in use then is marked `kept`. Also finishes
   * deletions that a storage failure cut short. Safe to run on several
   * instances at once: an orphan is claimed by one conditional UPDATE (which
   * re-checks that nothing uses it), and removing objects and rows twice is
   * harmless. Returns how many uploads it deleted.
   */
  async deleteOrphans(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - ORPHAN_AGE_MS);
    let deleted = 0;
    for (;;) {
      const candidates = await this.uploads.find({
        select: { id: true, status: true },
        where: [
          { status: In([UploadStatus.Pending, UploadStatus.Ready]), createdAt: LessThan(cutoff) },
          { status: UploadStatus.Deleting },
        ],
        order: { createdAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      for (const { id, status } of candidates) {
        if (status === UploadStatus.Deleting || (await this.claimOrphan(id, status, cutoff))) {
          if (await this.finishDeletion(id)) deleted++;
        } else if (status === UploadStatus.Ready) {
          await this.uploads.update(
            { id, status: UploadStatus.Ready },
            { status: UploadStatus.Kept },
          );
        }
      }
      // Every candidate has left the set (deleted or kept; a failure throws), so the next batch is new.
      if (candidates.length < SWEEP_BATCH) return deleted;
    }
  }

  /** Marks the upload for deletion if it is still an unused orphan; true when this call did. */
  private async claimOrphan(id: string, status: UploadStatus, cutoff: Date): Promise<boolean> {
    const query = this.uploads
      .createQueryBuilder()
      .update(Upload)
      .set({ status: UploadStatus.Deleting })
      .where({ id, status, createdAt: LessThan(cutoff) });
    // A pending upload has no URL anything could use.
    if (status === UploadStatus.Ready) {
      const usedBy = (entity: typeof User | typeof Article, alias: string, column: string) =>
        this.uploads.manager
          .createQueryBuilder(entity, alias)
          .select('1')
          .where(`${alias}.${column} LIKE :pattern`)
          .getQuery();
      query
        .andWhere(`NOT EXISTS (${usedBy(User, 'profile', 'image')})`)
        .andWhere(`NOT EXISTS (${usedBy(Article, 'article', 'coverImage')})`)
        .setParameter('pattern', `%${id}%`);
    }
    const { affected } = await query.execute();
    return (affected ?? 0) > 0;
  }

  /** Checks the quota and records a pending upload, atomically per owner. */
  private reserve(ownerId: number, id: string, bytes: number): Promise<Upload> {
    return this.transactions.run(async (manager) => {
      await lockOwner(manager, ownerId);
      await this.assertQuota(manager, ownerId, 1, bytes);
      const upload = manager.create(Upload, {
        id,
        ownerId,
        status: UploadStatus.Pending,
        format: null,
        width: null,
        height: null,
        bytes,
        variants: [],
      });
      return manager.save(upload);
    });
  }

  /**
   * Writes the variants, then marks the upload ready. An upload deleted in
   * the meantime (by its owner or the sweep) loses the objects just written.
   */
  private async store(
    id: string,
    image: ProcessedImage,
    variants: UploadVariant[],
  ): Promise<Upload> {
    try {
      for (const [index, variant] of variants.entries()) {
        await this.storage.put(
          variant.key,
          image.variants[index].data,
          CONTENT_TYPES[variant.format],
        );
      }
      const { affected } = await this.uploads.update(
        { id, status: UploadStatus.Pending },
        {
          status: UploadStatus.Ready,
          format: image.format,
          width: image.width,
          height: image.height,
          bytes: totalBytes(variants),
          variants,
        },
      );
      if (!affected) {
        // Completed by a concurrent request (with the same keys), or deleted meanwhile.
        const current = await this.uploads.findOneBy({ id, status: Not(UploadStatus.Deleting) });
        if (current) return current;
        throw new NotFoundError('upload');
      }
    } catch (error) {
      await this.remove(id);
      throw error;
    }
    return this.uploads.findOneByOrFail({ id });
  }

  private variantsOf(id: string, image: ProcessedImage): UploadVariant[] {
    return image.variants.map(({ format, width, height, data }) => ({
      key: `${imagesPrefix(id)}${width}.${FILE_EXTENSIONS[format]}`,
      format,
      width,
      height,
      bytes: data.length,
    }));
  }

  /**
   * Deletes an upload: marked `deleting` first (hidden from its owner, still
   * counted in the quota), then its objects, then its row. If the storage
   * fails half-way, the orphan sweep finishes the job.
   */
  private async remove(id: string): Promise<void> {
    await this.uploads.update({ id }, { status: UploadStatus.Deleting });
    await this.finishDeletion(id);
  }

  /** True when this call removed the row. */
  private async finishDeletion(id: string): Promise<boolean> {
    await this.removeObjects(id);
    const { affected } = await this.uploads.delete({ id, status: UploadStatus.Deleting });
    return (affected ?? 0) > 0;
  }

  /** Every object of the upload, whatever its row recorded (it may have been cut short). */
  private async removeObjects(id: string): Promise<void> {
    const keys = await this.storage.list(imagesPrefix(id));
    await this.storage.delete([...keys, incomingKey(id)]);
  }

  private async findOwned(ownerId: number, id: string): Promise<Upload> {
    // Someone else's upload is as invisible as a missing one, and so is one being deleted.
    const upload = await this.uploads.findOneBy({
      id,
      ownerId,
      status: Not(UploadStatus.Deleting),
    });
    if (!upload) throw new NotFoundError('upload');
    return upload;
  }

  private async assertQuota(
    manager: EntityManager,
    ownerId: number,
    addedCount: number,
    addedBytes: number,
  ): Promise<void> {
    const usage = await manager
      .createQueryBuilder(Upload, 'upload')
      .select('COUNT(*)', 'count')
      .addSelect('COALESCE(SUM(upload.bytes), 0)', 'bytes')
      .where('upload.ownerId = :ownerId', { ownerId })
      .getRawOne<{ count: string | number; bytes: string | number }>();
    const { count, bytes } = this.media.quota;
    if (
      Number(usage?.count ?? 0) + addedCount > count ||
      Number(usage?.bytes ?? 0) + addedBytes > bytes
    ) {
      throw new ForbiddenError(
        'upload',
        `quota exceeded (at most ${count} uploads and ${bytes} bytes per user; delete some first)`,
      );
    }
  }

  private toDto(upload: Upload): UploadDto {
    return {
      id: upload.id,
      status: upload.status,
      contentType: upload.format && CONTENT_TYPES[upload.format],
      width: upload.width,
      height: upload.height,
      bytes: upload.bytes,
      variants: upload.variants.map((variant) => ({
        url: this.storage.publicUrl(variant.key),
        contentType: CONTENT_TYPES[variant.format],
        width: variant.width,
        height: variant.height,
        bytes: variant.bytes,
      })),
      createdAt: upload.createdAt,
    };
  }
}

function totalBytes(variants: UploadVariant[]): number {
  return variants.reduce((sum, variant) => sum + variant.bytes, 0);
}

/**
 * Serialises quota checks per owner on server databases (a row lock on the
 * user). SQLite needs none: `TransactionRunner` already runs its
 * transactions one at a time, and it has no row locks to take.
 */
async function lockOwner(manager: EntityManager, ownerId: number): Promise<void> {
  if (manager.connection.options.type === 'better-sqlite3') return;
  await manager
    .createQueryBuilder(User, 'user')
    .select('user.id')
    .where('user.id = :ownerId', { ownerId })
    .setLock('pessimistic_write')
    .getOne();
}
