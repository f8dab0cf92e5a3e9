/** One entry of the error catalogue: a stable code, its HTTP status and messages. */
export interface ErrorDef {
  status: number;
  zh: string;
  en: string;
  /** For translators: what the placeholders hold, when it is not obvious. */
  note?: string;
}
/** Messages may hold {name} placeholders filled from the error's params. */
export type ErrorCatalogue = Record<string, ErrorDef>;
