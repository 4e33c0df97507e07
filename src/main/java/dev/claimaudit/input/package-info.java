/** What every stage says about input it cannot use; a leaf that imports nothing of the tool. */
package dev.claimaudit.input;
