/** The kinds of notification e-mail a user can switch off; each is a preference column. */
export enum NotificationKind {
  NewFollower = 'newFollower',
  NewComment = 'newComment',
  FollowedAuthorArticles = 'followedAuthorArticles',
}
