import { maskFreeText } from '@jiceng/shared';

/** The WeCom group robot's markdown message (https://developer.work.weixin.qq.com/document/path/91770). */
export interface WecomMarkdown {
  msgtype: 'markdown';
  markdown: { content: string };
}

export type MatterCardEvent = 'report' | 'escalation' | 'dispatch' | 'overdue';

const EVENT_ZH: Record<MatterCardEvent, { label: string; color: 'info' | 'warning' | 'comment' }> = {
  report: { label: '新诉求', color: 'info' },
  escalation: { label: '诉求上报', color: 'warning' },
  dispatch: { label: '部门联动', color: 'info' },
  overdue: { label: '诉求超期', color: 'warning' },
};

export interface MatterCard {
  event: MatterCardEvent;
  trackingCode: string;
  description: string;
  unitPath: string;
  category: string;
  state: string;
  deadline: Date | null;
  link: string;
  extra?: string;
}

/** WeCom rejects markdown content over 4096 bytes; descriptions are cut well before that. */
const TITLE_MAX = 40;
const CONTENT_MAX_BYTES = 4000;

/** Beijing time, the way a village cadre reads it: 2026-01-05 09:00. */
export function beijingTime(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** Markdown special characters in residents' text must not turn into links or headings. */
function plain(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[[\]<>*`#]/g, (c) => `\\${c}`);
}

function cutBytes(s: string, max: number): string {
  const buf = Buffer.from(s, 'utf8');
  if (buf.length <= max) return s;
  // Cut at a character boundary: decode and drop a possibly broken last character.
  return `${buf
    .subarray(0, max - 3)
    .toString('utf8')
    .replace(/\uFFFD$/, '')}…`;
}

/**
 * A group chat is not the place for a tracking code (the resident's receipt for rating and
 * reopening): the card shows its last four characters, enough to match a resident's call.
 */
export function cardCode(trackingCode: string): string {
  return `尾号${trackingCode.slice(-4)}`;
}

export function matterCardMessage(card: MatterCard): WecomMarkdown {
  const ev = EVENT_ZH[card.event];
  // Phones and ID numbers typed into the description never reach a chat in full.
  const text = plain(maskFreeText(card.description.trim()));
  const title = text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX)}…` : text;
  const lines = [
    `**<font color="${ev.color}">【${ev.label}】</font>${title}**`,
    `> 单位：<font color="comment">${plain(card.unitPath)}</font>`,
    `> 分类：${plain(card.category)}`,
    `> 状态：${plain(card.state)}`,
    card.deadline ? `> 时限：<font color="warning">${beijingTime(card.deadline)}</font>` : null,
    `> 编号：${cardCode(card.trackingCode)}`,
    card.extra ? `> ${plain(maskFreeText(card.extra))}` : null,
    text.length > TITLE_MAX ? `\n${text.slice(0, 500)}` : null,
    `\n[查看详情](${card.link})`,
  ].filter((l): l is string => l !== null);
  return { msgtype: 'markdown', markdown: { content: cutBytes(lines.join('\n'), CONTENT_MAX_BYTES) } };
}

/**
 * Stamps the outbox id and attempt into the sent copy: if a crash makes the job send a message
 * twice, the chat shows the same number twice and readers (and logs) can tell it is a repeat.
 */
export function stampForSending(payload: unknown, outboxId: number, attempt: number): unknown {
  const p = payload as Partial<WecomMarkdown>;
  if (p?.msgtype !== 'markdown' || typeof p.markdown?.content !== 'string') return payload;
  const stamp = `\n<font color="comment">消息 #${outboxId}${attempt > 1 ? ` · 第 ${attempt} 次发送` : ''}</font>`;
  return { ...p, markdown: { content: cutBytes(p.markdown.content, CONTENT_MAX_BYTES) + stamp } };
}
