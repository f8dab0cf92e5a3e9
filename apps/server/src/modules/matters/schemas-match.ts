/**
 * Compile-time only (nothing imports this file): each response schema has exactly the fields its
 * handler returns. The type provider already refuses a missing or mistyped field; this also
 * refuses an extra one, which zod would otherwise drop from the answer without a word.
 */
import type { z } from 'zod';
import type { presentCategory } from './presenter';
import type { follow, followById, publicView } from './public';
import type { detail, queue } from './queue';
import type { reportAsHandler, reportAsResident } from './report';
import type { revealContacts } from './reveal';
import type * as s from './schemas';
import type { transferTargets } from './transfer-targets';
import type { act } from './transition';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Exactly<Schema extends z.ZodType, F extends (...args: never[]) => unknown> = Same<z.output<Schema>, Awaited<ReturnType<F>>>;
type Holds<T extends true> = T;

export type ResponseSchemasMatch = [
  Holds<Exactly<typeof s.reportOut, typeof reportAsHandler>>,
  Holds<Exactly<typeof s.publicReportOut, typeof reportAsResident>>,
  Holds<Exactly<typeof s.queueOut, typeof queue>>,
  Holds<Exactly<typeof s.matterDetailOut, typeof detail>>,
  Holds<Exactly<typeof s.actionOut, typeof act>>,
  Holds<Exactly<typeof s.revealContactsOut, typeof revealContacts>>,
  Holds<Exactly<z.ZodArray<typeof s.transferTargetOut>, typeof transferTargets>>,
  Holds<Exactly<typeof s.categoryOut, typeof presentCategory>>,
  Holds<Exactly<typeof s.publicViewOut, typeof publicView>>,
  Holds<Exactly<typeof s.followOut, typeof follow>>,
  Holds<Exactly<typeof s.followByTokenOut, typeof followById>>,
];
