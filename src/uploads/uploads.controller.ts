import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser, type AuthUser } from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { PaginationQueryDto } from '../common/dto/pagination-query.dto.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { PresignUploadRequestDto } from './dto/presign-upload.dto.js';
import { UploadFileDto } from './dto/upload-file.dto.js';
import {
  PresignUploadResponseDto,
  UploadListResponseDto,
  UploadResponseDto,
} from './dto/upload-response.dto.js';
import { readMultipartFile } from './multipart-file.js';
import { UploadsService } from './uploads.service.js';

/** Upload ids are UUIDs; anything else cannot name an upload. */
const UploadId = () =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('upload') }));

@ApiTags('Uploads')
@Authenticated()
@ApiUnprocessableEntityResponse({ description: 'Validation failed', type: ErrorResponseDto })
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  /**
   * Upload one image as `multipart/form-data` (field `file`). Its type is read from its bytes
   * (JPEG, PNG, WebP, GIF, AVIF); it is re-encoded with orientation applied and all metadata
   * removed, into variants of several widths in WebP and the original format.
   */
  @Post()
  @ApiOperation({ operationId: 'CreateUpload' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileDto })
  @ApiForbiddenResponse({ description: 'Upload quota exceeded', type: ErrorResponseDto })
  @ApiPayloadTooLargeResponse({
    description: 'The file is over the size limit, or the image over the pixel limit',
    type: ErrorResponseDto,
  })
  @ApiUnsupportedMediaTypeResponse({
    description: 'Not multipart, or the file is not an accepted image',
    type: ErrorResponseDto,
  })
  async create(
    @Req() request: FastifyRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<UploadResponseDto> {
    return {
      upload: await this.uploads.upload(caller.id, (rules) => readMultipartFile(request, rules)),
    };
  }

  /** The caller's uploads, most recent first. */
  @Get()
  @ApiOperation({ operationId: 'GetUploads' })
  list(
    @Query() query: PaginationQueryDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<UploadListResponseDto> {
    return this.uploads.list(caller.id, query);
  }

  /**
   * Start a direct upload of a large file (S3 storage only): returns a presigned PUT URL that
   * accepts exactly the given type and size, then call `POST /api/uploads/{id}/complete`.
   */
  @Post('presign')
  @ApiOperation({ operationId: 'PresignUpload' })
  @ApiForbiddenResponse({
    description: 'Upload quota exceeded, or direct uploads are not available',
    type: ErrorResponseDto,
  })
  @ApiPayloadTooLargeResponse({ description: 'The size is over the limit', type: ErrorResponseDto })
  presign(
    @Body() body: PresignUploadRequestDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<PresignUploadResponseDto> {
    return this.uploads.presign(caller.id, body.upload);
  }

  /**
   * Check and process the file sent to a direct upload's URL, as `POST /api/uploads` does.
   * A refused file deletes the upload. Completing a completed upload returns it unchanged.
   */
  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'CompleteUpload' })
  @ApiNotFoundResponse({
    description: 'The caller has no upload with this id',
    type: ErrorResponseDto,
  })
  @ApiPayloadTooLargeResponse({
    description: 'The image is over the pixel limit',
    type: ErrorResponseDto,
  })
  @ApiUnsupportedMediaTypeResponse({
    description: 'What was sent is not an accepted image',
    type: ErrorResponseDto,
  })
  async complete(
    @UploadId() id: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<UploadResponseDto> {
    return { upload: await this.uploads.complete(caller.id, id) };
  }

  /** Delete an upload and all its variants from storage. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'DeleteUpload' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({
    description: 'The caller has no upload with this id',
    type: ErrorResponseDto,
  })
  async delete(@UploadId() id: string, @CurrentUser() caller: AuthUser): Promise<void> {
    await this.uploads.delete(caller.id, id);
  }
}
