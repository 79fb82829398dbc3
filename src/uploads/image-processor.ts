import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { Semaphore } from '../common/concurrency/semaphore.js';
import {
  DomainError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../common/errors/domain-errors.js';
import type { AllConfig } from '../config/config.type.js';
import type { ImageFormat } from './entities/upload.entity.js';

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

export const FILE_EXTENSIONS: Record<ImageFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
};

const FORMAT_BY_CONTENT_TYPE = new Map(
  Object.entries(CONTENT_TYPES).map(([format, type]) => [type, format as ImageFormat]),
);

/** Enough leading bytes for `file-type` to recognise every accepted format. */
export const SNIFF_BYTES = 4100;

const UNSUPPORTED = 'must be a JPEG, PNG, WebP, GIF or AVIF image';

/** Re-encoders per output format; no metadata is carried over (sharp's default). */
const ENCODERS: Record<ImageFormat, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 82, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9 }),
  webp: (image) => image.webp({ quality: 80 }),
  gif: (image) => image.gif(),
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
};

export interface RenderedVariant {
  format: ImageFormat;
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  format: ImageFormat;
  width: number;
  height: number;
  variants: RenderedVariant[];
}

/**
 * Turns untrusted bytes into clean images. The type is read from the bytes
 * (never a name or a declared type) and must match what the decoder sees;
 * pixel dimensions are checked from the header before anything is decoded;
 * every variant is re-encoded from pixels, with orientation applied and all
 * metadata (EXIF, GPS, XMP, ICC, comments) and any trailing payload gone.
 *
 * sharp works on libuv's thread pool, off the event loop; a semaphore caps
 * how many images are processed at once so that a burst queues instead of
 * occupying every pool thread (which password hashing and file I/O share).
 */
@Injectable()
export class ImageProcessor {
  private readonly slots: Semaphore;
  private readonly maxPixels: number;
  private readonly widths: number[];

  constructor(config: ConfigService<AllConfig, true>) {
    const media = config.getOrThrow('media', { infer: true });
    this.slots = new Semaphore(media.processingConcurrency);
    this.maxPixels = media.maxPixels;
    this.widths = media.variantWidths;
  }

  /** The format the bytes really are; 415 unless it is an accepted image format. */
  async detectFormat(bytes: Buffer): Promise<ImageFormat> {
    const type = await fileTypeFromBuffer(bytes);
    const format = type && FORMAT_BY_CONTENT_TYPE.get(type.mime);
    if (!format) throw new UnsupportedMediaTypeError('file', UNSUPPORTED);
    return format;
  }

  /** Checks and re-encodes an image into its variants, waiting for a free processing slot. */
  process(input: Buffer): Promise<ProcessedImage> {
    return this.slots.run(() => this.render(input));
  }

  private async render(input: Buffer): Promise<ProcessedImage> {
    const format = await this.detectFormat(input);
    const options: SharpOptions = {
      limitInputPixels: this.maxPixels,
      failOn: 'error',
      autoOrient: true,
    };
    try {
      // The header alone, read without the pixel limit so that a bomb gets a clear answer.
      const metadata = await sharp(input, { ...options, limitInputPixels: false }).metadata();
      if (decodedFormat(metadata) !== format)
        throw new UnsupportedMediaTypeError('file', UNSUPPORTED);
      // A decompression bomb is refused before a single pixel is decoded.
      const { width, height } = metadata.autoOrient;
      if (width * height > this.maxPixels) {
        throw new PayloadTooLargeError(
          'file',
          `has too many pixels (maximum is ${this.maxPixels}, this image has ${width}×${height})`,
        );
      }
      const image = sharp(input, options);
      const variants: RenderedVariant[] = [];
      // One at a time: this image holds one slot, and so at most one pool thread.
      for (const targetWidth of new Set(this.widths.map((wanted) => Math.min(wanted, width)))) {
        for (const outputFormat of new Set<ImageFormat>(['webp', format])) {
          const resized = image.clone().resize({ width: targetWidth, withoutEnlargement: true });
          const { data, info } = await ENCODERS[outputFormat](resized).toBuffer({
            resolveWithObject: true,
          });
          variants.push({ format: outputFormat, width: info.width, height: info.height, data });
        }
      }
      return { format, width, height, variants };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // Magic bytes right but no decodable image behind them (truncated, corrupt, a polyglot).
      throw new UnsupportedMediaTypeError('file', 'could not be decoded as an image');
    }
  }
}

/** sharp names AVIF `heif` (the container) with AV1 compression. */
function decodedFormat(metadata: Metadata): string | undefined {
  return metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format;
}
