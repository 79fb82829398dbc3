/** A signed-in device. */
export class SessionDto {
  /**
   * Pass it to `DELETE /api/auth/sessions/{id}` to sign that device out.
   * @example "7c1b7a63-5e0f-4a3e-9f53-3b2a4c9e2f10"
   */
  id: string;
  /** @example "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" */
  userAgent: string | null;
  /** @example "203.0.113.7" */
  ip: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  /** The session ends then unless it is refreshed before. */
  expiresAt: Date;
  /** True for the session the request was made with. */
  current: boolean;
}

export class SessionListResponseDto {
  sessions: SessionDto[];
}
