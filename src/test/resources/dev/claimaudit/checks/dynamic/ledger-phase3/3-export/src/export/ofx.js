'use strict';

function toOfx(entries) {
  throw new Error('not implemented');
}

module.exports = { toOfx };
