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
import { Article } from '../../articles/entities/article.entity.js';
import { User } from '../../users/entities/user.entity.js';

@Entity('comments')
@Index('IDX_comments_article_created', ['articleId', 'createdAt'])
@Index('IDX_comments_author', ['authorId'])
export class Comment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  body: string;

  @Column()
  articleId: number;

  @Column()
  authorId: number;

  @ManyToOne(() => Article, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'articleId',
    foreignKeyConstraintName: 'FK_comments_article',
  })
  article: Relation<Article>;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'authorId',
    foreignKeyConstraintName: 'FK_comments_author',
  })
  author: Relation<User>;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
