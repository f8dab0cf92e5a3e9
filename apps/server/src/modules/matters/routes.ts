import { type MatterAction, PHOTO_TYPES } from '@jiceng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import { type Ctx, requirePermission } from '../../platform/context';
import { fileResponse } from '../../platform/openapi';
import { loadHousehold } from '../households/access';
import * as categories from './categories';
import { householdReportToken, serverSecret } from './codes';
import * as queue from './queue';
import { reportAsHandler } from './report';
import { revealContacts } from './reveal';
import * as s from './schemas';
import { transferTargets } from './transfer-targets';
import { act } from './transition';

const tags = ['matters'];

const permissionFor = (action: MatterAction) => (action === 'dispatch' ? 'matter:dispatch' : 'matter:handle');

function takeAction(ctx: Ctx, id: number, body: z.output<typeof s.matterActionBody>) {
  requirePermission(ctx, permissionFor(body.action));
  const { version, ...command } = body;
  return act(ctx, id, command, version);
}

/** The handlers' side of the closed loop (logged-in users). */
export function matterRoutes(config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/matters',
      {
        config: { access: 'matter:report' },
        bodyLimit: 12 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Report a matter on behalf of a household or at a unit in scope',
          body: s.reportBody,
          response: { 201: s.reportOut },
        },
      },
      async (req, reply) => reply.status(201).send(await reportAsHandler(req.ctx, req.body)),
    );
    app.get(
      '/matters/queue',
      {
        config: { access: 'matter:read' },
        schema: {
          tags,
          summary: "The actor's queue, most urgent deadline first (keyset paging by `after`)",
          querystring: s.queueQuery,
          response: { 200: s.queueOut },
        },
      },
      (req) => queue.queue(req.ctx, req.query),
    );
    app.get(
      '/matters/report-link',
      {
        config: { access: 'household:read' },
        schema: {
          tags,
          summary: "A household's contact-card report link (/r/<token>)",
          querystring: z.object({ householdId: z.coerce.number().int().positive() }),
          response: { 200: s.reportLinkOut },
        },
      },
      async (req) => {
        await loadHousehold(req.ctx, req.query.householdId);
        const token = householdReportToken(serverSecret(config), req.query.householdId);
        return { token, url: `${config.publicUrl}/r/${token}` };
      },
    );
    app.get(
      '/matters/:id',
      {
        config: { access: 'matter:read' },
        schema: { tags, summary: 'A matter with its events, dispatches and photos', params: s.idParam, response: { 200: s.matterDetailOut } },
      },
      (req) => queue.detail(req.ctx, req.params.id),
    );
    app.post(
      '/matters/:id/reveal-contacts',
      {
        config: { access: 'pii:reveal' },
        schema: {
          tags,
          summary: "Full phones of a matter's reporter and followers (village and above; audited)",
          params: s.idParam,
          response: { 200: s.revealContactsOut },
        },
      },
      (req) => revealContacts(req.ctx, req.params.id),
    );
    app.get(
      '/matters/:id/photos/:photoId',
      {
        config: { access: 'matter:read' },
        schema: {
          tags,
          summary: 'A photo of a matter',
          params: s.idParam.extend({ photoId: z.coerce.number().int().positive() }),
          response: { 200: fileResponse('The image bytes', PHOTO_TYPES) },
        },
      },
      async (req, reply) => {
        const p = await queue.photo(req.ctx, req.params.id, req.params.photoId);
        return reply.header('content-type', p.mime).header('cache-control', 'private, max-age=3600').send(p.data);
      },
    );
    app.post(
      '/matters/:id/actions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Take an action with the version you saw: the body names the action and carries its own payload',
          params: s.idParam,
          body: s.matterActionBody,
          response: { 200: s.actionOut },
        },
      },
      async (req) => takeAction(req.ctx, req.params.id, req.body),
    );
    app.post(
      '/matters/:id/actions/:action',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Take an action (transmit, triage, accept, escalate, dispatch, resolve, feedback …) with the version you saw',
          params: s.actionParam,
          body: s.actionBody,
          response: { 200: s.actionOut },
        },
      },
      async (req) => {
        // Permission before the payload, as this route always answered; the path's action wins.
        requirePermission(req.ctx, permissionFor(req.params.action));
        return takeAction(req.ctx, req.params.id, s.matterActionBody.parse({ ...req.body, action: req.params.action }));
      },
    );
    app.get(
      '/matters/:id/transfer-targets',
      {
        config: { access: 'matter:handle' },
        schema: {
          tags,
          summary: 'Units a matter may be transferred to: villages, townships and the district of its district, searched by name or code',
          params: s.idParam,
          querystring: s.transferTargetsQuery,
          response: { 200: z.array(s.transferTargetOut) },
        },
      },
      (req) => transferTargets(req.ctx, req.params.id, req.query.q || undefined),
    );
    app.get(
      '/matter-categories',
      {
        config: { access: 'matter:config' },
        schema: { tags, summary: 'The whole category catalogue, inactive ones too', response: { 200: z.array(s.categoryOut) } },
      },
      (req) => categories.listCategories(req.ctx, true),
    );
    app.put(
      '/matter-categories/:code',
      {
        config: { access: 'matter:config' },
        schema: {
          tags,
          summary: 'Create or edit a category (names, active, time limits per urgency)',
          params: s.categoryParam,
          body: s.categoryBody,
          response: { 200: s.categoryOut },
        },
      },
      (req) => categories.putCategory(req.ctx, req.params.code, req.body),
    );
  };
}
