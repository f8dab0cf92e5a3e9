import { call, type PublicMatter } from './api';
import { h, mount } from './dom';
import { clearErrors, showError } from './errors';
import { FIXED, half, pick, SATISFACTION, stateName, t, when } from './i18n';

type Choice<K extends string> = { value: K | null };

function choiceGroup<K extends string>(label: string, field: string, options: Record<K, readonly [string, string]>, chosen: Choice<K>) {
  const group = h('div', { class: 'grid three', role: 'group', 'aria-label': label });
  for (const [value, names] of Object.entries(options) as [K, readonly [string, string]][]) {
    const b = h('button', { type: 'button', class: 'choice', 'aria-pressed': 'false' }, pick(names));
    b.addEventListener('click', () => {
      chosen.value = value;
      for (const other of group.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === b));
    });
    group.append(b);
  }
  return h('div', { class: 'step', 'data-field': field }, h('h3', {}, label), group);
}

function ratingForm(m: PublicMatter, onDone: (next: PublicMatter) => void) {
  const satisfaction: Choice<keyof typeof SATISFACTION> = { value: null };
  const fixed: Choice<keyof typeof FIXED> = { value: null };
  const comment = h('textarea', { id: 'comment', rows: 2, maxlength: 500 });
  const submit = h('button', { type: 'submit', class: 'button' }, t('submitRating'));
  const form = h(
    'form',
    { class: 'card', 'aria-label': t('rateTitle') },
    h('h2', {}, t('rateTitle')),
    m.rateUntil && h('p', { class: 'muted' }, t('rateUntil', { at: when(m.rateUntil) })),
    choiceGroup(t('satisfaction'), 'satisfaction', SATISFACTION, satisfaction),
    choiceGroup(t('fixed'), 'fixed', FIXED, fixed),
    h('div', { 'data-field': 'comment' }, h('label', { for: 'comment' }, t('comment')), comment),
    h('p', { class: 'alert', role: 'alert', hidden: true }),
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!satisfaction.value || !fixed.value) {
      const alert = form.querySelector<HTMLElement>('.alert') as HTMLElement;
      alert.textContent = t('chooseBoth');
      alert.hidden = false;
      return;
    }
    submit.disabled = true;
    try {
      const body = { satisfaction: satisfaction.value, fixed: fixed.value, comment: comment.value.trim() || undefined };
      onDone(await call<PublicMatter>('POST', `/matters/${m.trackingCode}/rating`, body));
    } catch (err) {
      showError(form, err);
      submit.disabled = false;
    }
  });
  return form;
}

function reopenForm(m: PublicMatter, onDone: (next: PublicMatter) => void) {
  const reason = h('textarea', { id: 'reason', rows: 2, maxlength: 500 });
  const form = h(
    'form',
    { class: 'card' },
    h('div', { 'data-field': 'reason' }, h('label', { for: 'reason' }, t('reopenReason')), reason),
    h('p', { class: 'alert', role: 'alert', hidden: true }),
    h('button', { type: 'submit', class: 'button secondary' }, t('reopenSubmit')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      onDone(await call<PublicMatter>('POST', `/matters/${m.trackingCode}/reopen`, { reason: reason.value.trim() }));
    } catch (err) {
      showError(form, err);
    }
  });
  const details = h('details', {}, h('summary', {}, t('reopen')), form);
  return details;
}

function view(root: HTMLElement, header: () => Node, m: PublicMatter, justRated: boolean) {
  const rerender = (next: PublicMatter) => view(root, header, next, true);
  const steps = [...m.steps].reverse();
  mount(
    root,
    header(),
    h('h1', {}, t('trackTitle')),
    h('p', { class: 'code small' }, m.trackingCode),
    h(
      'section',
      { class: 'card' },
      h('p', { class: 'muted' }, t('state')),
      h('p', { class: `state ${m.overdue ? 'overdue' : ''}` }, stateName(m.state, m.stateZh), m.overdue && h('span', { class: 'tag' }, t('overdue'))),
      h('p', {}, [m.categoryName, m.unitName].filter(Boolean).join(' · ')),
      h('p', { class: 'quote' }, m.description),
      m.resolveBy && h('p', { class: 'muted' }, t('resolveBy', { at: when(m.resolveBy) })),
    ),
    justRated && m.state === 'reopened' && h('p', { class: 'notice', role: 'status' }, t('reopenedNotice')),
    // The other report's tracking code is its reporter's receipt: the notice names no link to it.
    m.mergedInto && h('p', { class: 'notice' }, t('mergedInto')),
    m.answer &&
      h(
        'section',
        { class: 'card answer', 'aria-label': t('answer') },
        h('h2', {}, t('answer')),
        h('p', {}, m.answer),
        m.answeredAt && h('p', { class: 'muted' }, t('answeredAt', { at: when(m.answeredAt) })),
      ),
    m.closeReason && h('section', { class: 'card' }, h('h2', {}, t('closeReason')), h('p', {}, m.closeReason)),
    m.rating &&
      h(
        'p',
        { class: 'notice' },
        t('rated', {
          s: pick(SATISFACTION[m.rating.satisfaction as keyof typeof SATISFACTION] ?? ['', '']),
          f: pick(FIXED[m.rating.fixed as keyof typeof FIXED] ?? ['', '']),
        }),
      ),
    m.canRate && ratingForm(m, rerender),
    m.canReopen && !m.canRate && reopenForm(m, rerender),
    h(
      'section',
      { 'aria-label': t('steps') },
      h('h2', {}, t('steps')),
      steps.length
        ? h(
            'ol',
            { class: 'timeline' },
            ...steps.map((s) =>
              h(
                'li',
                {},
                h('time', { datetime: s.at }, when(s.at)),
                h('strong', {}, stateName(s.state, s.stateZh)),
                s.unitName && h('span', { class: 'muted' }, ` · ${s.unitName}`),
                s.message && h('p', {}, half(s.message)),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('noSteps')),
    ),
  );
}

/** A box to type the code (written on paper, read out on the phone) when the link has none. */
export function renderCodeEntry(root: HTMLElement, header: () => Node): void {
  const input = h('input', { id: 'code', autocomplete: 'off', autocapitalize: 'characters', maxlength: 20 });
  const form = h(
    'form',
    { class: 'card' },
    h('div', { 'data-field': 'trackingCode' }, h('label', { for: 'code' }, t('enterCode')), input, h('p', { class: 'hint' }, t('enterCodeHint'))),
    h('p', { class: 'alert', role: 'alert', hidden: true }),
    h('button', { type: 'submit', class: 'button' }, t('query')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = input.value.trim().replace(/[\s-]/g, '');
    if (code) location.assign(`/report/track/${encodeURIComponent(code)}`);
  });
  mount(root, header(), h('h1', {}, t('trackTitle')), form);
}

/** The tracking page: every step with its time, the answer, and the rating that reopens when not fixed. */
export async function renderTrack(root: HTMLElement, code: string, header: () => Node): Promise<void> {
  try {
    view(root, header, await call<PublicMatter>('GET', `/matters/${encodeURIComponent(code)}`), false);
  } catch (err) {
    renderCodeEntry(root, header);
    const form = root.querySelector('form') as HTMLElement;
    (form.querySelector('#code') as HTMLInputElement).value = code;
    showError(form, err);
  }
}
