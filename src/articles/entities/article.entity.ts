import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

@Entity('articles')
@Index('UQ_articles_slug', ['slug'], { unique: true })
@Index('IDX_articles_created', ['createdAt'])
@Index('IDX_articles_author_created', ['authorId', 'createdAt'])
export class Article {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  slug: string;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'varchar', length: 1024 })
  description: string;

  @Column({ type: 'text' })
  body: string;

  /** URL of one of the author's uploads. */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  coverImage: string | null;

  /** Kept in step with the favorites table by atomic increments. */
  @Column({ type: 'int', default: 0 })
  favoritesCount: number;

  @Column()
  authorId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'authorId',
    foreignKeyConstraintName: 'FK_articles_author',
  })
  author: Relation<User>;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
