/**
 * Zero-width and bidirectional control characters: invisible, they make two names look alike
 * ("张三" and "张\u200b三") or reorder what a reader sees (U+202E). Refused in names.
 */
export const INVISIBLE_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export function hasInvisibleControls(text: string): boolean {
  return INVISIBLE_CONTROLS.test(text);
}

/** The message a name schema gives for them, written "中文 / English" as schemas' messages are. */
export const INVISIBLE_CONTROLS_MESSAGE = '名称中不能含不可见的控制字符（零宽或文字方向字符） / no invisible zero-width or text-direction characters';

/**
 * A NUL byte or a UTF-16 surrogate without its pair: PostgreSQL cannot store either (text has
 * no NUL; a lone surrogate is not UTF-8), so they are refused at the door rather than failing
 * the statement.
 */
export function unstorableText(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\0')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'surrogate' : null;
}

// Without the u flag a regex sees UTF-16 code units: a high surrogate not followed by a low one,
// or a low one not preceded by a high one (String.prototype.isWellFormed is ES2024).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
