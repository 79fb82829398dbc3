import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import type { AuditAction } from './audit-action.enum.js';
import { AuditEvent } from './entities/audit-event.entity.js';

export interface AuditRecord {
  action: AuditAction;
  actorId?: number | null;
  targetId?: number | null;
  client?: ClientInfo;
  detail?: string;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * One insert. A failure is logged and swallowed: losing an audit line must
   * never turn a successful login or revocation into an error.
   */
  async record(event: AuditRecord): Promise<void> {
    try {
      await this.events.insert({
        action: event.action,
        actorId: event.actorId ?? null,
        targetId: event.targetId ?? null,
        ip: event.client?.ip ?? null,
        userAgent: event.client?.userAgent ?? null,
        detail: event.detail ?? null,
      });
    } catch (error) {
      this.logger.error(
        `Could not record audit event ${event.action}`,
        error instanceof Error ? error.stack : String(error),
      );
    }
  }
}
