// The Mozilla HTTP Observatory's grading of one address, as its scanner works it out,
// printed with and without the two tests that need TLS (redirection to HTTPS and HSTS).
// The scanner's own command line takes only a host name on the standard ports; this
// takes a whole address, such as a development server's. Run by `make observatory`.
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";

import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";

const NEED_TLS = ["redirectionTest", "strictTransportSecurityTest"];
const address = new URL(process.argv[2] ?? "http://127.0.0.1:8000/");
const options = { path: address.pathname + address.search };
options[address.protocol === "https:" ? "httpsPort" : "httpPort"] = address.port || undefined;
if (address.protocol === "http:") options.httpsPort = 1; // nothing answers there

const retrieved = await retrieve(address.hostname, options);
if (!retrieved.responses.auto) {
  console.error(`Nothing answered at ${address}: start the site first (make serve).`);
  process.exit(1);
}
// As the Observatory grades: bonuses count only when the penalties leave 90 or more.
function grade(modifiers) {
  const penalties = modifiers.filter((m) => m < 0).reduce((a, b) => a + b, 0);
  const all = modifiers.reduce((a, b) => a + b, 0);
  return 100 + penalties >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? 100 + all : 100 + penalties;
}

const modifiers = [];
const withoutTls = [];
for (const test of ALL_TESTS) {
  const { result } = test(retrieved);
  const modifier = getScoreModifier(result);
  modifiers.push(modifier);
  if (!NEED_TLS.includes(test.name)) withoutTls.push(modifier);
  console.log(`${String(modifier).padStart(4)}  ${result}`);
}
console.log(`${address}: score ${grade(modifiers)}, without the TLS tests ${grade(withoutTls)}`);
