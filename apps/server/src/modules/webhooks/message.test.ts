import { describe, expect, it } from 'vitest';
import { cardEventOf, chatUnitsOf } from './matters-hook';
import { beijingTime, matterCardMessage, stampForSending } from './message';

describe('matter cards for the chats', () => {
  it('maps matter events to cards, reading a sweep escalation as overdue', () => {
    expect(cardEventOf({ action: 'report', data: null })).toBe('report');
    expect(cardEventOf({ action: 'escalate', data: { automatic: true } })).toBe('overdue');
    expect(cardEventOf({ action: 'escalate', data: null })).toBe('escalation');
    expect(cardEventOf({ action: 'dispatch', data: null })).toBe('dispatch');
    expect(cardEventOf({ action: 'overdue', data: null })).toBe('overdue');
    expect(cardEventOf({ action: 'rate', data: null })).toBeNull();
  });

  it('sends to the group, zone and village that exist in the code', () => {
    expect(chatUnitsOf('5303032032110101')).toEqual(['5303032032110101', '53030320321101', '530303203211']);
    expect(chatUnitsOf('530303203211')).toEqual(['530303203211']);
  });

  it('escapes residents’ markdown and stays under the WeCom size limit', () => {
    const msg = matterCardMessage({
      event: 'report',
      trackingCode: 'ABCDEFGHJK',
      description: `[点我](http://evil.example) # 标题 ${'很长的描述'.repeat(2000)}`,
      unitPath: '地河村',
      category: '基础设施',
      state: '已吹哨',
      deadline: new Date('2026-01-05T01:00:00Z'),
      link: 'http://x/matters/1',
    });
    expect(msg.markdown.content).not.toContain('[点我](http');
    expect(msg.markdown.content).toContain('\\[点我\\]');
    expect(Buffer.byteLength(msg.markdown.content)).toBeLessThanOrEqual(4000);
    const sent = stampForSending(msg, 42, 2) as typeof msg;
    expect(Buffer.byteLength(sent.markdown.content)).toBeLessThanOrEqual(4096);
    expect(sent.markdown.content).toContain('消息 #42 · 第 2 次发送');
    expect(beijingTime(new Date('2026-01-05T01:00:00Z'))).toBe('2026-01-05 09:00');
  });
});
