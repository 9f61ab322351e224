import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { highlight } from './SearchBox';

const marked = (value: string, q: string) => renderToStaticMarkup(<>{highlight(value, q, true)}</>);

describe('quick find marks the typed phone digits inside the shown number', () => {
  it.each([
    ['138 0013 8000', '0013', '138 <mark>0013</mark> 8000'],
    ['138 0013 8000', '138-0013', '<mark>138 0013</mark> 8000'],
    ['138 0013 8000', '+86 138 0013 8000', '<mark>138 0013 8000</mark>'],
    ['138 0013 8000', '0086 13800138000', '<mark>138 0013 8000</mark>'],
    ['138 0013 8000', '+86 138', '<mark>138</mark> 0013 8000'],
    ['0755-8888 1234', '８８８８', '0755-<mark>8888</mark> 1234'],
    ['138 0013 8000', '999', '138 0013 8000'],
  ])('%s, typed %s', (value, q, html) => expect(marked(value, q)).toBe(html));
});
