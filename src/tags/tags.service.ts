import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { ArticleTag } from './entities/article-tag.entity.js';
import { Tag } from './entities/tag.entity.js';

@Injectable()
export class TagsService {
  constructor(
    @InjectRepository(Tag) private readonly tags: Repository<Tag>,
    @InjectRepository(ArticleTag)
    private readonly articleTags: Repository<ArticleTag>,
  ) {}

  /** Tags used by at least one article, most used first (ties by name). */
  async popular(): Promise<string[]> {
    const rows = await this.articleTags
      .createQueryBuilder('articleTag')
      .innerJoin('articleTag.tag', 'tag')
      .select('tag.name', 'name')
      .addSelect('COUNT(*)', 'uses')
      .groupBy('tag.id')
      .addGroupBy('tag.name')
      .orderBy('uses', 'DESC')
      .addOrderBy('tag.name', 'ASC')
      .getRawMany<{ name: string }>();
    return rows.map((row) => row.name);
  }

  /** Replaces an article's tags, creating missing tags; runs inside the caller's transaction. */
  async setArticleTags(manager: EntityManager, articleId: number, names: string[]): Promise<void> {
    await manager.delete(ArticleTag, { articleId });
    if (names.length === 0) return;
    // Concurrent writers may create the same tag: insert-or-ignore, then read back the ids.
    await manager
      .createQueryBuilder()
      .insert()
      .into(Tag)
      .values(names.map((name) => ({ name })))
      .orIgnore()
      .execute();
    const tags = await manager.find(Tag, {
      where: { name: In(names) },
      select: { id: true },
    });
    const tagIds = [...new Set(tags.map((tag) => tag.id))];
    await manager.insert(
      ArticleTag,
      tagIds.map((tagId) => ({ articleId, tagId })),
    );
  }

  /** Sorted tag names of each article, in one query. */
  async namesByArticle(articleIds: number[]): Promise<Map<number, string[]>> {
    const result = new Map<number, string[]>(articleIds.map((id) => [id, []]));
    if (articleIds.length === 0) return result;
    const rows = await this.articleTags
      .createQueryBuilder('articleTag')
      .innerJoin('articleTag.tag', 'tag')
      .select('articleTag.articleId', 'articleId')
      .addSelect('tag.name', 'name')
      .where('articleTag.articleId IN (:...articleIds)', { articleIds })
      .getRawMany<{ articleId: number; name: string }>();
    for (const row of rows) result.get(Number(row.articleId))?.push(row.name);
    for (const names of result.values()) names.sort();
    return result;
  }
}
