import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import { serverSecret } from '../matters/codes';
import * as s from './schemas';
import { similarMatters, similarMattersPublic } from './service';
import { warmUpText } from './text';

const tags = ['matters'];

export function similarRoutes(config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    // Once the server listens (never in tests, which inject): load the dictionaries off the first report's path.
    app.addHook('onListen', async () => {
      setTimeout(warmUpText, 200).unref();
    });
    app.post(
      '/matters/similar',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Open matters of the same village that may be the same problem',
          body: s.similarBody,
          response: { 200: z.array(s.similarOut) },
        },
      },
      (req) => similarMatters(req.ctx, req.body),
    );
    app.post(
      '/public/matters/similar',
      {
        // Each call costs a segmentation and an index lookup: limit what one address can ask.
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: "For the resident's report page: is it already reported? (no personal data)",
          body: s.similarBody,
          response: { 200: z.array(s.similarPublicOut) },
        },
      },
      (req) => similarMattersPublic(req.ctx, req.body, serverSecret(config)),
    );
  };
}
