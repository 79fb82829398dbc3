import {
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** `followerId` follows `followingId`. The primary key doubles as the "do I follow X" index. */
@Entity('follows')
@Index('IDX_follows_following', ['followingId'])
export class Follow {
  @PrimaryColumn()
  followerId: number;

  @PrimaryColumn()
  followingId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'followerId',
    foreignKeyConstraintName: 'FK_follows_follower',
  })
  follower: Relation<User>;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'followingId',
    foreignKeyConstraintName: 'FK_follows_following',
  })
  following: Relation<User>;

  @CreateDateColumn()
  createdAt: Date;
}
