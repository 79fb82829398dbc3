import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '../../auth/role.enum.js';

@Entity('users')
@Index('UQ_users_email', ['email'], { unique: true })
@Index('UQ_users_username', ['username'], { unique: true })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased, so uniqueness and lookups ignore case on every database. */
  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  image: string | null;

  @Column({ type: 'simple-enum', enum: Role, default: Role.User })
  role: Role;

  /** When the current e-mail address was proven to be the user's; NULL until then. */
  @Column({ type: Date, precision: 3, nullable: true })
  emailVerifiedAt: Date | null;

  /** Set while an admin has suspended the account: no login, no session. */
  @Column({ type: Date, precision: 3, nullable: true })
  suspendedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
