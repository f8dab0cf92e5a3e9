import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { fileResponse } from '../../platform/openapi';
import { importRegister } from './import/service';
import { revealHousehold } from './reveal';
import { addResident, removeResident, updateResident } from './residents';
import * as s from './schemas';
import { getHousehold, listHouseholds, tierCounts } from './service';
import { exportRegister, templateWorkbook } from './spreadsheet';
import { changeTier, createHousehold, deleteHousehold, updateHousehold } from './write';

const tags = ['households'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

function attachment(reply: FastifyReply, filename: string) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin's routes accept multipart uploads, up to 20 MB (a district-sized village book is ~1 MB).
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });

  app.get(
    '/households',
    {
      config: { access: 'household:read' },
      schema: { tags, summary: 'Households in scope (masked), filtered and paged', querystring: s.listQuery, response: { 200: s.listOut } },
    },
    (req) => listHouseholds(req.ctx, req.query),
  );
  app.get(
    '/households/counts',
    {
      config: { access: 'household:read' },
      schema: { tags, summary: 'Households per tier for a unit and each of its children', querystring: s.countsQuery, response: { 200: s.countsOut } },
    },
    (req) => tierCounts(req.ctx, req.query.unitCode),
  );
  app.get(
    '/households/import/template',
    {
      config: { access: 'household:import' },
      schema: { tags, summary: 'The empty register template (xlsx)', response: { 200: fileResponse('The workbook', [XLSX]) } },
    },
    async (_req, reply) => attachment(reply, '民情台账导入模板.xlsx').send(await templateWorkbook()),
  );
  app.post(
    '/households/import',
    {
      config: { access: 'household:import' },
      schema: {
        tags,
        summary: 'Import a register (xlsx or csv, multipart field "file"); dryRun=true only checks',
        consumes: ['multipart/form-data'],
        querystring: s.importQuery,
        response: { 200: s.importOut },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('IMPORT_FILE_MISSING', {}, { field: 'file' });
      const file = await req.file();
      if (!file) throw new AppError('IMPORT_FILE_MISSING', {}, { field: 'file' });
      const buffer = await file.toBuffer();
      if (buffer.length === 0) throw new AppError('IMPORT_FILE_MISSING', {}, { field: 'file' });
      req.log.info({ bytes: buffer.length, filename: file.filename, unitCode: req.query.unitCode }, 'register import started');
      const result = await importRegister(
        req.ctx,
        { unitCode: req.query.unitCode, dryRun: req.query.dryRun === 'true', update: req.query.update === 'true', file: buffer, filename: file.filename },
        (p) => req.log.info(p, 'register import progress'),
      );
      req.log.info({ households: result.households, residents: result.residents, errors: result.errorCount }, 'register import finished');
      return result;
    },
  );
  app.get(
    '/households/export',
    {
      config: { access: 'household:read' },
      schema: {
        tags,
        summary: "A unit's register as xlsx (masked unless reveal=true by a pii:reveal role; audited)",
        querystring: s.exportQuery,
        response: { 200: fileResponse('The workbook', [XLSX]) },
      },
    },
    async (req, reply) => {
      const { stream, filename } = await exportRegister(req.ctx, { unitCode: req.query.unitCode, reveal: req.query.reveal === 'true' });
      return attachment(reply, filename).send(stream);
    },
  );
  app.post(
    '/households',
    {
      config: { access: 'household:write' },
      schema: { tags, summary: 'Register a household with its members', body: s.createBody, response: { 201: s.householdOut } },
    },
    async (req, reply) => reply.status(201).send(await createHousehold(req.ctx, req.body)),
  );
  app.get(
    '/households/:id',
    {
      config: { access: 'household:read' },
      schema: { tags, summary: 'A household with members and tier history (masked)', params: s.idParam, response: { 200: s.householdOut } },
    },
    (req) => getHousehold(req.ctx, req.params.id),
  );
  app.patch(
    '/households/:id',
    {
      config: { access: 'household:write' },
      schema: { tags, summary: 'Edit a household (or move it to another group)', params: s.idParam, body: s.updateBody, response: { 200: s.householdOut } },
    },
    (req) => updateHousehold(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/households/:id',
    {
      config: { access: 'household:write' },
      schema: { tags, summary: 'Remove a household from the register', params: s.idParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteHousehold(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/households/:id/tier',
    {
      config: { access: 'household:write' },
      schema: { tags, summary: 'Change the tier with a reason (history + audit)', params: s.idParam, body: s.tierBody, response: { 200: s.householdOut } },
    },
    (req) => changeTier(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/households/:id/reveal',
    {
      config: { access: 'pii:reveal' },
      schema: { tags, summary: 'Full ID numbers and phones of a household (audited)', params: s.idParam, body: s.revealBody, response: { 200: s.revealOut } },
    },
    (req) => revealHousehold(req.ctx, req.params.id, req.body ?? {}),
  );
  app.post(
    '/households/:id/residents',
    {
      config: { access: 'household:write' },
      schema: { tags, summary: 'Add a member', params: s.idParam, body: s.residentIn, response: { 201: s.householdOut } },
    },
    async (req, reply) => reply.status(201).send(await addResident(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/households/:id/residents/:residentId',
    {
      config: { access: 'household:write' },
      schema: { tags, summary: 'Edit a member', params: s.residentParam, body: s.residentPatch, response: { 200: s.householdOut } },
    },
    (req) => updateResident(req.ctx, req.params.id, req.params.residentId, req.body),
  );
  app.delete(
    '/households/:id/residents/:residentId',
    {
      config: { access: 'household:write' },
      schema: { tags, summary: 'Remove a member (not the head)', params: s.residentParam, response: { 200: s.householdOut } },
    },
    (req) => removeResident(req.ctx, req.params.id, req.params.residentId),
  );
};
