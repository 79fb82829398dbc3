import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AccountRoles } from '../auth/account-roles.js';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors.js';
import type { PaginationQueryDto } from '../common/dto/pagination-query.dto.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ProfileDto } from '../profiles/dto/profile.dto.js';
import { Follow } from '../profiles/entities/follow.entity.js';
import { ProfilesService } from '../profiles/profiles.service.js';
import { ArticleTag } from '../tags/entities/article-tag.entity.js';
import { Tag } from '../tags/entities/tag.entity.js';
import { TagsService } from '../tags/tags.service.js';
import { UploadsService } from '../uploads/uploads.service.js';
import { User } from '../users/entities/user.entity.js';
import type {
  ArticleDto,
  ArticleListResponseDto,
  ArticleSummaryDto,
} from './dto/article-response.dto.js';
import type { CreateArticleDto } from './dto/create-article.dto.js';
import type { ListArticlesQueryDto } from './dto/list-articles-query.dto.js';
import type { UpdateArticleDto } from './dto/update-article.dto.js';
import { Article } from './entities/article.entity.js';
import { Favorite } from './entities/favorite.entity.js';
import { slugify, uniqueSuffix } from './slug.js';

/** Columns a list shows: everything but the body. */
const SUMMARY_COLUMNS = [
  'article.id',
  'article.slug',
  'article.title',
  'article.description',
  'article.favoritesCount',
  'article.coverImage',
  'article.authorId',
  'article.createdAt',
  'article.updatedAt',
  'author.id',
  'author.username',
  'author.bio',
  'author.image',
];

