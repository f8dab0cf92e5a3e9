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

  it('masks phones and ID numbers in the description and never shows the whole tracking code', () => {
    const msg = matterCardMessage({
      event: 'report',
      trackingCode: 'ABCDEFGHJK',
      description: '帮忙办低保，身份证 530303199001011234，电话１３８ １２３４ ５６７８，座机0874-3012345，谢谢村里',
      unitPath: '地河村',
      category: '民政',
      state: '已吹哨',
      deadline: null,
      link: 'http://x/matters/1',
      extra: '转办原因：请联系 13987654321',
    });
    // The mask's stars are escaped like any markdown character of the resident's text.
    const content = msg.markdown.content.replace(/\\\*/g, '*');
    expect(content).toContain('帮忙办低保');
    expect(content).toContain('530303********123*');
    expect(content).toContain('138****5678');
    expect(content).toContain('0874-***2345');
    expect(content).toContain('139****4321');
    for (const hidden of ['19900101', '１２３４', '3012345', '87654', 'ABCDEF']) expect(content).not.toContain(hidden);
    expect(content).toContain('编号：尾号GHJK');
  });
});
