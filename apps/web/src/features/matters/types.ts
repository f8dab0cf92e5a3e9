import type { MatterAction } from '@jiceng/shared/matters/machine';
import type { MatterState, Urgency } from '@jiceng/shared/matters/states';

/** Shapes of the matters API (apps/server/src/modules/matters/presenter.ts). */
export interface Reporter {
  kind: 'resident' | 'representative' | 'cadre' | 'api';
  hidden: boolean;
  name: string | null;
  phone: string | null;
}

export interface MatterSummary {
  id: number;
  trackingCode: string;
  unitCode: string;
  unitName: string | null;
  categoryCode: string;
  urgency: Urgency;
  state: MatterState;
  description: string;
  responsibleUnitCode: string;
  responsibleUnitName: string | null;
  transferToUnitCode: string | null;
  stageDeadline: string | null;
  respondBy: string | null;
  resolveBy: string | null;
  overdue: boolean;
  paused: boolean;
  reporter: Reporter;
  createdAt: string;
  version: number;
}

export interface Dispatch {
  departmentId: number;
  departmentName: string;
  role: 'lead' | 'cooperate';
  active: boolean;
  dispatchedAt: string;
  checkInBy: string;
  checkedInAt: string | null;
  replyBy: string;
  repliedAt: string | null;
  reply: string | null;
  overdue: boolean;
}

export interface MatterEvent {
  id: number;
  action: string;
  fromState: MatterState | null;
  toState: MatterState;
  actorKind: string;
  actorUserId: number | null;
  actorUnitCode: string | null;
  note: string | null;
  publicNote: string | null;
  at: string;
  data: Record<string, unknown> | null;
}

export interface MatterDetail extends MatterSummary {
  householdId: number | null;
  settledLevel: string | null;
  pausedAt: string | null;
  pausedReason: string | null;
  mergedIntoId: number | null;
  resolution: string | null;
  resolvedAt: string | null;
  feedbackMessage: string | null;
  answeredAt: string | null;
  rating: { satisfaction: string; fixed: string; comment: string | null; at: string } | null;
  closeReason: string | null;
  reopenCount: number;
  followerCount: number;
  /** Followers other than the reporter who left a phone (what the reveal would add). */
  followerPhones: number;
  /** Phones or ID numbers in the texts were masked; the audited reveal shows them. */
  textsMasked: boolean;
  /** What this user may do now, decided by the server's policy (the web shows exactly these). */
  allowedActions: MatterAction[];
  photos: { id: number; mime: string; size: number; url: string }[];
  dispatches: Dispatch[];
  events: MatterEvent[];
}

export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultUrgency: Urgency;
}

export interface SimilarMatter {
  id: number;
  trackingCode: string;
  unitCode: string;
  categoryName: string;
  state: MatterState;
  description: string;
  createdAt: string;
  score: number;
}
