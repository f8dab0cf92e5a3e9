import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';
import { localPathName } from '../org/lookup';
import * as householdLookup from '../households/lookup';
import * as categories from './categories';
import { serverSecret, verifyHouseholdReportToken, verifyMatterFollowToken } from './codes';
import * as pub from './public';
import { reportAsResident } from './report';
import * as s from './schemas';

const tags = ['public'];

/** Per-IP limits; JICENG_PUBLIC_RATE_LIMIT (reports per minute) lets a load test raise the intake limit. */
function limits(config: Config) {
  return { intake: config.publicRateLimit, read: config.publicRateLimit * 6 };
}

/** The resident's side: no account, a tracking code, rate-limited. */
export function publicMatterRoutes(config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    const secret = () => serverSecret(config);
    const l = limits(config);
    const write = { max: l.intake, timeWindow: '1 minute' };
    const read = { max: l.read, timeWindow: '1 minute' };
    app.get(
      '/public/categories',
      { config: { access: 'public', rateLimit: read }, schema: { tags, summary: 'Active matter categories', response: { 200: z.array(s.categoryOut) } } },
      (req) => categories.listCategories(req.ctx, false),
    );
    app.get(
      '/public/report-token/:token',
      {
        config: { access: 'public', rateLimit: read },
        schema: {
          tags,
          summary: 'Where a contact-card QR token reports to',
          params: z.object({ token: z.string().max(40) }),
          response: { 200: s.reportPlaceOut },
        },
      },
      async (req) => {
        const id = verifyHouseholdReportToken(secret(), req.params.token);
        const found = id === null ? null : await householdLookup.findHousehold(req.ctx, id);
        if (!found) throw new AppError('MATTER_REPORT_TOKEN', {}, { field: 'token' });
        return { unitCode: found.household.unitCode, unitName: found.unitName };
      },
    );
    app.get(
      '/public/report-units/:code',
      {
        config: { access: 'public', rateLimit: read },
        schema: {
          tags,
          summary: "Where a village's public report link (/report/<code>) reports to: its name from the village down",
          params: z.object({ code: z.string().regex(/^\d{12}(\d{2}){0,2}$/, '应为村、片或组的代码 / a village, zone or group code') }),
          response: { 200: s.reportPlaceOut },
          security: [],
        },
      },
      async (req) => {
        const unitName = await localPathName(req.ctx, req.params.code);
        if (!unitName) throw new AppError('UNIT_NOT_FOUND', { code: req.params.code }, { field: 'code' });
        return { unitCode: req.params.code, unitName };
      },
    );
    app.post(
      '/public/matters',
      {
        config: { access: 'public', rateLimit: write },
        bodyLimit: 12 * 1024 * 1024,
        schema: {
          tags,
          summary: 'A resident reports a problem (吹哨); answers the tracking code',
          body: s.publicReportBody,
          response: { 201: s.publicReportOut },
          security: [],
        },
      },
      async (req, reply) => reply.status(201).send(await reportAsResident(req.ctx, req.body, secret())),
    );
    app.get(
      '/public/matters/:trackingCode',
      {
        config: { access: 'public', rateLimit: read },
        schema: { tags, summary: "The resident's view of a matter", params: s.trackingParam, response: { 200: s.publicViewOut }, security: [] },
      },
      (req) => pub.publicView(req.ctx, req.params.trackingCode, secret()),
    );
    app.post(
      '/public/matters/:trackingCode/rating',
      {
        config: { access: 'public', rateLimit: write },
        schema: {
          tags,
          summary: 'Rate the answer; unsatisfied or not fixed reopens',
          params: s.trackingParam,
          body: s.ratingBody,
          response: { 200: s.publicViewOut },
          security: [],
        },
      },
      (req) => pub.rate(req.ctx, req.params.trackingCode, req.body),
    );
    app.post(
      '/public/matters/:trackingCode/reopen',
      {
        config: { access: 'public', rateLimit: write },
        schema: {
          tags,
          summary: 'Reopen within 7 days of the answer',
          params: s.trackingParam,
          body: s.reopenBody,
          response: { 200: s.publicViewOut },
          security: [],
        },
      },
      (req) => pub.reopen(req.ctx, req.params.trackingCode, req.body),
    );
    app.post(
      '/public/matters/:trackingCode/follow',
      {
        config: { access: 'public', rateLimit: write },
        schema: {
          tags,
          summary: 'Follow an existing matter instead of filing it again',
          params: s.trackingParam,
          body: s.followBody,
          response: { 200: s.followOut },
          security: [],
        },
      },
      (req) => pub.follow(req.ctx, req.params.trackingCode, req.body),
    );
    app.post(
      '/public/matters/follow',
      {
        config: { access: 'public', rateLimit: write },
        schema: {
          tags,
          summary: 'Follow a similar matter shown on the report page, by its followToken (its tracking code stays private)',
          body: s.followBody.extend({ followToken: z.string().min(1).max(40) }),
          response: { 200: s.followByTokenOut },
          security: [],
        },
      },
      (req) => {
        const id = verifyMatterFollowToken(secret(), req.body.followToken);
        if (!id) throw new AppError('NOT_FOUND', { what: 'followToken' }, { field: 'followToken' });
        return pub.followById(req.ctx, id, req.body);
      },
    );
  };
}
