import { IsDefined, IsEnum } from 'class-validator';
import { Role } from '../../auth/role.enum.js';
import { BLANK, INVALID } from '../../common/validation/messages.js';

export class ChangeRoleRequestDto {
  /** The new role. */
  @IsDefined({ message: BLANK })
  @IsEnum(Role, { message: INVALID })
  role: Role;
}
