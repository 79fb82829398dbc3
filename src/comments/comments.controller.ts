import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
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
import { ParseIdPipe } from '../common/pipes/parse-id.pipe.js';
import { CommentsService } from './comments.service.js';
import { CommentListResponseDto, CommentResponseDto } from './dto/comment-response.dto.js';
import { CreateCommentRequestDto } from './dto/create-comment.dto.js';

@ApiTags('Comments')
@ApiNotFoundResponse({
  description: 'No article has this slug, or no such comment on it',
  type: ErrorResponseDto,
})
@Controller('articles/:slug/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** An article's comments, most recent first. */
  @Authenticated({ optional: true })
  @Get()
  @ApiOperation({ operationId: 'GetArticleComments' })
  async list(
    @Param('slug') slug: string,
    @CurrentUser() viewer?: AuthUser,
  ): Promise<CommentListResponseDto> {
    return { comments: await this.comments.list(slug, viewer?.id) };
  }

  /** Comment on an article. */
  @Authenticated()
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'CreateArticleComment' })
  @ApiUnprocessableEntityResponse({
    description: 'Validation failed',
    type: ErrorResponseDto,
  })
  async create(
    @Param('slug') slug: string,
    @Body() body: CreateCommentRequestDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<CommentResponseDto> {
    return {
      comment: await this.comments.create(caller.id, slug, body.comment.body),
    };
  }

  /** Delete one of your comments (moderators and admins may delete any). */
  @Authenticated()
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'DeleteArticleComment' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({
    description: 'The caller neither wrote this comment nor is a moderator',
    type: ErrorResponseDto,
  })
  async delete(
    @Param('slug') slug: string,
    @Param('id', new ParseIdPipe('comment')) id: number,
    @CurrentUser() caller: AuthUser,
  ): Promise<void> {
    await this.comments.delete(caller.id, slug, id);
  }
}
