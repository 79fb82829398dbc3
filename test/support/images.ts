import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * Test images made on the fly (nothing binary is committed): real images in
 * every accepted format, and the hostile files an upload endpoint must refuse.
 */

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } });

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>xmp-secret-creator</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

/**
 * A 2000×1500 JPEG stored sideways (EXIF orientation 6, so it displays as
 * 1500×2000) carrying personal EXIF data, GPS coordinates, XMP and an ICC profile.
 */
export function jpegWithLocation(): Promise<Buffer> {
  return solid(2000, 1500)
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'exif-secret-owner', Artist: 'Jake' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 3/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .withXmp(XMP)
    .toBuffer();
}

export const smallImage = {
  jpeg: () => solid(320, 240).jpeg().toBuffer(),
  png: () => solid(320, 240).png().toBuffer(),
  webp: () => solid(320, 240).webp().toBuffer(),
  gif: () => solid(320, 240).gif().toBuffer(),
  avif: () => solid(320, 240).avif().toBuffer(),
};

/** Random pixels compress badly: a 1600×1200 JPEG whose variants weigh megabytes. */
export function noisyJpeg(): Promise<Buffer> {
  return sharp(randomBytes(1600 * 1200 * 3), { raw: { width: 1600, height: 1200, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export const PHP_PAYLOAD = '<?php system($_GET["cmd"]); ?>';

/** A PHP web shell, to be sent as `avatar.jpg` with `Content-Type: image/jpeg`. */
export const phpScript = () => Buffer.from(`${PHP_PAYLOAD}\n`.repeat(200));

/** SVG can carry script; it is not an accepted format. */
export const svgWithScript = () =>
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(document.cookie)">' +
      '<script>alert(1)</script><rect width="10" height="10"/></svg>',
  );

/** Starts with GIF magic bytes but is JavaScript (the classic GIFAR/JS polyglot). */
export const gifJavascriptPolyglot = () =>
  Buffer.from(`GIF89a/*${' '.repeat(5000)}*/=1;alert(document.domain);//`);

/** A valid JPEG followed by a PHP script and a ZIP archive's signature: decodes fine as an image. */
export async function jpegPhpZipPolyglot(): Promise<Buffer> {
  const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  return Buffer.concat([await smallImage.jpeg(), Buffer.from(PHP_PAYLOAD), zipHeader]);
}

/**
 * A tiny PNG whose header claims 100000×100000 pixels (10 gigapixels): what a
 * decompression bomb looks like before decoding.
 */
export async function pngClaimingHugeDimensions(): Promise<Buffer> {
  const png = Buffer.from(await solid(1, 1).png().toBuffer());
  // IHDR: length (4) + "IHDR" (4) at offset 8; width and height follow, then the chunk's CRC.
  png.writeUInt32BE(100_000, 16);
  png.writeUInt32BE(100_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

/** A real 8000×7000 (56 megapixel) PNG of one colour: small on the wire, huge once decoded. */
export function pngOverPixelLimit(): Promise<Buffer> {
  return solid(8000, 7000).png({ compressionLevel: 9 }).toBuffer();
}

/** `bytes` long: JPEG magic bytes followed by filler. */
export function oversizedJpeg(bytes: number): Buffer {
  const file = Buffer.alloc(bytes, 0x41);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(file);
  return file;
}
