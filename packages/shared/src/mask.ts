/** What a list or detail shows by default: enough to recognise a person, not to use the number. */

/**
 * 530303199001011234 → 530303********123* (GB 11643: region 6, birth date 8, sequence 3, check 1).
 * The birth date is hidden, and so is the check character: it says nothing about the person, but
 * shown it would let anyone who also knows the age (shown instead of the birth date) test the
 * ~365 candidate birth dates and keep the ~33 that fit. The region and the sequence stay (the
 * sequence's last digit is the gender, shown anyway), which is enough to tell two people apart.
 * Legacy 15-digit numbers (region 6, YYMMDD, sequence 3) lose their birth date the same way.
 */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length === 18) return `${id.slice(0, 6)}********${id.slice(14, 17)}*`;
  if (id.length === 15) return `${id.slice(0, 6)}******${id.slice(12)}`;
  // Not a valid number (the register never stores one): show nothing but its length.
  return '*'.repeat(id.length);
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
