// A consumer of speechparse's JSON outside Python: validate a parse against the published
// JSON Schema (draft 2020-12) with ajv, then print the demands' markers and headlines.
//
//   speechparse parse samples/02-congress-dun-shi.txt > speech.json
//   node examples/node/validate.mjs schema/speech.schema.json speech.json
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaPath, speechPath] = process.argv.slice(2);
if (!schemaPath || !speechPath) {
  console.error("usage: node validate.mjs SCHEMA.json SPEECH.json");
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const speech = JSON.parse(readFileSync(speechPath, "utf8"));

const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(schema);
if (!validate(speech)) {
  for (const error of validate.errors) {
    console.error(`${error.instancePath || "/"} ${error.message}`);
  }
  process.exit(1);
}

console.log(`valid against ${schema.$id}`);
const items = speech.demands ? speech.demands.items : [];
for (const item of items) {
  console.log(`${item.marker ?? ""}${item.headline.text}`);
}
