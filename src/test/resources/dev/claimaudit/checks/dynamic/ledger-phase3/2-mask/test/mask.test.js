'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { maskAccounts } = require('../src/mask.js');

test('keeps the country and the last four characters of an IBAN', () => {
  assert.strictEqual(maskAccounts('to DE89370400440532013000 today'), 'to DE…3000 today');
});

test('leaves text without an account number alone', () => {
  assert.strictEqual(maskAccounts('Bakery on Main St'), 'Bakery on Main St');
});
