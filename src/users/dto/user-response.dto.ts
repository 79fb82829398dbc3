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
  /** Whether the e-mail address has been confirmed through the link sent to it. */
  emailVerified: boolean;
  /**
   * Only in the login and registration responses: trade it at
   * `POST /api/auth/refresh` for a new token. Also set as an httpOnly cookie.
   */
  refreshToken?: string;

  static from(user: User, token: string, refreshToken?: string): UserDto {
    return {
      email: user.email,
      token,
      username: user.username,
      bio: user.bio,
      image: user.image,
      emailVerified: user.emailVerifiedAt !== null,
      ...(refreshToken ? { refreshToken } : {}),
    };
  }
}

export class UserResponseDto {
  user: UserDto;
}
