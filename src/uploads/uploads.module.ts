import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Upload } from './entities/upload.entity.js';
import { ImageProcessor } from './image-processor.js';
import { storageDriverProvider } from './storage/storage.provider.js';
import { UploadsCleanupTask } from './uploads-cleanup.task.js';
import { UploadsController } from './uploads.controller.js';
import { UploadsService } from './uploads.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Upload])],
  controllers: [UploadsController],
  providers: [UploadsService, ImageProcessor, storageDriverProvider, UploadsCleanupTask],
  exports: [UploadsService],
})
export class UploadsModule {}
