/** Security events written to the audit log. */
export enum AuditAction {
  LoginSucceeded = 'login.succeeded',
  LoginFailed = 'login.failed',
  RefreshReused = 'refresh.reused',
  SessionRevoked = 'session.revoked',
  AllSessionsRevoked = 'session.revoked_all',
  PasswordChanged = 'password.changed',
  PasswordReset = 'password.reset',
  EmailVerified = 'email.verified',
  TwoFactorEnabled = 'two_factor.enabled',
  TwoFactorDisabled = 'two_factor.disabled',
  TwoFactorFailed = 'two_factor.failed',
  RoleChanged = 'user.role_changed',
  UserSuspended = 'user.suspended',
  UserRestored = 'user.restored',
  AccountDeleted = 'user.deleted',
}
