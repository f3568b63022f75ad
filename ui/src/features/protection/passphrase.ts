// The passphrase meter. The rule itself is the core's (`Passphrase::check_strength`): at
// least 12 characters, at least 6 of them different. The meter only mirrors it, so the officer
// sees before submitting whether the passphrase will be accepted, and encourages more.

export const MIN_CHARS = 12;
export const MIN_DISTINCT_CHARS = 6;

/** Why the core would refuse `text` as a new passphrase, if it would. */
export function passphraseProblem(text: string): 'required' | 'tooWeak' | null {
  const chars = Array.from(text);
  if (chars.length === 0) return 'required';
  if (chars.length < MIN_CHARS || new Set(chars).size < MIN_DISTINCT_CHARS) return 'tooWeak';
  return null;
}

/** 0 (refused) to 4. */
export function passphraseScore(text: string): 0 | 1 | 2 | 3 | 4 {
  const chars = Array.from(text);
  if (chars.length === 0) return 0;
  if (passphraseProblem(text)) return chars.length >= MIN_CHARS / 2 ? 1 : 0;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[!-/:-@[-`{-~ ]/, /[^\x00-\x7f]/].filter((re) =>
    re.test(text),
  ).length;
  if (chars.length >= 20 && classes >= 2) return 4;
  if (chars.length >= 16 || classes >= 3) return 3;
  return 2;
}
