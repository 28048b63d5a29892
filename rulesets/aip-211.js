// `extends: ["spectral-auth-responses/rulesets/aip-211"]`: auth-404-protected-item is off (Google AIP-211: a caller
// who may not see an existing item gets 403).
// Which preset to pick: README, "Presets".
module.exports = require('../dist/ruleset.mjs').presets['aip-211'];
