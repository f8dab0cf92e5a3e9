import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as departments from './departments';
import * as s from './schemas';
import * as service from './service';

const tags = ['org'];
const idParam = z.object({ id: z.coerce.number().int().positive() });

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      config: { access: 'unit:read' },
      schema: { tags, summary: "Search units in scope (or list the actor's own unit)", querystring: s.searchQuery, response: { 200: z.array(s.unitSummary) } },
    },
    (req) => service.searchUnits(req.ctx, req.query.q, req.query.limit),
  );
  app.get(
    '/units/:code',
    { config: { access: 'unit:read' }, schema: { tags, summary: 'A unit with its children', params: s.unitCodeParam, response: { 200: s.unitOut } } },
    (req) => service.getUnit(req.ctx, req.params.code),
  );
  app.post(
    '/units',
    {
      config: { access: 'unit:write' },
      schema: { tags, summary: 'Create a zone (under a village) or a group (under a zone)', body: s.createUnitBody, response: { 201: s.unitOut } },
    },
    async (req, reply) => reply.status(201).send(await service.createUnit(req.ctx, req.body)),
  );
  app.patch(
    '/units/:code',
    {
      config: { access: 'unit:write' },
      schema: { tags, summary: 'Rename a zone or group', params: s.unitCodeParam, body: s.renameUnitBody, response: { 200: s.unitOut } },
    },
    (req) => service.renameUnit(req.ctx, req.params.code, req.body),
  );
  app.delete(
    '/units/:code',
    { config: { access: 'unit:write' }, schema: { tags, summary: 'Delete an empty zone or group', params: s.unitCodeParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteUnit(req.ctx, req.params.code);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/units/:code/move',
    {
      config: { access: 'unit:write' },
      schema: { tags, summary: 'Move a group to another zone of its village', params: s.unitCodeParam, body: s.moveGroupBody, response: { 200: s.unitOut } },
    },
    (req) => service.moveGroup(req.ctx, req.params.code, req.body),
  );
  app.put(
    '/units/:code/leader',
    {
      config: { access: 'unit:appoint' },
      schema: {
        tags,
        summary: 'Appoint, replace or (null) vacate the leader of a zone or group',
        params: s.unitCodeParam,
        body: s.leaderBody,
        response: { 200: s.unitOut },
      },
    },
    (req) => service.appointLeader(req.ctx, req.params.code, req.body),
  );

  const dtags = ['departments'];
  app.get(
    '/departments',
    {
      config: { access: 'unit:read' },
      schema: {
        tags: dtags,
        summary: 'Departments in scope',
        querystring: z.object({ unitCode: s.unitCodeParam.shape.code.optional() }),
        response: { 200: z.array(s.departmentOut) },
      },
    },
    (req) => departments.listDepartments(req.ctx, req.query.unitCode),
  );
  app.post(
    '/departments',
    {
      config: { access: 'department:write' },
      schema: { tags: dtags, summary: 'Create a department of a district or township', body: s.departmentBody, response: { 201: s.departmentOut } },
    },
    async (req, reply) => reply.status(201).send(await departments.createDepartment(req.ctx, req.body)),
  );
  app.patch(
    '/departments/:id',
    { config: { access: 'department:write' }, schema: { tags: dtags, params: idParam, body: s.departmentPatch, response: { 200: s.departmentOut } } },
    (req) => departments.updateDepartment(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/departments/:id',
    { config: { access: 'department:write' }, schema: { tags: dtags, params: idParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await departments.deleteDepartment(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
