import { AuditAction } from '../../audit/audit-action.enum.js';
import { Role } from '../../auth/role.enum.js';

export class ExportedProfileDto {
  username: string;
  email: string;
  emailVerified: boolean;
  bio: string | null;
  image: string | null;
  role: Role;
  twoFactorEnabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export class ExportedArticleDto {
  slug: string;
  title: string;
  description: string;
  body: string;
  tagList: string[];
  favoritesCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export class ExportedCommentDto {
  /** Slug of the article the comment is on. */
  article: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export class ExportedSessionDto {
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export class ExportedSecurityEventDto {
  action: AuditAction;
  ip: string | null;
  userAgent: string | null;
  detail: string | null;
  createdAt: Date;
}

/** Everything Inkwell keeps about the caller (GDPR art. 15 and 20). */
export class AccountExportDto {
  exportedAt: Date;
  profile: ExportedProfileDto;
  articles: ExportedArticleDto[];
  comments: ExportedCommentDto[];
  /** Slugs of the articles I favorited. */
  favorites: string[];
  /** Usernames I follow. */
  following: string[];
  sessions: ExportedSessionDto[];
  /** Audit events about my account. */
  securityEvents: ExportedSecurityEventDto[];
}
