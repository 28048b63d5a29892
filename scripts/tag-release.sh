#!/usr/bin/env bash
# Tags a release whose commit carries the built dist/ (ignored on main), so that pre-commit can install the hook
# from the tag without building anything: pre-commit 3.0.4 mistakes a `prepare` script's output for the tarball
# name (docs/integrations.md). The tagged commit sits beside the branch; the branch itself is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p "require('./package.json').version")
tag="v$version"
if [ -n "$(git status --porcelain)" ]; then
  echo "tag-release: the working tree has uncommitted changes; commit them first" >&2
  exit 1
fi
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
  echo "tag-release: $tag exists already; raise the version in package.json first" >&2
  exit 1
fi
[ "${SKIP_BUILD:-}" = 1 ] || npm run build
branch=$(git symbolic-ref --quiet --short HEAD || git rev-parse HEAD)
git checkout --quiet --detach
git add --force dist
git commit --quiet -m "Release $tag: the package as published, with the built dist/"
git tag "$tag"
git checkout --quiet "$branch"
echo "tagged $tag; publish with: git push origin $tag && npm publish"
