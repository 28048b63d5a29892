// Spectral's built-in packages: the only imports its loaders map to the host's own copies (the CLI's, or the ones
// inside the VS Code extension). The ruleset's code may leave these, and only these, external (docs/packaging.md).
export const SPECTRAL_BUILTINS = [
  '@stoplight/spectral-core',
  '@stoplight/spectral-formats',
  '@stoplight/spectral-functions',
  '@stoplight/spectral-parsers',
  '@stoplight/spectral-ref-resolver',
  '@stoplight/spectral-rulesets',
  '@stoplight/spectral-runtime',
];
