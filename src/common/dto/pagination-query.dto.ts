import { Type } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export class PaginationQueryDto {
  /** How many items to return (1 to 100). */
  @ApiPropertyOptional({
    type: 'integer',
    default: PAGE_SIZE_DEFAULT,
    minimum: 1,
    maximum: PAGE_SIZE_MAX,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(PAGE_SIZE_MAX, { message: `must be at most ${PAGE_SIZE_MAX}` })
  limit: number = PAGE_SIZE_DEFAULT;

  /** How many items to skip. */
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000_000, { message: 'is too large' })
  offset: number = 0;
}
