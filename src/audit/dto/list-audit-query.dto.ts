import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/dto/pagination-query.dto.js';
import { INVALID, MUST_BE_STRING, tooLong } from '../../common/validation/messages.js';
import { AuditAction } from '../audit-action.enum.js';

/** Filters combine: every one given must match. */
export class ListAuditQueryDto extends PaginationQueryDto {
  /** Only events of this kind. */
  @IsOptional()
  @IsEnum(AuditAction, { message: INVALID })
  action?: AuditAction;

  /**
   * Only events done by this username.
   * @example "jake"
   */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(64, { message: tooLong(64) })
  actor?: string;

  /**
   * Only events concerning this username's account.
   * @example "jake"
   */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(64, { message: tooLong(64) })
  target?: string;

  /**
   * Only events at or after this instant (ISO 8601).
   * @example "2026-11-01T00:00:00Z"
   */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO 8601 date' })
  since?: Date;

  /** Only events before this instant (ISO 8601). */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO 8601 date' })
  until?: Date;
}
