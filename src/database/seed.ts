/**
 * `npm run seed`: demo users, articles, comments, follows and favorites,
 * created through the services (so every rule and side effect applies),
 * for a newcomer to see a lively API at once. Runs once per database.
 */
import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { ArticlesService } from '../articles/articles.service.js';
import { CommentsService } from '../comments/comments.service.js';
import { ProfilesService } from '../profiles/profiles.service.js';
import { UsersService } from '../users/users.service.js';

const PASSWORD = 'password123';

const USERS = [
  { username: 'jake', bio: 'I work at statefarm' },
  { username: 'anna', bio: 'Writes about distributed systems and tea.' },
  { username: 'marco', bio: 'Backend engineer, occasional photographer.' },
];

const ARTICLES = [
  {
    author: 'jake',
    title: 'How to train your dragon',
    description: 'Ever wonder how?',
    body: 'It takes a Jacobian.\n\n## Step one\n\nBelieve in yourself.',
    tagList: ['dragons', 'training'],
  },
  {
    author: 'anna',
    title: 'Idempotency keys in practice',
    description: 'Retries without double charges',
    body: 'Every request that changes state should be safe to repeat. Here is how.',
    tagList: ['backend', 'reliability'],
  },
  {
    author: 'anna',
    title: 'Outboxes, not dual writes',
    description: 'Why the database should queue your jobs',
    body: 'Write the job in the same transaction as the change that causes it.',
    tagList: ['backend', 'databases'],
  },
  {
    author: 'marco',
    title: 'A field guide to SQLite in production',
    description: 'WAL, busy timeouts and friends',
    body: 'SQLite is a fine production database for many workloads. Configure it.',
    tagList: ['databases', 'sqlite'],
  },
];

async function seed(): Promise<void> {
  // Its own logger: the app context below is created with Nest's start-up chatter silenced.
  const logger = new ConsoleLogger('Seed');
  if (process.env.NODE_ENV === 'production') {
    // Demo accounts with a published password have no place in production.
    throw new Error('Refusing to seed demo data with NODE_ENV=production');
  }
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const users = app.get(UsersService);
    if (await users.findByUsername(USERS[0].username)) {
      logger.log('Demo data is already there; nothing to do.');
      return;
    }
    const ids = new Map<string, number>();
    for (const { username, bio } of USERS) {
      const user = await users.register({
        username,
        email: `${username}@example.com`,
        password: PASSWORD,
      });
      await users.update(user.id, { bio });
      ids.set(username, user.id);
    }
    const id = (username: string) => ids.get(username)!;

    const articles = app.get(ArticlesService);
    const slugs: string[] = [];
    for (const { author, ...article } of ARTICLES) {
      slugs.push((await articles.create(id(author), article)).slug);
    }

    const profiles = app.get(ProfilesService);
    await profiles.follow(id('jake'), 'anna');
    await profiles.follow(id('marco'), 'anna');
    await profiles.follow(id('anna'), 'marco');

    await articles.favorite(id('jake'), slugs[1]);
    await articles.favorite(id('marco'), slugs[1]);
    await articles.favorite(id('anna'), slugs[3]);

    const comments = app.get(CommentsService);
    await comments.create(id('jake'), slugs[1], 'This saved our checkout flow. Thanks!');
    await comments.create(id('marco'), slugs[2], 'How do you clean up the outbox table?');
    await comments.create(
      id('anna'),
      slugs[2],
      'A periodic job deletes delivered rows after a week.',
    );

    logger.log(
      `Seeded ${USERS.length} users (${USERS.map((user) => `${user.username}@example.com`).join(', ')}; ` +
        `password "${PASSWORD}"), ${ARTICLES.length} articles, follows, favorites and comments.`,
    );
  } finally {
    await app.close();
  }
}

await seed();
