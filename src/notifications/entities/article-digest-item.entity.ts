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
import { Article } from '../../articles/entities/article.entity.js';
import { User } from '../../users/entities/user.entity.js';

/** A new article waiting for a reader's next digest; `digestJobId` says which digest took it. */
@Entity('article_digest_items')
@Index('IDX_article_digest_items_reader_digest', ['readerId', 'digestJobId'])
@Index('IDX_article_digest_items_article', ['articleId'])
export class ArticleDigestItem {
  @PrimaryColumn()
  readerId: number;

  @PrimaryColumn()
  articleId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'readerId', foreignKeyConstraintName: 'FK_article_digest_items_reader' })
  reader: Relation<User>;

  @ManyToOne(() => Article, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'articleId', foreignKeyConstraintName: 'FK_article_digest_items_article' })
  article: Relation<Article>;

  @Column({ type: 'int', nullable: true })
  digestJobId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
