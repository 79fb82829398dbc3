/** What a user may do beyond their own content. Ordered from least to most powerful. */
export enum Role {
  User = 'user',
  /** May delete any article or comment. */
  Moderator = 'moderator',
  /** May manage users, roles and background jobs. */
  Admin = 'admin',
}
