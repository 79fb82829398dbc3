import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PaginationQueryDto } from '../common/dto/pagination-query.dto.js';
import { ArticlesService } from './articles.service.js';
import { ArticleListResponseDto, ArticleResponseDto } from './dto/article-response.dto.js';
import { CreateArticleRequestDto } from './dto/create-article.dto.js';
import { ListArticlesQueryDto } from './dto/list-articles-query.dto.js';
import { UpdateArticleRequestDto } from './dto/update-article.dto.js';

@ApiTags('Articles')
@ApiUnprocessableEntityResponse({
  description: 'Validation failed',
  type: ErrorResponseDto,
})
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  /** Most recent articles first, optionally filtered by tag, author or who favorited them. Bodies are left out. */
  @Authenticated({ optional: true })
  @Get()
  @ApiOperation({ operationId: 'GetArticles' })
  list(
    @Query() query: ListArticlesQueryDto,
    @CurrentUser() viewer?: AuthUser,
  ): Promise<ArticleListResponseDto> {
    return this.articles.list(query, viewer?.id);
  }

  /** Most recent articles by authors the caller follows. */
  @Authenticated()
  @Get('feed')
  @ApiOperation({ operationId: 'GetArticlesFeed' })
  feed(
    @Query() query: PaginationQueryDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<ArticleListResponseDto> {
    return this.articles.feed(caller.id, query);
  }

  /** One article, with its body. */
  @Authenticated({ optional: true })
  @Get(':slug')
  @ApiOperation({ operationId: 'GetArticle' })
  @ApiNotFoundResponse({
    description: 'No article has this slug',
    type: ErrorResponseDto,
  })
  async get(
    @Param('slug') slug: string,
    @CurrentUser() viewer?: AuthUser,
  ): Promise<ArticleResponseDto> {
    return { article: await this.articles.get(slug, viewer?.id) };
  }

  /** Publish an article; its slug is made from the title. */
  @Authenticated()
  @Post()
  @ApiOperation({ operationId: 'CreateArticle' })
  async create(
    @Body() body: CreateArticleRequestDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<ArticleResponseDto> {
    return { article: await this.articles.create(caller.id, body.article) };
  }

  /** Change an article (author only). A new title gives a new slug. */
  @Authenticated()
  @Put(':slug')
  @ApiOperation({ operationId: 'UpdateArticle' })
  @ApiForbiddenResponse({
    description: 'The caller is neither the author nor a moderator',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse({
    description: 'No article has this slug',
    type: ErrorResponseDto,
  })
  async update(
    @Param('slug') slug: string,
    @Body() body: UpdateArticleRequestDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<ArticleResponseDto> {
    return {
      article: await this.articles.update(caller.id, slug, body.article),
    };
  }

  /** Delete an article and its comments and favorites (its author, or a moderator or admin). */
  @Authenticated()
  @Delete(':slug')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'DeleteArticle' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({
    description: 'The caller is neither the author nor a moderator',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse({
    description: 'No article has this slug',
    type: ErrorResponseDto,
  })
  async delete(@Param('slug') slug: string, @CurrentUser() caller: AuthUser): Promise<void> {
    await this.articles.delete(caller.id, slug);
  }

  /** Favorite an article (idempotent). */
  @Authenticated()
  @Post(':slug/favorite')
  @HttpCode(HttpStatus.OK)
  @ApiTags('Favorites')
  @ApiOperation({ operationId: 'CreateArticleFavorite' })
  @ApiNotFoundResponse({
    description: 'No article has this slug',
    type: ErrorResponseDto,
  })
  async favorite(
    @Param('slug') slug: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<ArticleResponseDto> {
    return { article: await this.articles.favorite(caller.id, slug) };
  }

  /** Remove a favorite (idempotent). */
  @Authenticated()
  @Delete(':slug/favorite')
  @ApiTags('Favorites')
  @ApiOperation({ operationId: 'DeleteArticleFavorite' })
  @ApiNotFoundResponse({
    description: 'No article has this slug',
    type: ErrorResponseDto,
  })
  async unfavorite(
    @Param('slug') slug: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<ArticleResponseDto> {
    return { article: await this.articles.unfavorite(caller.id, slug) };
  }
}
