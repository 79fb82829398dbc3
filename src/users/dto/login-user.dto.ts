import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  BLANK,
  MUST_BE_OBJECT,
  MUST_BE_STRING,
  tooLong,
} from '../../common/validation/messages.js';
import { NormalizeEmail } from '../../common/validation/transforms.js';
import { PASSWORD_MAX } from './register-user.dto.js';

export class LoginUserDto {
  /** @example "jake@jake.jake" */
  @NormalizeEmail()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255, { message: tooLong(255) })
  email: string;

  /** @example "jakejake" */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(PASSWORD_MAX, { message: tooLong(PASSWORD_MAX) })
  password: string;
}

export class LoginUserRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => LoginUserDto)
  user: LoginUserDto;
}
