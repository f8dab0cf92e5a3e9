import { type Category, call, ServerError, type SimilarHit } from './api';
import { type Child, h, mount } from './dom';
import { clearDraft, loadDraft, loadPhoto, saveDraft, savePhoto } from './draft';
import { clearErrors, showError } from './errors';
import { english, t, when } from './i18n';
import { preparePhoto } from './photo';
import { newDraftKey, withRetry } from './retry';

export interface Target {
  token?: string;
  unitCode?: string;
}

interface Draft {
  category: string | null;
  description: string;
  photo: string | null;
  name: string;
  phone: string;
  hide: boolean;
  /** The text the similar matters were last looked up for: asked once, not at every tap. */
  checkedFor: string | null;
  /** Sent with the report: the same draft sent twice files one matter. */
  clientKey: string | null;
  /** The link the draft belongs to (restored from storage once per link). */
  target: string | null;
}

// Kept outside the DOM so switching the language (a re-render) loses nothing typed.
const draft: Draft = { category: null, description: '', photo: null, name: '', phone: '', hide: false, checkedFor: null, clientKey: null, target: null };

/** Keeps text, category and key across a reload (draft.ts); the photo separately, when it changes. */
function persist() {
  if (!draft.target) return;
  draft.clientKey ??= newDraftKey();
  saveDraft({ target: draft.target, category: draft.category, description: draft.description, clientKey: draft.clientKey });
}

/** The first render at a link picks up what a reload interrupted; true when something was kept. */
async function restore(target: string): Promise<boolean> {
  if (draft.target === target) return false;
  Object.assign(draft, { target, category: null, description: '', photo: null, checkedFor: null, clientKey: null });
  const saved = loadDraft(target);
  if (!saved) return false;
  Object.assign(draft, { category: saved.category, description: saved.description, clientKey: saved.clientKey, photo: await loadPhoto(target) });
  return !!(saved.description || saved.category || draft.photo);
}

interface Loaded {
  categories: Category[];
  unitCode: string | null;
  unitName: string | null;
}

async function load(target: Target): Promise<Loaded> {
  const [categories, unit] = await Promise.all([
    call<Category[]>('GET', '/categories'),
    target.token
      ? call<{ unitCode: string; unitName: string }>('GET', `/report-token/${encodeURIComponent(target.token)}`)
      : target.unitCode
        ? call<{ unitCode: string; unitName: string }>('GET', `/report-units/${target.unitCode}`)
        : Promise.resolve(null),
  ]);
  return { categories, unitCode: unit?.unitCode ?? target.unitCode ?? null, unitName: unit?.unitName ?? null };
}

function section(title: string, field: string, ...body: Child[]) {
  return h('section', { class: 'step', 'data-field': field }, h('h2', {}, title), ...body);
}

function categoryButtons(categories: Category[]) {
  const grid = h('div', { class: 'grid', role: 'group', 'aria-label': t('category') });
  for (const c of categories) {
    const b = h('button', { type: 'button', class: 'choice', 'aria-pressed': String(draft.category === c.code) }, english ? c.nameEn : c.nameZh);
    b.addEventListener('click', () => {
      draft.category = c.code;
      persist();
      for (const other of grid.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === b));
    });
    grid.append(b);
  }
  return grid;
}

function photoPicker() {
  const preview = h('div', { class: 'preview' });
  const input = h('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'photo', class: 'visually-hidden' });
  const show = () => {
    if (!draft.photo) return mount(preview);
    const remove = h('button', { type: 'button', class: 'link' }, t('removePhoto'));
    remove.addEventListener('click', () => {
      draft.photo = null;
      void savePhoto(draft.target ?? '', null);
      input.value = '';
      show();
    });
    mount(preview, h('img', { src: draft.photo, alt: '' }), remove);
  };
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    mount(preview, h('p', { class: 'muted' }, t('photoBusy')));
    draft.photo = await preparePhoto(file);
    persist();
    void savePhoto(draft.target ?? '', draft.photo);
    show();
  });
  show();
  return [h('label', { for: 'photo', class: 'button secondary' }, t('takePhoto')), input, preview];
}

