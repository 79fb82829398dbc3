import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { AuditAction } from '../audit-action.enum.js';

/**
 * A security event. Actor and target are foreign keys that become NULL when
 * the account is deleted, so the event outlives the person without naming them.
 */
@Entity('audit_events')
@Index('IDX_audit_events_created', ['createdAt'])
@Index('IDX_audit_events_action_created', ['action', 'createdAt'])
@Index('IDX_audit_events_actor', ['actorId'])
@Index('IDX_audit_events_target', ['targetId'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  action: AuditAction;

  /** Who did it; NULL for an anonymous caller (e.g. a failed login). */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'actorId', foreignKeyConstraintName: 'FK_audit_events_actor' })
  actor: Relation<User> | null;

  /** Whose account it concerns. */
  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'targetId', foreignKeyConstraintName: 'FK_audit_events_target' })
  target: Relation<User> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  /** Short machine-readable detail, e.g. `moderator` for a role change. Never a secret. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  detail: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
