import { NotificationKind } from './notification-kind.enum.js';

const KIND_LABELS: Record<NotificationKind, string> = {
  [NotificationKind.NewFollower]: 'new follower',
  [NotificationKind.NewComment]: 'new comment',
  [NotificationKind.FollowedAuthorArticles]: 'new article digest',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inkwell</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:Helvetica,Arial,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;">${body}</body></html>`;
}

/**
 * The page behind an e-mail's unsubscribe link. Opening it changes nothing
 * (link scanners open links too); its button POSTs, as mail clients do with
 * `List-Unsubscribe-Post`.
 */
export function confirmUnsubscribePage(kind: NotificationKind, token: string): string {
  const action = `?token=${encodeURIComponent(token)}`;
  return page(`<p>Stop receiving ${KIND_LABELS[kind]} e-mails from Inkwell?</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">Unsubscribe</button></form>`);
}

export function unsubscribedPage(kind: NotificationKind): string {
  return page(
    `<p>Done: you will no longer receive ${KIND_LABELS[kind]} e-mails. You can switch them on again in your settings.</p>`,
  );
}