function similarList(hits: SimilarHit[], onContinue: () => void) {
  const go = h('button', { type: 'button', class: 'button secondary' }, t('notSame'));
  go.addEventListener('click', onContinue);
  return h(
    'section',
    { class: 'similar', 'aria-label': t('similarTitle') },
    h('h2', {}, t('similarTitle')),
    h('p', { class: 'muted' }, t('similarHint')),
    h(
      'ul',
      {},
      ...hits.map((s) =>
        h(
          'li',
          {},
          h('strong', {}, s.category),
          ` · ${s.stateName}`,
          h('p', {}, s.description),
          h('p', { class: 'muted' }, `${t('reportedAt', { at: when(s.reportedAt) })} · ${t('similarFollowers', { n: s.followers })}`),
          followControl(s),
        ),
      ),
    ),
    go,
  );
}

/** "我也遇到了": follow the matter (told of its answer by phone) instead of filing it again. */
function followControl(hit: SimilarHit) {
  const box = h('div', { class: 'follow' });
  const start = h('button', { type: 'button', class: 'button secondary' }, t('followIt'));
  start.addEventListener('click', () => {
    const phone = h('input', { type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20, value: draft.phone, 'aria-label': t('phone') });
    const confirm = h('button', { type: 'button', class: 'button' }, t('followConfirm'));
    const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        await call('POST', '/matters/follow', { followToken: hit.followToken, phone: phone.value.trim() });
        draft.phone = phone.value;
        mount(box, h('p', { role: 'status' }, t('followed')));
      } catch (err) {
        error.textContent = err instanceof Error ? err.message : String(err);
        error.hidden = false;
        confirm.disabled = false;
      }
    });
    mount(box, h('label', {}, t('phone'), phone), confirm, error);
    phone.focus();
  });
  mount(box, start);
  return box;
}

function done(root: HTMLElement, code: string, again: () => void) {
  const another = h('button', { type: 'button', class: 'button secondary' }, t('reportAnother'));
  another.addEventListener('click', again);
  mount(
    root,
    h(
      'section',
      { class: 'done' },
      h('h1', {}, t('submitted')),
      h('p', {}, t('trackingCode')),
      h('p', { class: 'code', 'aria-label': t('trackingCode') }, code),
      h('p', { class: 'muted' }, t('trackingHint')),
      h('a', { class: 'button', href: `/report/track/${code}` }, t('viewProgress')),
      another,
    ),
  );
}

