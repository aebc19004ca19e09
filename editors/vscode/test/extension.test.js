// The extension's wiring, with the VS Code API and the LSP client replaced by recorders:
// activation starts `<palisade.path> lsp` for the right documents, deactivation stops it.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const Module = require("node:module");

const started = [];
const stopped = [];
let configuredPath;

class FakeClient {
  constructor(id, name, server, client) {
    this.args = { id, name, server, client };
  }
  async start() { started.push(this.args); }
  async stop() { stopped.push(this.args.id); }
}

const fakes = {
  vscode: {
    workspace: {
      getConfiguration: (section) => {
        assert.strictEqual(section, "palisade");
        return { get: (key) => (key === "path" ? configuredPath : undefined) };
      },
    },
  },
  "vscode-languageclient/node": { LanguageClient: FakeClient },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (Object.prototype.hasOwnProperty.call(fakes, request)) return fakes[request];
  return load.call(this, request, parent, isMain);
};
const extension = require("../extension.js");

test("activation starts `palisade lsp` for Terraform, YAML and JSON files", async () => {
  configuredPath = undefined;
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(started.length, 1);
  const { id, server, client } = started[0];
  assert.strictEqual(id, "palisade");
  assert.deepStrictEqual(server, { command: "palisade", args: ["lsp"] });
  const patterns = client.documentSelector.map((s) => s.pattern).filter(Boolean);
  const languages = client.documentSelector.map((s) => s.language).filter(Boolean);
  assert.ok(patterns.includes("**/*.tf"));
  assert.deepStrictEqual(languages.sort(), ["json", "terraform", "yaml"]);
  assert.strictEqual(context.subscriptions.length, 1);
  await extension.deactivate();
  assert.deepStrictEqual(stopped, ["palisade"]);
  // A second deactivation has nothing left to stop.
  await extension.deactivate();
  assert.deepStrictEqual(stopped, ["palisade"]);
});

test("palisade.path names the binary", () => {
  configuredPath = "/opt/palisade/bin/palisade";
  const options = extension.serverOptions({ get: () => configuredPath });
  assert.deepStrictEqual(options, { command: "/opt/palisade/bin/palisade", args: ["lsp"] });
});
