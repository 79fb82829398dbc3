import { ApiProperty } from '@nestjs/swagger';

/** The `multipart/form-data` body of `POST /api/uploads`. */
export class UploadFileDto {
  // A binary part has no TypeScript type the Swagger plugin could describe.
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'One JPEG, PNG, WebP, GIF or AVIF image (decided from its bytes), at most UPLOAD_MAX_BYTES (5 MB by default).',
  })
  file: unknown;
}
