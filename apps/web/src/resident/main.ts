import './style.css';
import { h, mount } from './dom';
import { english, setEnglish, t } from './i18n';
import { renderReport } from './report';
import { renderCodeEntry, renderTrack } from './track';

/**
 * The residents' page, its own entry (report.html) so a phone on a weak signal loads no UI
 * library: /r/<token> (contact-card QR), /report/<villageCode>, /report/track/<code> (or /r/track/<code>).
 */
const root = document.getElementById('app') as HTMLElement;

function header(): Node {
  const toggle = h('button', { type: 'button', class: 'lang' }, t('language'));
  toggle.addEventListener('click', () => {
    setEnglish(!english);
    route();
  });
  return h('header', {}, h('span', { class: 'brand' }, t('title')), toggle);
}

function route(): void {
  document.documentElement.lang = english ? 'en' : 'zh-CN';
  document.title = t('title');
  const parts = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [area, first, second] = parts;
  if (first === 'track') {
    if (second) void renderTrack(root, second, header);
    else renderCodeEntry(root, header);
  } else if (area === 'r' && first) void renderReport(root, { token: first }, header);
  else if (area === 'report' && first && /^\d{12}(\d{2})?(\d{2})?$/.test(first)) void renderReport(root, { unitCode: first }, header);
  else if (area === 'report' && !first) renderCodeEntry(root, header);
  else mount(root, header(), h('p', { class: 'alert' }, t('badLink')));
}

route();
