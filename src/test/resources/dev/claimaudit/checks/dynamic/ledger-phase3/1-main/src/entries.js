'use strict';

/** Parses "date,payee,amount" lines into entries with the amount in cents. */
function parseEntries(csv) {
  return csv
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('date,'))
    .map((line, index) => {
      const [date, payee, amount] = line.split(',');
      const cents = Math.round(Number(amount) * 100);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(cents)) {
        throw new Error(`line ${index + 1}: expected date,payee,amount`);
      }
      return { date, payee, cents, account: null };
    });
}

module.exports = { parseEntries };
