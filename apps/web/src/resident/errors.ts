import { NetworkError, ServerError } from './api';
import { english, t } from './i18n';

export function clearErrors(form: HTMLElement): void {
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
  const alert = form.querySelector<HTMLElement>('.alert');
  if (alert) alert.hidden = true;
}

function markField(form: HTMLElement, field: string, text: string): boolean {
  const box = form.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!box) return false;
  box.classList.add('invalid');
  const p = document.createElement('p');
  p.className = 'field-error';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  box.append(p);
  return true;
}

/**
 * Shows the server's own message (it is already in the page's language) on the field it names,
 * and in the alert above the button so it is seen even when the field is scrolled away.
 */
export function showError(form: HTMLElement, err: unknown): void {
  clearErrors(form);
  let text = t('network');
  if (err instanceof ServerError) {
    text = err.message;
    if (err.details.length) for (const d of err.details) markField(form, d.field, english ? d.en : d.zh);
    else if (err.field) markField(form, err.field, err.message);
  } else if (!(err instanceof NetworkError)) text = err instanceof Error ? err.message : String(err);
  const alert = form.querySelector<HTMLElement>('.alert');
  if (alert) {
    alert.textContent = text;
    alert.hidden = false;
  }
}
