// The one number format of the CLI and the web app: Dutch and English marks, a fixed number
// of decimals, "–" for what is not a number, and the same functions behind both front ends.
import { describe, expect, it } from 'vitest';
import { locale, number, percent } from '../../sim/results/format.ts';
import * as verdict from '../../sim/results/verdict.ts';
import * as web from '../../web/format.ts';

// Intl may write a narrow no-break space between a number and "%"; compare without it.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('number', () => {
  it('groups thousands and marks decimals the Dutch or the English way', () => {
    expect(number(1234567, 'nl')).toBe('1.234.567');
    expect(number(1234567, 'en')).toBe('1,234,567');
    expect(number(1234.5678, 'nl', 2)).toBe('1.234,57');
    expect(number(1234.5678, 'en', 2)).toBe('1,234.57');
    expect(number(-3.25, 'nl', 1)).toBe('-3,3');
  });

  it('writes exactly the digits asked for, rounding and padding', () => {
    expect(number(2, 'nl', 2)).toBe('2,00');
    expect(number(2.5, 'en')).toBe('3');
    expect(number(0.0049, 'en', 2)).toBe('0.00');
  });

  it('writes "–" for what is not a finite number', () => {
    for (const x of [NaN, Infinity, -Infinity])
      for (const lang of ['nl', 'en'] as const) {
        expect(number(x, lang)).toBe('–');
        expect(percent(x, lang, 1)).toBe('–');
      }
  });
});

describe('percent', () => {
  it('writes a share 0–1 as a percentage', () => {
    expect(plain(percent(0.734, 'nl'))).toBe('73%');
    expect(plain(percent(0.734, 'nl', 1))).toBe('73,4%');
    expect(plain(percent(0.734, 'en', 1))).toBe('73.4%');
    expect(plain(percent(1, 'en'))).toBe('100%');
    expect(plain(percent(12.5, 'nl'))).toBe('1.250%');
  });
});

describe('one module', () => {
  it('is what the verdict (CLI) and the web app write with', () => {
    expect(verdict.number).toBe(number);
    expect(verdict.percent).toBe(percent);
    expect(web.number).toBe(number);
    expect(web.percent).toBe(percent);
    expect(web.locale).toBe(locale);
    expect(locale('nl')).toBe('nl-NL');
    expect(locale('en')).toBe('en-GB');
  });
});
