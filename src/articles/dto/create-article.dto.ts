import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsOptional,
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
import { Trim } from '../../common/validation/transforms.js';
import { MaxUtf8Bytes } from '../../common/validation/max-utf8-bytes.js';

export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 1024;
/** What a TEXT column holds on MySQL/MariaDB, the smallest of the three databases. */
export const BODY_MAX_BYTES = 65_535;
export const TAG_MAX = 64;
export const TAGS_MAX = 20;

/** Trims each tag, drops empty ones and duplicates; non-strings are left for validation to reject. */
const NormalizeTags = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? [...new Set(value.map((tag) => (typeof tag === 'string' ? tag.trim() : tag)))].filter(
          (tag) => tag !== '',
        )
      : value,
  );

/** Validation of `tagList`: an array of short, distinct, non-empty strings. */
export const TagList = () =>
  applyDecorators(
    NormalizeTags(),
    IsArray({ message: 'must be an array of strings' }),
    ArrayMaxSize(TAGS_MAX, { message: `has too many tags (maximum is ${TAGS_MAX})` }),
    IsString({ each: true, message: 'must be an array of strings' }),
    MaxLength(TAG_MAX, {
      each: true,
      message: `has a tag that is too long (maximum is ${TAG_MAX} characters)`,
    }),
  );

export class CreateArticleDto {
  /** @example "How to train your dragon" */
  @Trim()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(TITLE_MAX, { message: tooLong(TITLE_MAX) })
  title: string;

  /** @example "Ever wonder how?" */
  @Trim()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(DESCRIPTION_MAX, { message: tooLong(DESCRIPTION_MAX) })
  description: string;

  /**
   * Markdown; at most 65,535 bytes of UTF-8.
   * @example "You have to believe"
   */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxUtf8Bytes(BODY_MAX_BYTES)
  body: string;

  /**
   * Up to 20 tags of at most 64 characters; duplicates are dropped.
   * @example ["dragons", "training"]
   */
  @IsOptional()
  @TagList()
  tagList?: string[];
}

export class CreateArticleRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => CreateArticleDto)
  article: CreateArticleDto;
}
