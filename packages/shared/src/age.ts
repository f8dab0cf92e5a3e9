/**
 * Whole years between a birth date and today (both YYYY-MM-DD, today from the caller's clock in
 * Beijing time): what a masked view shows instead of the birth date. The age goes up on the
 * birthday; a 29 February birthday goes up on 1 March in common years.
 */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || birthDate > today) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
