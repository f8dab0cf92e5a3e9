import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';
import { serverSecret } from '../matters/codes';
import { contentType, errorBody, type Format, formatOf, Open311Error, toXml } from './format';
import * as service from './service';

const read = { max: 120, timeWindow: '1 minute' };
const write = { max: 20, timeWindow: '1 minute' };

function requestFormat(req: FastifyRequest): Format {
  return /\.xml(\?|$)/.test(req.url) ? 'xml' : 'json';
}

function send(reply: FastifyReply, format: Format, root: string, item: string, data: unknown, status = 200) {
  return reply
    .status(status)
    .type(contentType(format))
    .send(format === 'xml' ? toXml(root, item, data) : JSON.stringify(data));
}

/**
 * Open311 GeoReport v2 at /open311/v2 (outside /api: its own error format, API keys instead of
 * sessions). Bodies may be form-encoded (as the spec says) or JSON.
 */
export const open311Routes =
  (config: Config): FastifyPluginAsync =>
  async (app) => {
    // Public request ids are sealed with the server secret (matters/public-ids.ts).
    const secret = () => serverSecret(config);
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    app.setErrorHandler((err: FastifyError, req, reply) => {
      const format = requestFormat(req);
      let code = 500;
      let description = 'internal error';
      if (err instanceof Open311Error) ({ code, description } = err);
      else if (err instanceof AppError && err.status < 500) ({ status: code, message: description } = err);
      else if (err.statusCode === 429) [code, description] = [429, 'too many requests; try again later'];
      else if (err.statusCode && err.statusCode < 500) [code, description] = [err.statusCode, err.message];
      else req.log.error({ err }, 'open311 request failed');
      reply
        .status(code)
        .type(contentType(format))
        .send(errorBody(format, [{ code, description }]));
    });
    // A catch-all here (not setNotFoundHandler): the web app's own catch-all would answer first.
    app.all('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const format = requestFormat(req);
      return reply
        .status(404)
        .type(contentType(format))
        .send(errorBody(format, [{ code: 404, description: `no such Open311 endpoint: ${req.method} ${req.url.split('?')[0]}` }]));
    });

    type P = { Params: { format: string; code?: string; id?: string; token?: string }; Querystring: Record<string, unknown>; Body: unknown };
    // Reads are public (GeoReport v2); posting a request needs an api_key, which the service resolves.
    const cfg = (rateLimit: typeof read, access: 'public' | 'apiKey' = 'public') => ({ config: { access, rateLimit }, schema: { hide: true } });

    app.get<P>('/services.:format', cfg(read), async (req, reply) => {
      const format = formatOf(req.params.format);
      return send(reply, format, 'services', 'service', await service.services(req.ctx));
    });
    app.get<P>('/services/:code.:format', cfg(read), async (req, reply) => {
      const format = formatOf(req.params.format);
      return send(reply, format, 'service_definition', 'service_definition', await service.serviceDefinition(req.ctx, req.params.code as string));
    });
    app.post<P>('/requests.:format', cfg(write, 'apiKey'), async (req, reply) => {
      const format = formatOf(req.params.format);
      const body = { ...(req.query ?? {}), ...((req.body ?? {}) as Record<string, unknown>) };
      return send(reply, format, 'service_requests', 'request', await service.createRequest(req.ctx, body, secret()), 201);
    });
    app.get<P>('/requests.:format', cfg(read), async (req, reply) => {
      const format = formatOf(req.params.format);
      return send(reply, format, 'service_requests', 'request', await service.listRequests(req.ctx, req.query, secret()));
    });
    app.get<P>('/requests/:id.:format', cfg(read), async (req, reply) => {
      const format = formatOf(req.params.format);
      return send(reply, format, 'service_requests', 'request', await service.getRequest(req.ctx, req.params.id as string, req.query, secret()));
    });
    app.get<P>('/tokens/:token.:format', cfg(read), async (req, reply) => {
      const format = formatOf(req.params.format);
      return send(reply, format, 'service_requests', 'request', await service.tokenLookup(req.ctx, req.params.token as string, secret()));
    });
  };
