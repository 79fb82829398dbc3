/**
 * Every e-mail the application sends, with the data its template needs.
 * Data is plain JSON: it travels through the job outbox.
 */
export interface MailTemplateData {
  /** `link`: the web app's page that takes the single-use token, e.g. `…/verify-email?token=…`. */
  'verify-email': { username: string; link: string };
  /** `link`: the web app's page that takes the single-use token, e.g. `…/reset-password?token=…`. */
  'password-reset': { username: string; link: string };
  'new-follower': { username: string; followerUsername: string };
  'new-comment': {
    username: string;
    commenterUsername: string;
    articleTitle: string;
    articleSlug: string;
    commentExcerpt: string;
  };
  'article-digest': {
    username: string;
    articles: { title: string; slug: string; description: string; authorUsername: string }[];
  };
}

export type MailTemplateName = keyof MailTemplateData;

export const MAIL_SUBJECTS: { [T in MailTemplateName]: string } = {
  'verify-email': 'Confirm your e-mail address',
  'password-reset': 'Reset your Inkwell password',
  'new-follower': '{{followerUsername}} is now following you',
  'new-comment': '{{commenterUsername}} commented on "{{articleTitle}}"',
  'article-digest': 'New articles from authors you follow',
};

/** One e-mail to one recipient, before rendering. */
export type TemplatedMail = {
  [T in MailTemplateName]: {
    to: string;
    template: T;
    data: MailTemplateData[T];
    /** Signed one-click unsubscribe URL: notifications must have one, account mail has none. */
    unsubscribeUrl?: string;
  };
}[MailTemplateName];
