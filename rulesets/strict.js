// `extends: ["spectral-auth-responses/rulesets/strict"]`: every rule reports as an error: for teams that gate merges
// on it.
// Which preset to pick: README, "Presets".
module.exports = require('../dist/ruleset.mjs').presets['strict'];