/** 吹哨: category, a sentence (voice input welcome), a photo, a look at similar open matters, then the code. */
export async function renderReport(root: HTMLElement, target: Target, header: () => Node): Promise<void> {
  let loaded: Loaded;
  try {
    loaded = await load(target);
  } catch (err) {
    const box = h('div', {}, h('p', { class: 'alert' }));
    mount(root, header(), box);
    showError(box, err);
    return;
  }
  const kept = await restore(target.token ? `r:${target.token}` : `u:${loaded.unitCode ?? target.unitCode ?? ''}`);
  const form = h('form', { novalidate: true });
  const text = h('textarea', { id: 'description', rows: 4, maxlength: 2000, placeholder: t('descriptionPlaceholder') });
  text.value = draft.description;
  text.addEventListener('input', () => {
    draft.description = text.value;
    persist();
    const alert = form.querySelector<HTMLElement>('.alert');
    if (alert) alert.hidden = true;
  });
  const name = h('input', { id: 'name', autocomplete: 'name', maxlength: 50, value: draft.name });
  name.addEventListener('input', () => {
    draft.name = name.value;
  });
  const phone = h('input', { id: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20, value: draft.phone });
  phone.addEventListener('input', () => {
    draft.phone = phone.value;
  });
  const hide = h('input', { id: 'hide', type: 'checkbox', checked: draft.hide });
  hide.addEventListener('change', () => {
    draft.hide = hide.checked;
  });
  const submit = h('button', { type: 'submit', class: 'button' }, t('submit'));
  const similarBox = h('div');
  const unitLine = loaded.unitName ? t('reportTo', { unit: loaded.unitName }) : t('reportToUnknown');

  // One send at a time: a second tap (on 提交 or 继续提交) while one is on its way does nothing.
  let sending = false;
  const buttons = (off: boolean) => {
    for (const b of root.querySelectorAll<HTMLButtonElement>('form button, .similar button')) b.disabled = off;
  };
  const post = () =>
    call<{ trackingCode: string }>(
      'POST',
      '/matters',
      {
        token: target.token,
        unitCode: target.token ? undefined : (loaded.unitCode ?? undefined),
        categoryCode: draft.category,
        description: draft.description.trim(),
        photo: draft.photo,
        reporterName: draft.name.trim() || null,
        reporterPhone: draft.phone.trim() || null,
        hideReporter: draft.hide,
        clientKey: draft.clientKey,
      },
      60_000,
    );
  const send = async () => {
    if (sending) return;
    sending = true;
    buttons(true);
    persist(); // the key exists before the first byte leaves
    const progress = (n: number) => {
      submit.textContent = n === 1 ? t('submitting') : t('retrying', { n: n - 1 });
    };
    try {
      let res: { trackingCode: string };
      try {
        res = await withRetry(post, progress);
      } catch (err) {
        // The key went with a text since changed (an earlier send's answer was lost): this is a new report.
        if (!(err instanceof ServerError && err.status === 409 && err.field === 'clientKey')) throw err;
        draft.clientKey = newDraftKey();
        persist();
        res = await withRetry(post, progress);
      }
      clearDraft(draft.target ?? '');
      Object.assign(draft, { category: null, description: '', photo: null, checkedFor: null, clientKey: null });
      done(root, res.trackingCode, () => renderReport(root, target, header));
    } catch (err) {
      showError(form, err);
      buttons(false);
      submit.textContent = t('submit');
    } finally {
      sending = false;
    }
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    clearErrors(form);
    const alert = form.querySelector<HTMLElement>('.alert') as HTMLElement;
    const refuse = (msg: string) => {
      alert.textContent = msg;
      alert.hidden = false;
    };
    if (!draft.category) return refuse(t('required'));
    const said = draft.description.trim();
    if (!said) return refuse(t('requiredText'));
    // Before filing, show open matters nearby that may be the same problem (once per text).
    if (loaded.unitCode && draft.checkedFor !== said && [...said].length >= 2) {
      draft.checkedFor = said;
      submit.disabled = true;
      submit.textContent = t('checking');
      const hits = await call<SimilarHit[]>('POST', '/matters/similar', { unitCode: loaded.unitCode, text: said }).catch(() => []);
      submit.disabled = false;
      submit.textContent = t('submit');
      if (hits.length) {
        mount(similarBox, similarList(hits, send));
        similarBox.scrollIntoView({ behavior: 'smooth', block: 'start' });
        return;
      }
    }
    await send();
  });

  mount(
    form,
    kept && h('p', { class: 'hint', role: 'status' }, t('draftKept')),
    section(t('category'), 'categoryCode', categoryButtons(loaded.categories)),
    section(
      t('description'),
      'description',
      h('label', { for: 'description', class: 'visually-hidden' }, t('description')),
      text,
      h('p', { class: 'hint' }, t('voiceHint')),
    ),
    section(t('photo'), 'photo', ...photoPicker()),
    section(
      t('contact'),
      'reporterPhone',
      h('div', { 'data-field': 'reporterName' }, h('label', { for: 'name' }, t('name')), name),
      h('label', { for: 'phone' }, t('phone')),
      phone,
      h('p', { class: 'hint' }, t('phoneHint')),
      h('label', { class: 'check' }, hide, ` ${t('hideReporter')}`),
    ),
    h('div', { 'data-field': 'token' }),
    h('div', { 'data-field': 'unitCode' }),
    h('p', { class: 'alert', role: 'alert', hidden: true }),
    submit,
    similarBox,
  );
  mount(root, header(), h('p', { class: 'unit' }, unitLine), form);
}
