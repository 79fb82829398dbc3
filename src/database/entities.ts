import { ArticleTag } from '../tags/entities/article-tag.entity.js';
import { Article } from '../articles/entities/article.entity.js';
import { Comment } from '../comments/entities/comment.entity.js';
import { Favorite } from '../articles/entities/favorite.entity.js';
import { Follow } from '../profiles/entities/follow.entity.js';
import { Tag } from '../tags/entities/tag.entity.js';
import { User } from '../users/entities/user.entity.js';

/** Every entity, for tools that need them all without Nest's autoLoadEntities. */
export const entities = [User, Follow, Article, Favorite, Tag, ArticleTag, Comment];
