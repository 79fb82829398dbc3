import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JobName } from '../../src/jobs/job-name.enum.js';

/** Deletes every BullMQ key a test app made under its own prefix. */
export async function obliterateTestQueues(redisUrl: string, prefix: string): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    for (const name of Object.values(JobName)) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    await connection.quit();
  }
}
