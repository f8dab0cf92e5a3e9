import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '@jiceng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../../platform/openapi';
import * as s from './schemas';
import * as service from './service';

const tags = ['visits'];

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  // Photos arrive as the raw image body (what a phone's fetch sends most cheaply); the bytes
  // are checked against the declared type in the service. Scoped to this plugin.
  app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.get(
    '/visits/mine',
    {
      config: { access: 'visit:write' },
      schema: { tags, summary: "The logged-in representative's visits due today and overdue, most urgent first", response: { 200: s.mineOut } },
    },
    (req) => service.myVisits(req.ctx),
  );
  app.post(
    '/visits',
    {
      config: { access: 'visit:write' },
      schema: {
        tags,
        summary: 'Log a visit (idempotent by clientKey: 201 created, 200 when the key was already used)',
        body: s.visitBody,
        response: { 200: s.visitOut, 201: s.visitOut },
      },
    },
    async (req, reply) => {
      const { created, visit } = await service.logVisit(req.ctx, req.body);
      return reply.status(created ? 201 : 200).send(visit);
    },
  );
  app.get(
    '/visits',
    {
      config: { access: 'visit:read' },
      schema: { tags, summary: "A household's visits, newest first", querystring: s.historyQuery, response: { 200: s.historyOut } },
    },
    (req) => service.listVisits(req.ctx, req.query),
  );
  app.post(
    '/visits/:id/photo',
    {
      config: { access: 'visit:write' },
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags,
        summary: 'Attach a photo (body: the JPEG, PNG or WebP bytes, at most 5 MB; the same bytes twice are stored once)',
        params: s.idParam,
        response: { 200: s.photoUploadOut, 201: s.photoUploadOut },
      },
    },
    async (req, reply) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const out = await service.addPhoto(req.ctx, req.params.id, {
        contentType:
          String(req.headers['content-type'] ?? '')
            .split(';')[0]
            ?.trim() ?? '',
        bytes,
      });
      return reply.status(out.created ? 201 : 200).send(out);
    },
  );
  app.get(
    '/visits/:id/photos/:photoId',
    {
      config: { access: 'visit:read' },
      schema: { tags, summary: 'A visit photo (the image bytes)', params: s.photoParam, response: { 200: fileResponse('The image bytes', PHOTO_TYPES) } },
    },
    async (req, reply) => {
      const photo = await service.getPhoto(req.ctx, req.params.id, req.params.photoId);
      return reply.type(photo.mimeType).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(photo.data);
    },
  );
  app.get(
    '/visits/overdue',
    {
      config: { access: 'visit:read' },
      schema: { tags, summary: 'Overdue households in a unit, reds first', querystring: s.overdueQuery, response: { 200: s.overdueOut } },
    },
    (req) => service.listOverdue(req.ctx, req.query),
  );
  app.get(
    '/visits/summary',
    {
      config: { access: 'visit:read' },
      schema: { tags, summary: 'Visit completion and overdue figures per child unit and tier', querystring: s.unitQuery, response: { 200: s.summaryOut } },
    },
    (req) => service.summary(req.ctx, req.query.unitCode),
  );
  app.get(
    '/visits/cadence/:unitCode',
    {
      config: { access: 'visit:read' },
      schema: { tags, summary: "A township's or village's visit cadence (own and effective)", params: s.cadenceParam, response: { 200: s.cadenceOut } },
    },
    (req) => service.getCadence(req.ctx, req.params.unitCode),
  );
  app.put(
    '/visits/cadence/:unitCode',
    {
      config: { access: 'linkage:write' },
      schema: { tags, summary: "Set a township's or village's visit cadence", params: s.cadenceParam, body: s.cadence, response: { 200: s.cadenceOut } },
    },
    (req) => service.putCadence(req.ctx, req.params.unitCode, req.body),
  );
  app.delete(
    '/visits/cadence/:unitCode',
    {
      config: { access: 'linkage:write' },
      schema: { tags, summary: "Remove a unit's own cadence (the township's or the default applies)", params: s.cadenceParam, response: { 200: s.cadenceOut } },
    },
    (req) => service.deleteCadence(req.ctx, req.params.unitCode),
  );
};
