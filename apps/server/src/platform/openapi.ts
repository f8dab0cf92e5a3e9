import type { Readable } from 'node:stream';
import { z } from 'zod';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Fastify sends Buffers, streams and strings with their own content type as they are, so these
// schemas only document the answer (`format: binary` for bytes) and never serialize it.
const bytes = z.custom<Buffer | Readable>(() => true).meta({ type: 'string', format: 'binary' });
const text = z.custom<string>(() => true).meta({ type: 'string' });

/**
 * A 2xx answer that is a file, an image or a page, declared by its media types in the OpenAPI
 * document (platform/openapi.api.test.ts requires a JSON schema or this on every /api operation).
 */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  return { description, content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: t.startsWith('text/') ? text : bytes }])) };
}
