import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { User } from '../users/entities/user.entity.js';
import { RecoveryCode } from './entities/recovery-code.entity.js';
import { TwoFactor } from './entities/two-factor.entity.js';
import { SecretCipher } from './secret-cipher.js';
import { TwoFactorController } from './two-factor.controller.js';
import { TwoFactorService } from './two-factor.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([TwoFactor, RecoveryCode, User]), AuthModule],
  controllers: [TwoFactorController],
  providers: [TwoFactorService, SecretCipher],
  exports: [TwoFactorService],
})
export class TwoFactorModule {}
