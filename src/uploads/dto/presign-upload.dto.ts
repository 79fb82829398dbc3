import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, Min, ValidateNested } from 'class-validator';
import { BLANK, MUST_BE_OBJECT } from '../../common/validation/messages.js';
import { CONTENT_TYPES } from '../image-processor.js';

const ACCEPTED_TYPES = Object.values(CONTENT_TYPES);

export class PresignUploadDto {
  /**
   * Type of the file that will be sent; the storage accepts no other. Its bytes are still
   * checked when the upload is completed.
   * @example "image/jpeg"
   */
  @IsDefined({ message: BLANK })
  @IsIn(ACCEPTED_TYPES, { message: `must be one of ${ACCEPTED_TYPES.join(', ')}` })
  contentType: string;

  /**
   * Exact size of the file in bytes (at most `UPLOAD_DIRECT_MAX_BYTES`).
   * @example 8388608
   */
  @IsDefined({ message: BLANK })
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  size: number;
}

export class PresignUploadRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => PresignUploadDto)
  upload: PresignUploadDto;
}
