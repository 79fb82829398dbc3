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
import { Article } from './article.entity.js';

/** The primary key (userId, articleId) serves "favorited by" filters and viewer look-ups. */
@Entity('favorites')
@Index('IDX_favorites_article', ['articleId'])
export class Favorite {
  @PrimaryColumn()
  userId: number;

  @PrimaryColumn()
  articleId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_favorites_user' })
  user: Relation<User>;

  @ManyToOne(() => Article, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'articleId',
    foreignKeyConstraintName: 'FK_favorites_article',
  })
  article: Relation<Article>;

  @CreateDateColumn()
  createdAt: Date;
}
