// `npm run bench`: starts the built app (production mode, its own SQLite file
// unless DATABASE_URL is set), loads a realistic data set through the API and
// measures the RealWorld hot paths with autocannon. Traffic stays on 127.0.0.1.
//
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 npm run bench
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const BASE = `http://127.0.0.1:${PORT}`;
const USERS = 20;
const ARTICLES_PER_USER = 10;

const workDir = mkdtempSync(join(tmpdir(), 'inkwell-bench-'));
const app = spawn(process.execPath, [resolve(import.meta.dirname, '../dist/main.js')], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    JWT_SECRET: randomBytes(32).toString('hex'),
    TOTP_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(workDir, 'bench.sqlite')}`,
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function main() {
  await waitForReady();
  const { token, slug, username } = await loadData();
  const auth = { authorization: `Token ${token}` };
  const scenarios = [
    ['GET /api/articles (anonymous)', { path: '/api/articles' }],
    ['GET /api/articles (signed in)', { path: '/api/articles', headers: auth }],
    ['GET /api/articles?tag=', { path: '/api/articles?tag=tag3' }],
    ['GET /api/articles/feed', { path: '/api/articles/feed', headers: auth }],
    ['GET /api/articles/:slug', { path: `/api/articles/${slug}`, headers: auth }],
    ['GET /api/articles/:slug/comments', { path: `/api/articles/${slug}/comments` }],
    ['GET /api/profiles/:username', { path: `/api/profiles/${username}`, headers: auth }],
    ['GET /api/tags', { path: '/api/tags' }],
    ['GET /api/user', { path: '/api/user', headers: auth }],
  ];
  const rows = [];
  for (const [name, request] of scenarios) rows.push(await measure(name, request));
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s each, ${USERS * ARTICLES_PER_USER} articles\n`,
  );
  console.table(rows);
  console.log(`Server peak RSS: ${peakRssMiB()} MiB`);
}

async function measure(name, { path, headers = {} }) {
  const result = await autocannon({
    url: `${BASE}${path}`,
    headers,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    scenario: name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function api(method, path, body, token) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Token ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function loadData() {
  const users = [];
  for (let i = 0; i < USERS; i++) {
    const username = `bench${i}`;
    const { user } = await api('POST', '/api/users', {
      user: { username, email: `${username}@example.com`, password: 'bench-password' },
    });
    users.push(user);
  }
  const slugs = [];
  for (const [index, user] of users.entries()) {
    for (let i = 0; i < ARTICLES_PER_USER; i++) {
      const { article } = await api(
        'POST',
        '/api/articles',
        {
          article: {
            title: `Benchmark article ${index}-${i}`,
            description: 'Measured, not guessed',
            body: 'Lorem ipsum '.repeat(200),
            tagList: [`tag${i % 5}`, `tag${(i + index) % 7}`],
          },
        },
        user.token,
      );
      slugs.push(article.slug);
    }
  }
  const reader = users[0];
  for (const user of users.slice(1, 10))
    await api('POST', `/api/profiles/${user.username}/follow`, null, reader.token);
  for (const slug of slugs.slice(0, 60))
    await api('POST', `/api/articles/${slug}/favorite`, null, reader.token);
  for (const user of users.slice(0, 10)) {
    await api(
      'POST',
      `/api/articles/${slugs[0]}/comments`,
      { comment: { body: 'A thoughtful comment.' } },
      user.token,
    );
  }
  return { token: reader.token, slug: slugs[0], username: users[1].username };
}

async function waitForReady() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${BASE}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the app did not become ready');
}

function peakRssMiB() {
  const status = readFileSync(`/proc/${app.pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return (kib / 1024).toFixed(0);
}

try {
  await main();
} finally {
  app.kill('SIGTERM');
  await new Promise((done) => app.once('exit', done));
  rmSync(workDir, { recursive: true, force: true });
}
