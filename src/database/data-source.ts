/**
 * DataSource for the TypeORM CLI (`npm run migration:run`, `migration:show`).
 * It reads the same settings as the app; run it from the build output.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/database.config.js';
import { loadEnvFile } from '../config/load-env-file.js';
import { buildDataSourceOptions } from './data-source-options.js';

loadEnvFile();

export default new DataSource(
  buildDataSourceOptions(loadDatabaseConfig(), [
    join(import.meta.dirname, '..', '**', '*.entity.js'),
  ]),
);
