'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { exportEntries } = require('../src/export/index.js');

const entries = [
  { date: '2024-05-02', payee: 'Bakery', cents: -435, account: null },
  { date: '2024-05-03', payee: 'Refund DE89370400440532013000', cents: 1200, account: null },
];

test('csv export writes a header and one row per entry', () => {
  assert.strictEqual(exportEntries(entries, 'csv').split('\n').length, 3);
});

test('csv export masks account numbers', () => {
  assert.match(exportEntries(entries, 'csv'), /Refund DE…3000,12\.00/);
});

test('ofx export wraps every entry in a transaction', () => {
  const ofx = exportEntries(entries, 'ofx');
  assert.strictEqual(ofx.match(/<STMTTRN>/g).length, 2);
});

test.todo('csv export groups entries by month');
