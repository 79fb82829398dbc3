import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/auth.decorators.js';
import { TagsResponseDto } from './dto/tags-response.dto.js';
import { TagsService } from './tags.service.js';

@ApiTags('Tags')
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  /** Tags in use, most used first. */
  @Public()
  @Get()
  @ApiOperation({ operationId: 'GetTags' })
  async list(): Promise<TagsResponseDto> {
    return { tags: await this.tags.popular() };
  }
}
