import type { User } from '../../users/entities/user.entity.js';

/** A user as others see it: no e-mail, no id. */
export class ProfileDto {
  /** @example "jake" */
  username: string;
  /** @example "I work at statefarm" */
  bio: string | null;
  /** @example "https://api.realworld.io/images/smiley-cyrus.jpg" */
  image: string | null;
  /** Whether the caller follows this user; always false for anonymous callers. */
  following: boolean;

  static from(user: Pick<User, 'username' | 'bio' | 'image'>, following: boolean): ProfileDto {
    return {
      username: user.username,
      bio: user.bio,
      image: user.image,
      following,
    };
  }
}

export class ProfileResponseDto {
  profile: ProfileDto;
}
