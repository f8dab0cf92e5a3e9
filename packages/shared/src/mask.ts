/** What a list or detail shows by default: enough to recognise a person, not to use the number. */

/** 530303199001011234 → 530303********1234 (first 6, last 4). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** 13812345678 → 138****5678; 0874-3012345 → 0874-***2345. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const dash = phone.indexOf('-');
  if (dash > 0) {
    const local = phone.slice(dash + 1);
    return `${phone.slice(0, dash + 1)}${'*'.repeat(Math.max(0, local.length - 4))}${local.slice(-4)}`;
  }
  if (phone.length < 8) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
