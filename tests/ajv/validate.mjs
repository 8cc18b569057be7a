// Compiles each JSON Schema with ajv in strict mode and validates instances against them.
// Usage: node validate.mjs DIR   (DIR holds <kind>.schema.json and <kind>--<name>.json files)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const dir = process.argv[2];
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let failed = false;
const validators = new Map();
const files = readdirSync(dir).sort();
for (const file of files.filter((f) => f.endsWith(".schema.json"))) {
  try {
    validators.set(file.replace(".schema.json", ""), ajv.compile(JSON.parse(readFileSync(join(dir, file), "utf8"))));
    console.log(`schema ${file}: compiles in strict mode`);
  } catch (error) {
    console.log(`schema ${file}: ${error.message}`);
    failed = true;
  }
}
for (const file of files.filter((f) => f.includes("--"))) {
  const validate = validators.get(file.split("--")[0]);
  if (!validate) { console.log(`${file}: no schema`); failed = true; continue; }
  if (validate(JSON.parse(readFileSync(join(dir, file), "utf8")))) {
    console.log(`${file}: valid`);
  } else {
    console.log(`${file}: ${ajv.errorsText(validate.errors, { separator: "\n  " })}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
