import { ProfileDto } from '../../profiles/dto/profile.dto.js';

export class CommentDto {
  /** @example 1 */
  id: number;
  /** @example "2016-02-18T03:22:56.637Z" */
  createdAt: Date;
  /** @example "2016-02-18T03:22:56.637Z" */
  updatedAt: Date;
  /** @example "It takes a Jacobian" */
  body: string;
  author: ProfileDto;
}

export class CommentResponseDto {
  comment: CommentDto;
}

export class CommentListResponseDto {
  /** Most recent first. */
  comments: CommentDto[];
}
