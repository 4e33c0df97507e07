'use strict';

const IBAN = /\b([A-Z]{2})\d{2}[A-Z0-9]{8,26}([A-Z0-9]{4})\b/g;

function maskAccounts(text) {
  return text.replace(IBAN, (match, country, last) => `${country}…${last}`);
}

module.exports = { maskAccounts };
