import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Article } from '../../articles/entities/article.entity.js';
import { Tag } from './tag.entity.js';

/** Join table between articles and tags; `IDX_article_tags_tag` serves the `?tag=` filter. */
@Entity('article_tags')
@Index('IDX_article_tags_tag', ['tagId'])
export class ArticleTag {
  @PrimaryColumn()
  articleId: number;

  @PrimaryColumn()
  tagId: number;

  @ManyToOne(() => Article, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'articleId',
    foreignKeyConstraintName: 'FK_article_tags_article',
  })
  article: Relation<Article>;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'tagId',
    foreignKeyConstraintName: 'FK_article_tags_tag',
  })
  tag: Relation<Tag>;
}
