'use strict';
const { maskAccounts } = require('../mask.js');

function toCsv(entries) {
  const rows = entries.map((entry) => [entry.date, maskAccounts(entry.payee), (entry.cents / 100).toFixed(2)].join(','));
  return ['date,payee,amount', ...rows].join('\n');
}

module.exports = { toCsv };
