import { hasMaskableText } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { loadVisible } from './access';
import { canRevealContacts } from './policy';
import * as repo from './repository';

/**
 * The full phones (and names) of a matter's reporter and of the residents following it, so a
 * handler can call them back, and the matter's texts as written (the detail masks phones and ID
 * numbers typed into them). Only pii:reveal roles whose unit covers the matter's place (the
 * village and above, never a department or a representative); the audit row commits with the read.
 */
export async function revealContacts(ctx: Ctx, id: number) {
  const actor = requirePermission(ctx, 'pii:reveal');
  return inTransaction(ctx, async (tx) => {
    const m = await loadVisible(tx, id);
    if (!canRevealContacts(actor, m)) throw new AppError('OUT_OF_SCOPE', { what: '该事项', whatEn: 'This matter' }, { field: 'id' });
    const followers = (await repo.listFollowers(tx.db, [m.id])).filter((f) => f.kind !== 'reporter' && f.phone);
    const events = await repo.listEvents(tx.db, m.id);
    const texts = {
      description: m.description,
      resolution: m.resolution,
      feedbackMessage: m.feedbackMessage,
      closeReason: m.closeReason,
      events: events.filter((e) => hasMaskableText(e.note) || hasMaskableText(e.publicNote)).map((e) => ({ id: e.id, note: e.note, publicNote: e.publicNote })),
    };
    const textsRevealed = texts.events.length > 0 || [m.description, m.resolution, m.feedbackMessage, m.closeReason].some(hasMaskableText);
    await recordAudit(tx, {
      action: 'pii.reveal',
      entityType: 'matter',
      entityId: m.id,
      unitCode: m.unitCode,
      after: {
        fields: ['reporterPhone', ...(followers.length ? ['followerPhones'] : []), ...(textsRevealed ? ['texts'] : [])],
        trackingCode: m.trackingCode,
      },
    });
    return {
      matterId: m.id,
      reporter: { name: m.reporterName, phone: m.reporterPhone },
      followers: followers.map((f) => ({ name: f.name, phone: f.phone as string, kind: f.kind })),
      texts,
    };
  });
}
