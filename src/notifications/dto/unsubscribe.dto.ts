import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BLANK, MUST_BE_STRING, tooLong } from '../../common/validation/messages.js';

export class UnsubscribeQueryDto {
  /** The signed token from the e-mail's unsubscribe link. */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(512, { message: tooLong(512) })
  token: string;
}
