'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { parseEntries } = require('../src/entries.js');

test('reads amounts as cents', () => {
  const [entry] = parseEntries('date,payee,amount\n2024-05-02,Bakery,-4.35\n');
  assert.deepStrictEqual(entry, { date: '2024-05-02', payee: 'Bakery', cents: -435, account: null });
});

test('names the line of a malformed entry', () => {
  assert.throws(() => parseEntries('2024-05-02,Bakery,lots'), /line 1/);
});
