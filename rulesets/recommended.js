// `extends: ["spectral-auth-responses/rulesets/recommended"]`: every rule at its own severity (the package's main:
// `extends: ["spectral-auth-responses"]` is the same).
// Which preset to pick: README, "Presets".
module.exports = require('../dist/ruleset.mjs').presets['recommended'];
