// The page's language and its texts: the server writes the `js.` texts of the bundle (without the
// prefix) into <script type="application/json" id="texts">; numbers are written the language's way.

export const lang = document.documentElement.lang || 'en';

const TEXTS = (function () {
  const node = document.getElementById('texts');
  try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
})();
const numbers = {};

// A number written the way the page's language writes it (1.234,5 in Spanish).
export function num(value, digits) {
  const d = digits === undefined ? 1 : digits;
  if (!numbers[d]) { numbers[d] = new Intl.NumberFormat(lang, { maximumFractionDigits: d }); }
  return numbers[d].format(value);
}

// A text by its key, with {0}, {1}... filled in; numbers are written for the language.
export function t(key, ...args) {
  const text = Object.prototype.hasOwnProperty.call(TEXTS, key) ? TEXTS[key] : key;
  return text.replace(/\{(\d+)\}/g, function (whole, i) {
    const arg = args[Number(i)];
    if (arg === undefined) { return whole; }
    return typeof arg === 'number' ? num(arg) : String(arg);
  });
}

// A number with its unit as the language writes it: 44% in English, 44 % in Spanish.
export function withUnit(text, unit) {
  return unit ? t('with_unit', text, unit) : String(text);
}

// m:ss, for the clocks.
export function minutesSeconds(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60), r = s % 60;
  return m + ':' + (r < 10 ? '0' : '') + r;
}

const KINDS = {
  slide: t('kind_slide'), single: t('kind_single'), multiple: t('kind_multiple'), scale: t('kind_scale'),
  wordcloud: t('kind_wordcloud'), text: t('kind_text'), guess: t('kind_guess'), ranking: t('kind_ranking'),
  profiles: t('kind_profiles'), raci: t('kind_raci'), ideas: t('kind_ideas'), commitments: t('kind_commitments'),
  quiz: t('kind_quiz')
};

// What a step's kind is called in the page's language.
export function kindLabel(kind) {
  return KINDS[kind] || kind;
}
