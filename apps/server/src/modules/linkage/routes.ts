import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as s from './schemas';
import * as service from './service';

const tags = ['linkage'];

export const linkageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/linkage/propose',
    {
      config: { access: 'linkage:write' },
      schema: { tags, summary: "Propose links for a village's households (nothing is written)", body: s.proposeBody, response: { 200: s.proposalOut } },
    },
    (req) => service.propose(req.ctx, req.body),
  );
  app.post(
    '/linkage/apply',
    {
      config: { access: 'linkage:write' },
      schema: { tags, summary: 'Apply household → representative links in one transaction', body: s.applyBody, response: { 200: s.applyOut } },
    },
    (req) => service.apply(req.ctx, req.body),
  );
  app.post(
    '/linkage/handover',
    {
      config: { access: 'linkage:write' },
      schema: { tags, summary: "Move all of a representative's households to another", body: s.handoverBody, response: { 200: s.handoverOut } },
    },
    (req) => service.handover(req.ctx, req.body),
  );
  app.get(
    '/linkage/coverage',
    {
      config: { access: 'household:read' },
      schema: { tags, summary: 'Linked and unlinked households per child unit and tier', querystring: s.unitQuery, response: { 200: s.coverageOut } },
    },
    (req) => service.coverage(req.ctx, req.query.unitCode),
  );
  app.get(
    '/linkage/unlinked',
    {
      config: { access: 'household:read' },
      schema: { tags, summary: 'Households without a representative (red first)', querystring: s.unlinkedQuery, response: { 200: s.unlinkedOut } },
    },
    (req) => service.listUnlinked(req.ctx, req.query),
  );
  app.get(
    '/linkage/:householdId',
    {
      config: { access: 'household:read' },
      schema: { tags, summary: "A household's representative and link history", params: s.householdIdParam, response: { 200: s.linkageOut } },
    },
    (req) => service.getLinkage(req.ctx, req.params.householdId),
  );
  app.put(
    '/linkage/:householdId',
    {
      config: { access: 'linkage:write' },
      schema: {
        tags,
        summary: 'Link a household to a representative, or (null) unlink it',
        params: s.householdIdParam,
        body: s.reassignBody,
        response: { 200: s.linkageOut },
      },
    },
    (req) => service.reassign(req.ctx, req.params.householdId, req.body),
  );
};
