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
import { MaxUtf8Bytes } from '../../common/validation/max-utf8-bytes.js';
import { IsOptionalNotNull, Trim } from '../../common/validation/transforms.js';
import {
  BODY_MAX_BYTES,
  CoverImage,
  DESCRIPTION_MAX,
  TagList,
  TITLE_MAX,
} from './create-article.dto.js';

/** Only the fields sent change; a new title gives the article a new slug. */
export class UpdateArticleDto {
  /** @example "Did you train your dragon?" */
  @IsOptionalNotNull()
  @Trim()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(TITLE_MAX, { message: tooLong(TITLE_MAX) })
  title?: string;

  @IsOptionalNotNull()
  @Trim()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(DESCRIPTION_MAX, { message: tooLong(DESCRIPTION_MAX) })
  description?: string;

  @IsOptionalNotNull()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxUtf8Bytes(BODY_MAX_BYTES)
  body?: string;

  /**
   * Replaces the article's tags (an addition to the RealWorld spec, sent by several frontends' editors).
   * @example ["dragons"]
   */
  @IsOptionalNotNull()
  @TagList()
  tagList?: string[];

  /**
   * URL of a variant of one of the author's uploads; null removes the cover image.
   * @example "http://localhost:3000/uploads/images/3b241101-e2bb-4255-8caf-4136c566a962/1600.webp"
   */
  @CoverImage()
  coverImage?: string | null;
}

export class UpdateArticleRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => UpdateArticleDto)
  article: UpdateArticleDto;
}
