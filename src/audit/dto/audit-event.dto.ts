import { AuditAction } from '../audit-action.enum.js';

export class AuditEventDto {
  id: number;
  action: AuditAction;
  /**
   * Username of who did it; `null` for an anonymous caller or a deleted account.
   * @example "root"
   */
  actor: string | null;
  /**
   * Username of the account concerned; `null` if none or deleted.
   * @example "jake"
   */
  target: string | null;
  /** @example "203.0.113.7" */
  ip: string | null;
  userAgent: string | null;
  /** @example "user -> moderator" */
  detail: string | null;
  createdAt: Date;
}

export class AuditEventListResponseDto {
  /** Most recent first. */
  events: AuditEventDto[];
  /** How many events match the filters, across all pages. */
  eventsCount: number;
}
