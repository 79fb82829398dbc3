/**
 * A worker-only process (`npm run start:worker`): runs background jobs, serves
 * no HTTP. Start as many as the work needs, beside any number of API processes.
 */
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

// Read by the jobs config when the app module loads, hence before importing it.
process.env.PROCESS_ROLE = 'worker';
const { AppModule } = await import('./app.module.js');

const app = await NestFactory.createApplicationContext(AppModule);
// SIGTERM/SIGINT: running jobs finish (or are handed back) before the process exits.
app.enableShutdownHooks();
new Logger('Inkwell').log('Worker started');
