import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  DomainError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
} from '../common/errors/domain-errors.js';
import { BLANK } from '../common/validation/messages.js';

export interface IncomingFileRules {
  maxBytes: number;
  /** Bytes needed by `checkHead`; it runs as soon as that many have arrived. */
  headBytes: number;
  /** Throws to refuse the file from its first bytes. */
  checkHead: (head: Buffer) => Promise<unknown>;
}

/** Room for the multipart framing and the few small fields allowed beside the file. */
const FRAMING_BYTES = 64 * 1024;

/** Where a service gets the uploaded bytes from, under its rules. */
export type ReceiveFile = (rules: IncomingFileRules) => Promise<Buffer>;

/**
 * Reads the single file of a `multipart/form-data` request. Its size is
 * counted while it streams in: past `maxBytes` nothing more is kept and the
 * answer is 413; a file whose first bytes fail `checkHead` keeps nothing at
 * all. The rest of a refused body is drained, not stored, so the client
 * still receives the answer.
 */
export async function readMultipartFile(
  request: FastifyRequest,
  { maxBytes, headBytes, checkHead }: IncomingFileRules,
): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError(
      'body',
      'must be multipart/form-data with the image in "file"',
    );
  }
  // A body announced far over the limit is refused before a byte of it is stored. It is still
  // read and dropped, else a client that finishes sending before it reads would wait forever;
  // most stop sending once the answer arrives.
  if (Number(request.headers['content-length']) > maxBytes + FRAMING_BYTES) {
    request.raw.resume();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let headChecked = false;
  let refusal: unknown;
  let truncated = false;
  try {
    const part = await request.file({
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
      throwFileSizeLimit: false,
    });
    if (!part) throw ValidationFailedError.field('file', BLANK);
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      if (refusal) continue;
      chunks.push(chunk);
      size += chunk.length;
      if (!headChecked && size >= headBytes) {
        headChecked = true;
        refusal = await checkHead(Buffer.concat(chunks)).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (refusal) chunks.length = 0;
      }
    }
    truncated = part.file.truncated;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new BadRequestException('the multipart body is malformed');
  }
  if (refusal) throw refusal;
  if (truncated) throw tooLarge(maxBytes);
  const file = Buffer.concat(chunks);
  if (!headChecked) await checkHead(file);
  return file;
}

function tooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError('file', `is too large (maximum is ${maxBytes} bytes)`);
}
