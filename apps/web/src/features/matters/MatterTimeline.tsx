import { Timeline } from 'antd';
import { useI18n } from '../../app/i18n';
import { fmt } from './format';
import type { MatterEvent } from '@jiceng/shared/schemas/matters';

/** Every event of the matter, newest last, with the note (internal) and the public message. */
export function MatterTimeline({ events }: { events: MatterEvent[] }) {
  const { t, locale } = useI18n();
  // Public messages are written "中文 / English".
  const half = (text: string) => text.split(' / ')[locale === 'en' ? 1 : 0] ?? text;
  const name = (action: string) => {
    const key = `matters.action.${action}` as Parameters<typeof t>[0];
    const text = t(key);
    return text === undefined || text === key ? action : text;
  };
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: e.action === 'overdue' || e.toState === 'reopened' ? 'red' : 'blue',
        content: (
          <div>
            <div>
              <strong>{name(e.action)}</strong> → {t(`matters.s.${e.toState}`)} <span style={{ color: '#595959' }}>{fmt(e.at)}</span>
            </div>
            {e.note && <div>{e.note}</div>}
            {e.publicNote && <div style={{ color: '#555' }}>{half(e.publicNote)}</div>}
          </div>
        ),
      }))}
    />
  );
}
