import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** Which notification e-mails a user wants. No row means every kind is on. */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn()
  userId: number;

  @OneToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_notification_preferences_user' })
  user: Relation<User>;

  @Column({ type: 'boolean', default: true })
  newFollower: boolean;

  @Column({ type: 'boolean', default: true })
  newComment: boolean;

  @Column({ type: 'boolean', default: true })
  followedAuthorArticles: boolean;

  @UpdateDateColumn()
  updatedAt: Date;
}
