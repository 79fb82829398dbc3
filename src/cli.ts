import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module.js';
import { DomainError } from './common/errors/domain-errors.js';

/** Operator commands, e.g. `npm run cli -- create-admin --email admin@example.com`. */
await CommandFactory.run(CliModule, {
  logger: ['error', 'warn'],
  serviceErrorHandler: (error) => {
    const details = error instanceof DomainError ? ` ${JSON.stringify(error.errors)}` : '';
    process.stderr.write(`${error.message}${details}\n`);
    process.exitCode = 1;
  },
});
