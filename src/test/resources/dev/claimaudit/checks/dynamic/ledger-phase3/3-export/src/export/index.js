'use strict';
const { toCsv } = require('./csv.js');
const { toOfx } = require('./ofx.js');

function exportEntries(entries, format) {
  if (format === 'csv') {
    return toCsv(entries);
  }
  if (format === 'ofx') {
    return toOfx(entries);
  }
  throw new Error(`unknown export format: ${format}`);
}

module.exports = { exportEntries };
