import type { User } from '../entities/user.entity.js';

/** The authenticated user, as RealWorld returns it: the only place an e-mail is shown. */
export class UserDto {
  /** @example "jake@jake.jake" */
  email: string;
  /** JWT to send as `Authorization: Token <token>`. */
  token: string;
  /** @example "jake" */
  username: string;
  /** @example "I work at statefarm" */
  bio: string | null;
  /** @example null */
  image: string | null;

  static from(user: User, token: string): UserDto {
    return {
      email: user.email,
      token,
      username: user.username,
      bio: user.bio,
      image: user.image,
    };
  }
}

export class UserResponseDto {
  user: UserDto;
}
