import { ProfileDto } from '../../profiles/dto/profile.dto.js';

/** An article in a list: everything but the body. */
export class ArticleSummaryDto {
  /** @example "how-to-train-your-dragon" */
  slug: string;
  /** @example "How to train your dragon" */
  title: string;
  /** @example "Ever wonder how?" */
  description: string;
  /**
   * Sorted alphabetically.
   * @example ["dragons", "training"]
   */
  tagList: string[];
  /** @example "2016-02-18T03:22:56.637Z" */
  createdAt: Date;
  /** @example "2016-02-18T03:48:35.824Z" */
  updatedAt: Date;
  /** Whether the caller favorited it; always false for anonymous callers. */
  favorited: boolean;
  /** @example 0 */
  favoritesCount: number;
  /**
   * URL of the cover image, or null (an addition to the RealWorld spec).
   * @example "http://localhost:3000/uploads/images/3b241101-e2bb-4255-8caf-4136c566a962/1600.webp"
   */
  coverImage: string | null;
  author: ProfileDto;
}

export class ArticleDto extends ArticleSummaryDto {
  /** @example "It takes a Jacobian" */
  body: string;
}

export class ArticleResponseDto {
  article: ArticleDto;
}

export class ArticleListResponseDto {
  /** Most recent first. */
  articles: ArticleSummaryDto[];
  /** How many articles match the filters in all, not just this page. */
  articlesCount: number;
}
