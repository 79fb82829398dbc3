import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role } from '../../auth/role.enum.js';
import { PaginationQueryDto } from '../../common/dto/pagination-query.dto.js';
import { INVALID, MUST_BE_STRING, tooLong } from '../../common/validation/messages.js';

export class ListUsersQueryDto extends PaginationQueryDto {
  /**
   * Part of a username or e-mail, case-insensitive.
   * @example "jake"
   */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255, { message: tooLong(255) })
  search?: string;

  /** Only users with this role. */
  @IsOptional()
  @IsEnum(Role, { message: INVALID })
  role?: Role;

  /** `true`: only suspended users; `false`: only active ones. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsIn([true, false], { message: 'must be true or false' })
  suspended?: boolean;
}
