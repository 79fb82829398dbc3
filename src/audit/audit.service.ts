import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import { errorStack } from '../common/errors/error-stack.js';
import type { AuditAction } from './audit-action.enum.js';
import type { AuditEventListResponseDto } from './dto/audit-event.dto.js';
import type { ListAuditQueryDto } from './dto/list-audit-query.dto.js';
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
      this.logger.error(`Could not record audit event ${event.action}`, errorStack(error));
    }
  }

  async list(query: ListAuditQueryDto): Promise<AuditEventListResponseDto> {
    const builder = this.events
      .createQueryBuilder('event')
      .leftJoin('event.actor', 'actor')
      .leftJoin('event.target', 'target')
      .addSelect(['actor.username', 'target.username']);
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.actor) builder.andWhere('actor.username = :actor', { actor: query.actor });
    if (query.target) builder.andWhere('target.username = :target', { target: query.target });
    if (query.since) builder.andWhere('event.createdAt >= :since', { since: query.since });
    if (query.until) builder.andWhere('event.createdAt < :until', { until: query.until });
    const [events, eventsCount] = await builder
      .orderBy('event.createdAt', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return {
      events: events.map((event) => ({
        id: event.id,
        action: event.action,
        actor: event.actor?.username ?? null,
        target: event.target?.username ?? null,
        ip: event.ip,
        userAgent: event.userAgent,
        detail: event.detail,
        createdAt: event.createdAt,
      })),
      eventsCount,
    };
  }
}
