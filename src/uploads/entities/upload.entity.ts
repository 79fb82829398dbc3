import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

export enum UploadStatus {
  /** A direct upload was presigned; the file has not been completed yet. */
  Pending = 'pending',
  /** Processed; deleted 24 hours after creation unless a profile or article uses it. */
  Ready = 'ready',
  /** Was in use when the orphan sweep looked at it: stays until its owner deletes it. */
  Kept = 'kept',
  /** Its objects are being removed, then the row; the orphan sweep finishes what a failure left. */
  Deleting = 'deleting',
}

/** The image formats accepted, and made, by uploads. */
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'avif'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** One re-encoded rendition of an upload, stored under `key`. */
export interface UploadVariant {
  key: string;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
}

@Entity('uploads')
@Index('IDX_uploads_owner_created', ['ownerId', 'createdAt'])
@Index('IDX_uploads_status_created', ['status', 'createdAt'])
export class Upload {
  /** Random UUID; also names the objects in storage, so keys are never user-supplied. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column()
  ownerId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'ownerId', foreignKeyConstraintName: 'FK_uploads_owner' })
  owner: Relation<User>;

  @Column({ type: 'simple-enum', enum: UploadStatus })
  status: UploadStatus;

  /** Format of the image as uploaded, once processed. */
  @Column({ type: 'simple-enum', enum: IMAGE_FORMATS, nullable: true })
  format: ImageFormat | null;

  /** Dimensions after orientation was applied, once processed. */
  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  /** Bytes held in storage (all variants); for a pending upload, the size it announced. */
  @Column({ type: 'int' })
  bytes: number;

  @Column({ type: 'simple-json' })
  variants: UploadVariant[];

  @CreateDateColumn()
  createdAt: Date;
}
