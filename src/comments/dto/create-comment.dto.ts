import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsString, ValidateNested } from 'class-validator';
import { BLANK, MUST_BE_OBJECT, MUST_BE_STRING } from '../../common/validation/messages.js';
import { MaxUtf8Bytes } from '../../common/validation/max-utf8-bytes.js';
import { Trim } from '../../common/validation/transforms.js';

export const COMMENT_MAX_BYTES = 65_535;

export class CreateCommentDto {
  /** @example "His name was my name too." */
  @Trim()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxUtf8Bytes(COMMENT_MAX_BYTES)
  body: string;
}

export class CreateCommentRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => CreateCommentDto)
  comment: CreateCommentDto;
}
