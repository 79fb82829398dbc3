/**
 * Every kind of background work. Each name is also the name of its own BullMQ
 * queue, so one slow kind of work never holds up another.
 */
export enum JobName {
  /** A templated e-mail such as verification or password reset. */
  SendEmail = 'send-email',
  /** Looks up the account of a forgot-password request and mails it a reset link. */
  RequestPasswordReset = 'request-password-reset',
  NotifyNewFollower = 'notify-new-follower',
  NotifyNewComment = 'notify-new-comment',
  /** Queues a published article for the digests of its author's followers. */
  FanOutArticle = 'fan-out-article',
  /** One reader's hourly digest of new articles from authors they follow. */
  SendArticleDigest = 'send-article-digest',
}
