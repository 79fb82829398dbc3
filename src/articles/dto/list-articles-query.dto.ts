import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/dto/pagination-query.dto.js';
import { MUST_BE_STRING } from '../../common/validation/messages.js';

/** Filters combine: every one given must match. */
export class ListArticlesQueryDto extends PaginationQueryDto {
  /** Only articles with this tag. */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255)
  tag?: string;

  /** Only articles by this username. */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255)
  author?: string;

  /** Only articles favorited by this username. */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255)
  favorited?: string;
}