const SLUG_ATTEMPTS = 3;

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    private readonly tags: TagsService,
    private readonly profiles: ProfilesService,
    private readonly transactions: TransactionRunner,
    private readonly uploads: UploadsService,
    private readonly accountRoles: AccountRoles,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Articles matching every filter given, most recent first. A fixed number
   * of queries whatever the page size: count + page, then tags, favorites
   * and follows for the whole page at once.
   */
  async list(query: ListArticlesQueryDto, viewerId?: number): Promise<ArticleListResponseDto> {
    const builder = this.summaries();
    if (query.tag !== undefined) {
      builder
        .innerJoin(ArticleTag, 'filterArticleTag', 'filterArticleTag.articleId = article.id')
        .innerJoin(
          Tag,
          'filterTag',
          'filterTag.id = filterArticleTag.tagId AND filterTag.name = :tag',
          {
            tag: query.tag,
          },
        );
    }
    if (query.author !== undefined) {
      builder.andWhere('author.username = :author', { author: query.author });
    }
    if (query.favorited !== undefined) {
      builder
        .innerJoin(Favorite, 'filterFavorite', 'filterFavorite.articleId = article.id')
        .innerJoin(
          User,
          'favoritedBy',
          'favoritedBy.id = filterFavorite.userId AND favoritedBy.username = :favorited',
          {
            favorited: query.favorited,
          },
        );
    }
    return this.page(builder, query, viewerId);
  }

  /** Articles by authors the viewer follows, most recent first. */
  async feed(viewerId: number, page: PaginationQueryDto): Promise<ArticleListResponseDto> {
    const builder = this.summaries().innerJoin(
      Follow,
      'follow',
      'follow.followingId = article.authorId AND follow.followerId = :viewerId',
      { viewerId },
    );
    return this.page(builder, page, viewerId);
  }

  async get(slug: string, viewerId?: number): Promise<ArticleDto> {
    const article = await this.findBySlug(slug);
    return this.toArticle(article, viewerId);
  }

  async create(authorId: number, input: CreateArticleDto): Promise<ArticleDto> {
    if (input.coverImage)
      await this.uploads.assertOwnImage(authorId, input.coverImage, 'coverImage');
    const id = await this.withFreeSlug(input.title, (slug) =>
      this.transactions.run(async (manager) => {
        const { identifiers } = await manager.insert(Article, {
          slug,
          title: input.title,
          description: input.description,
          body: input.body,
          coverImage: input.coverImage ?? null,
          authorId,
        });
        const articleId = Number(identifiers[0].id);
        await this.tags.setArticleTags(manager, articleId, input.tagList ?? []);
        await this.notifications.articlePublished(manager, articleId);
        return articleId;
      }),
    );
    return this.toArticle(await this.findById(id), authorId);
  }

  async update(callerId: number, slug: string, changes: UpdateArticleDto): Promise<ArticleDto> {
    const article = await this.findOwned(callerId, slug);
    if (changes.coverImage && changes.coverImage !== article.coverImage) {
      await this.uploads.assertOwnImage(callerId, changes.coverImage, 'coverImage');
    }
    const save = (newSlug: string) =>
      this.transactions.run(async (manager) => {
        await manager.update(Article, article.id, {
          slug: newSlug,
          title: changes.title ?? article.title,
          description: changes.description ?? article.description,
          body: changes.body ?? article.body,
          coverImage: changes.coverImage === undefined ? article.coverImage : changes.coverImage,
          // Set here, not by TypeORM: its MySQL default (CURRENT_TIMESTAMP) drops the milliseconds.
          updatedAt: new Date(),
        });
        if (changes.tagList) await this.tags.setArticleTags(manager, article.id, changes.tagList);
      });
    if (
      changes.title !== undefined &&
      changes.title !== article.title &&
      slugify(changes.title) !== article.slug
    ) {
      await this.withFreeSlug(changes.title, save);
    } else {
      await save(article.slug);
    }
    return this.toArticle(await this.findById(article.id), callerId);
  }

  /** The author, or a moderator, may delete an article. */
  async delete(callerId: number, slug: string): Promise<void> {
    const article = await this.findBySlug(slug);
    if (article.authorId !== callerId && !(await this.accountRoles.mayModerate(callerId)))
      throw new ForbiddenError('article', 'only the author or a moderator may delete it');
    await this.articles.delete(article.id);
  }

  /** Idempotent; the counter moves only when a favorite row is really added. */
  async favorite(userId: number, slug: string): Promise<ArticleDto> {
    const article = await this.findBySlug(slug);
    try {
      await this.transactions.run(async (manager) => {
        if (await manager.existsBy(Favorite, { userId, articleId: article.id })) return;
        // Counter first: its row lock orders concurrent favorites, where taking the
        // foreign-key share lock first (by inserting) would deadlock on MySQL.
        await this.bumpFavorites(manager, article.id, +1);
        await manager.insert(Favorite, { userId, articleId: article.id });
      });
    } catch (error) {
      // The same user raced themselves: the other request already counted it.
      if (!isUniqueViolation(error)) throw error;
    }
    return this.toArticle(await this.findById(article.id), userId);
  }

  async unfavorite(userId: number, slug: string): Promise<ArticleDto> {
    const article = await this.findBySlug(slug);
    await this.transactions.run(async (manager) => {
      const { affected } = await manager.delete(Favorite, {
        userId,
        articleId: article.id,
      });
      if (affected) await this.bumpFavorites(manager, article.id, -1);
    });
    return this.toArticle(await this.findById(article.id), userId);
  }

  /** The id of the article with this slug, for features hanging off articles. */
  async idOf(slug: string): Promise<number> {
    const article = await this.articles.findOne({
      where: { slug },
      select: { id: true },
    });
    if (!article) throw new NotFoundError('article');
    return article.id;
  }

  private summaries(): SelectQueryBuilder<Article> {
    return this.articles
      .createQueryBuilder('article')
      .innerJoin('article.author', 'author')
      .select(SUMMARY_COLUMNS);
  }

  private async page(
    builder: SelectQueryBuilder<Article>,
    { limit, offset }: PaginationQueryDto,
    viewerId?: number,
  ): Promise<ArticleListResponseDto> {
    const [articles, articlesCount] = await builder
      .orderBy('article.createdAt', 'DESC')
      .addOrderBy('article.id', 'DESC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
    return {
      articles: await this.toSummaries(articles, viewerId),
      articlesCount,
    };
  }

  private async toSummaries(articles: Article[], viewerId?: number): Promise<ArticleSummaryDto[]> {
    const ids = articles.map((article) => article.id);
    const [tagsByArticle, favorited, followed] = await Promise.all([
      this.tags.namesByArticle(ids),
      this.favoritedAmong(viewerId, ids),
      this.profiles.followedAmong(
        viewerId,
        articles.map((article) => article.authorId),
      ),
    ]);
    return articles.map((article) => ({
      slug: article.slug,
      title: article.title,
      description: article.description,
      tagList: tagsByArticle.get(article.id) ?? [],
      createdAt: article.createdAt,
      updatedAt: article.updatedAt,
      favorited: favorited.has(article.id),
      favoritesCount: article.favoritesCount,
      coverImage: article.coverImage,
      author: ProfileDto.from(article.author, followed.has(article.authorId)),
    }));
  }

  private async toArticle(article: Article, viewerId?: number): Promise<ArticleDto> {
    const [summary] = await this.toSummaries([article], viewerId);
    const { slug, title, description, ...rest } = summary;
    return { slug, title, description, body: article.body, ...rest };
  }

  private async favoritedAmong(
    viewerId: number | undefined,
    articleIds: number[],
  ): Promise<Set<number>> {
    if (!viewerId || articleIds.length === 0) return new Set();
    const rows = await this.articles.manager.find(Favorite, {
      select: { articleId: true },
      where: { userId: viewerId, articleId: In(articleIds) },
    });
    return new Set(rows.map((row) => row.articleId));
  }

  /** Moves the counter atomically in SQL, leaving `updatedAt` alone: a favorite is not an edit. */
  private async bumpFavorites(
    manager: EntityManager,
    articleId: number,
    delta: 1 | -1,
  ): Promise<void> {
    const column = manager.connection.driver.escape('favoritesCount');
    const updatedAt = manager.connection.driver.escape('updatedAt');
    await manager
      .createQueryBuilder()
      .update(Article)
      .set({
        favoritesCount: () => `${column} ${delta > 0 ? '+' : '-'} 1`,
        updatedAt: () => updatedAt,
      })
      .where('id = :articleId', { articleId })
      .execute();
  }

  private async findBySlug(slug: string): Promise<Article> {
    const article = await this.articles.findOne({
      where: { slug },
      relations: { author: true },
    });
    if (!article) throw new NotFoundError('article');
    return article;
  }

  private async findById(id: number): Promise<Article> {
    return this.articles.findOneOrFail({
      where: { id },
      relations: { author: true },
    });
  }

  private async findOwned(callerId: number, slug: string): Promise<Article> {
    const article = await this.findBySlug(slug);
    if (article.authorId !== callerId)
      throw new ForbiddenError('article', 'only the author may change it');
    return article;
  }

  /** Runs `write` with the title's slug, or with a suffixed one when that is taken (also by a racing writer). */
  private async withFreeSlug<T>(title: string, write: (slug: string) => Promise<T>): Promise<T> {
    const base = slugify(title);
    let slug = (await this.articles.existsBy({ slug: base })) ? `${base}-${uniqueSuffix()}` : base;
    for (let attempt = 1; ; attempt++) {
      try {
        return await write(slug);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
        slug = `${base}-${uniqueSuffix()}`;
      }
    }
  }
}
