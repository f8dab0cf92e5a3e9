/**
 * The demo sample's matters: seven stories through the closed loop, each step taken by the demo
 * account whose role takes it in real use, so every matter ends in a different state.
 */
import type { MatterCommand, MatterState, Urgency } from '@jiceng/shared';
import type { ManualClock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import * as matterPublic from '../matters/public';
import { queue } from '../matters/queue';
import { reportAsHandler, reportAsResident } from '../matters/report';
import { act } from '../matters/transition';
import type { SampleHousehold } from './sample-register';
import { DEMO_VILLAGE } from './seed';

const HOUR = 3_600_000;

/** One thing that happened, at its time in the story. */
export interface Step {
  at: Date;
  run: () => Promise<void>;
}

export interface Story {
  clock: ManualClock;
  /** A context acting as a demo account (null: a resident without an account). */
  as(username: string | null): Promise<Ctx>;
  households: Map<number, { id: number; sample: SampleHousehold }>;
}

/** One matter's story: who reports it, then who does what, each so many hours before "now". */
interface MatterStory {
  report: {
    hoursAgo: number;
    by: string | null;
    unitSuffix?: string;
    household?: number;
    categoryCode: string;
    urgency?: Urgency;
    description: string;
    reporterName?: string;
    reporterPhone?: string;
  };
  steps: { hoursAgo: number; by: string | null; cmd: MatterCommand }[];
}

const MATTERS: MatterStory[] = [
  // reported: a resident's fresh report, waiting for the group.
  {
    report: {
      hoursAgo: 2,
      by: null,
      unitSuffix: '0102',
      categoryCode: 'infrastructure',
      description: '二组到村委会的水泥路被拉沙的大车压坏了一段，下雨积水，骑摩托车容易滑倒',
      reporterName: '刘先生',
      reporterPhone: '13988741234',
    },
    steps: [],
  },
  // transmitted: a representative passed on a household's problem.
  {
    report: {
      hoursAgo: 5,
      by: 'representative2',
      household: 20,
      categoryCode: 'utilities',
      description: '地河三组自来水这几天水压很小，住在坡上的几户白天接不到水',
    },
    steps: [],
  },
  // dispatched: beyond the village, the township sends the district housing bureau (checked in).
  {
    report: {
      hoursAgo: 30,
      by: 'village',
      household: 35,
      categoryCode: 'housing',
      description: '新村组这户房屋墙体出现贯穿裂缝，雨季有倒塌危险，需要鉴定并纳入危房改造',
    },
    steps: [
      { hoursAgo: 28, by: 'village', cmd: { action: 'escalate', reason: '危房鉴定和改造需乡里协调住建部门' } },
      { hoursAgo: 24, by: 'township', cmd: { action: 'accept', note: '乡村建设服务中心跟进' } },
      { hoursAgo: 22, by: 'township', cmd: { action: 'dispatch', leadDepartmentId: 0, note: '请区住建局安排房屋安全鉴定' } },
      { hoursAgo: 20, by: 'department', cmd: { action: 'checkIn', note: '已安排鉴定人员，两日内入户' } },
    ],
  },
  // accepted: the village took it on.
  {
    report: {
      hoursAgo: 50,
      by: 'village',
      unitSuffix: '0201',
      categoryCode: 'environment',
      description: '小河边组河道里垃圾堆积，天热有异味，希望组织村民清理',
    },
    steps: [{ hoursAgo: 47, by: 'village', cmd: { action: 'accept', note: '本周六组织党员和村民代表清理河道' } }],
  },
  // resolved: done, the reporter still to be told.
  {
    report: {
      hoursAgo: 6 * 24,
      by: 'representative2',
      household: 24,
      categoryCode: 'social',
      description: '独居老人腿脚不便，想申请居家养老上门服务，不知道要准备哪些材料',
    },
    steps: [
      { hoursAgo: 6 * 24 - 2, by: 'village', cmd: { action: 'triage', note: '村里协助办理' } },
      { hoursAgo: 5 * 24, by: 'village', cmd: { action: 'accept' } },
      { hoursAgo: 4, by: 'village', cmd: { action: 'resolve', result: '已代办居家养老服务申请，乡养老服务站每周上门两次' } },
    ],
  },
  // rated: answered and rated by the resident; the village has not closed it yet.
  {
    report: {
      hoursAgo: 8 * 24,
      by: null,
      unitSuffix: '0101',
      categoryCode: 'infrastructure',
      description: '地河一组小学门口的减速带被压坏了，车辆经过速度很快，孩子上学放学不安全',
      reporterName: '李女士',
      reporterPhone: '13988745678',
    },
    steps: [
      { hoursAgo: 8 * 24 - 3, by: 'representative', cmd: { action: 'transmit', note: '已到现场查看，情况属实' } },
      { hoursAgo: 7 * 24, by: 'village', cmd: { action: 'accept' } },
      { hoursAgo: 3 * 24, by: 'village', cmd: { action: 'resolve', result: '已重新安装减速带并增设“学校路段”警示牌' } },
      { hoursAgo: 3 * 24 - 2, by: 'representative', cmd: { action: 'feedback', message: '减速带已经重新装好，警示牌也立起来了，请您看看是否满意' } },
      { hoursAgo: 2, by: null, cmd: { action: 'rate', satisfaction: 'satisfied', fixed: 'fixed', comment: '修得很快，谢谢' } },
    ],
  },
  // closed: the whole loop, weeks ago.
  {
    report: {
      hoursAgo: 20 * 24,
      by: null,
      unitSuffix: '0202',
      categoryCode: 'environment',
      description: '新村组垃圾池满了好几天没人清运，苍蝇很多',
      reporterName: '马大姐',
      reporterPhone: '13988749012',
    },
    steps: [
      { hoursAgo: 19 * 24, by: 'village', cmd: { action: 'accept' } },
      { hoursAgo: 15 * 24, by: 'village', cmd: { action: 'resolve', result: '已联系保洁公司清运，并改为每周清运两次' } },
      { hoursAgo: 15 * 24 - 1, by: 'village', cmd: { action: 'feedback', message: '垃圾池已清运，以后每周三、周六各清运一次' } },
      { hoursAgo: 14 * 24, by: null, cmd: { action: 'rate', satisfaction: 'basic', fixed: 'fixed' } },
      { hoursAgo: 13 * 24, by: 'village', cmd: { action: 'close', note: '群众基本满意，办结' } },
    ],
  },
];

/** The end states, in MATTERS order: newest report first (the API test checks them). */
export const SAMPLE_MATTER_STATES: MatterState[] = ['reported', 'transmitted', 'dispatched', 'accepted', 'resolved', 'rated', 'closed'];

/** An open matter's id and version by its tracking code, as the village's queue shows it. */
async function lookup(village: Ctx, trackingCode: string): Promise<{ id: number; version: number }> {
  let after: string | undefined;
  for (;;) {
    const page = await queue(village, { unitCode: DEMO_VILLAGE, limit: 200, after });
    const hit = page.items.find((m) => m.trackingCode === trackingCode);
    if (hit) return hit;
    if (!page.nextAfter) throw new Error(`demo sample: matter ${trackingCode} not in the village's queue`);
    after = page.nextAfter;
  }
}

export function matterSteps(story: Story, ago: (ms: number) => Date): Step[] {
  const steps: Step[] = [];
  for (const m of MATTERS) {
    const state = { id: 0, version: 0, trackingCode: '' };
    const r = m.report;
    steps.push({
      at: ago(r.hoursAgo * HOUR),
      run: async () => {
        const household = r.household === undefined ? undefined : story.households.get(r.household)?.id;
        const input = {
          unitCode: r.unitSuffix ? `${DEMO_VILLAGE}${r.unitSuffix}` : undefined,
          householdId: household,
          categoryCode: r.categoryCode,
          urgency: r.urgency,
          description: r.description,
          reporterName: r.reporterName ?? null,
          reporterPhone: r.reporterPhone ?? null,
        };
        if (r.by) {
          const { id, version, trackingCode } = await reportAsHandler(await story.as(r.by), input);
          Object.assign(state, { id, version, trackingCode });
        } else {
          // No contact-card token is given, so no secret is needed to verify one.
          const { trackingCode } = await reportAsResident(await story.as(null), { ...input, urgency: undefined }, Buffer.alloc(0));
          const { id, version } = await lookup(await story.as('village'), trackingCode);
          Object.assign(state, { id, version, trackingCode });
        }
      },
    });
    for (const t of m.steps)
      steps.push({
        at: ago(t.hoursAgo * HOUR),
        run: async () => {
          if (t.cmd.action === 'rate') {
            const { action: _, ...rating } = t.cmd;
            await matterPublic.rate(await story.as(null), state.trackingCode, rating);
            state.version = (await lookup(await story.as('village'), state.trackingCode)).version;
            return;
          }
          const actor = await story.as(t.by);
          // The dispatch goes to the department the demo's department account works for.
          const cmd = t.cmd.action === 'dispatch' ? { ...t.cmd, leadDepartmentId: (await story.as('department')).actor?.departmentId ?? 0 } : t.cmd;
          state.version = (await act(actor, state.id, cmd, state.version)).version;
        },
      });
  }
  return steps;
}
