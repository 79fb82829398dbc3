import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AdminService } from '../admin/admin.service.js';
import { RegisterUserDto } from '../users/dto/register-user.dto.js';

interface CreateAdminOptions {
  email: string;
  username?: string;
}

/** Where an operator puts the first admin's password; there is no default password. */
export const ADMIN_PASSWORD_VARIABLE = 'INKWELL_ADMIN_PASSWORD';

/**
 * `npm run cli -- create-admin --email a@b.c [--username name]`: promotes an
 * existing account, or creates one with the password from
 * `INKWELL_ADMIN_PASSWORD` (or typed at a hidden prompt).
 */
@Command({
  name: 'create-admin',
  description: 'Make the account with this e-mail an admin, creating it if needed',
})
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly admin: AdminService) {
    super();
  }

  async run(_parameters: string[], options: CreateAdminOptions): Promise<void> {
    const email = options.email.trim().toLowerCase();
    const { user, created } = await this.admin.grantAdmin(email, () =>
      this.registration(email, options.username),
    );
    process.stdout.write(
      `${created ? 'Created' : 'Promoted'} ${user.username} <${user.email}> as ${user.role}\n`,
    );
  }

  @Option({ flags: '-e, --email <email>', description: 'Login e-mail', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({
    flags: '-u, --username <username>',
    description: 'Username of a new account (default: the part of the e-mail before @)',
  })
  parseUsername(value: string): string {
    return value;
  }

  private async registration(email: string, username?: string): Promise<RegisterUserDto> {
    const password = process.env[ADMIN_PASSWORD_VARIABLE] ?? (await promptHidden('Password: '));
    const registration = plainToInstance(RegisterUserDto, {
      email,
      username: username ?? email.split('@')[0],
      password,
    });
    const errors = await validate(registration);
    if (errors.length > 0) {
      const details = errors
        .map((error) => `${error.property} ${Object.values(error.constraints ?? {}).join(', ')}`)
        .join('; ');
      throw new Error(`Cannot create the account: ${details}`);
    }
    return registration;
  }
}

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Error(`No terminal to ask for a password: set ${ADMIN_PASSWORD_VARIABLE}`);
  }
  process.stdout.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await prompt.question('');
  } finally {
    prompt.close();
    process.stdout.write('\n');
  }
}
