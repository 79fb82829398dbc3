import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../../config/config.type.js';
import { LocalStorageDriver } from './local-storage.driver.js';
import { S3StorageDriver } from './s3-storage.driver.js';
import { StorageDriver } from './storage-driver.js';

/** The `StorageDriver` adapter named by `STORAGE_DRIVER`. */
export const storageDriverProvider: Provider = {
  provide: StorageDriver,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AllConfig, true>): StorageDriver => {
    const media = config.getOrThrow('media', { infer: true });
    switch (media.driver) {
      case 's3':
        return new S3StorageDriver(media.s3, media.publicUrl);
      case 'local':
        return new LocalStorageDriver(media.localDirectory, media.publicUrl);
    }
  },
};
