// Regenerates src/schema.d.ts from the API's OpenAPI spec (openapi/openapi.json in the repository).
// The output depends only on the spec and the pinned openapi-typescript: no dates, no paths, so a
// second run changes nothing. Any warning of the generator (or of the Redocly validation it runs)
// fails the run and leaves the file as it was: fix the spec instead.
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const spec = new URL("../../../openapi.json", import.meta.url);
const out = new URL("../src/schema.d.ts", import.meta.url);

// `format: binary` (an upload's file, a download's bytes) becomes Blob rather than string, so a
// multipart body can carry a real file.
const BLOB = ts.factory.createTypeReferenceNode("Blob");
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

const warnings = [];
console.warn = (...args) => warnings.push(args.join(" "));

const ast = await openapiTS(JSON.parse(await readFile(spec, "utf8")), {
  transform(schema) {
    if (schema.format === "binary") {
      return schema.nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    }
    return undefined;
  },
});

if (warnings.length > 0) {
  process.stderr.write(`generate: openapi-typescript warned about the spec:\n${warnings.join("\n")}\n`);
  process.exit(1);
}

const header = `/**
 * Generated from openapi/openapi.json by openapi-typescript (scripts/generate.mjs).
 * Do not edit: run \`npm run generate\` (or scripts/sdk-typescript.sh generate) instead.
 */

`;
await writeFile(out, header + astToString(ast));
