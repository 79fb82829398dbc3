import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AllConfig } from '../config/config.type.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { TransactionRunner } from './transaction-runner.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const database = config.getOrThrow('database', { infer: true });
        return {
          ...buildDataSourceOptions(database),
          // Entities register themselves through TypeOrmModule.forFeature in their module.
          autoLoadEntities: true,
          migrationsRun: database.migrateOnStart,
        };
      },
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
