import { Role } from '../../auth/role.enum.js';
import type { User } from '../../users/entities/user.entity.js';

/** A user as an admin sees it: the e-mail is shown, secrets never are. */
export class AdminUserDto {
  /** @example "jake" */
  username: string;
  /** @example "jake@jake.jake" */
  email: string;
  role: Role;
  /** Set while the account is suspended. */
  suspendedAt: Date | null;
  createdAt: Date;

  static from(user: User): AdminUserDto {
    return {
      username: user.username,
      email: user.email,
      role: user.role,
      suspendedAt: user.suspendedAt,
      createdAt: user.createdAt,
    };
  }
}

export class AdminUserResponseDto {
  user: AdminUserDto;
}

export class AdminUserListResponseDto {
  users: AdminUserDto[];
  /** How many users match the filters, across all pages. */
  usersCount: number;
}
