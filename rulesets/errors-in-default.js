// `extends: ["spectral-auth-responses/rulesets/errors-in-default"]`: the three rules that ask for a status code on
// each operation are off (Zalando #150/#151, Azure: errors answered by `default`).
// Which preset to pick: README, "Presets".
module.exports = require('../dist/ruleset.mjs').presets['errors-in-default'];
