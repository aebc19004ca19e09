// Palisade for VS Code: starts `palisade lsp` for Terraform, CloudFormation and IAM policy
// files. The server does the work; this is only the client's configuration.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** Documents the server analyses: Terraform by extension (no language id is built in), YAML
 * and JSON by language (the server tells templates and policies from other files itself). */
const DOCUMENT_SELECTOR = [
  { scheme: "file", pattern: "**/*.tf" },
  { scheme: "file", pattern: "**/*.tfvars" },
  { scheme: "file", language: "terraform" },
  { scheme: "file", language: "yaml" },
  { scheme: "file", language: "json" },
];

let client;

function serverOptions(configuration) {
  const command = configuration.get("path") || "palisade";
  return { command, args: ["lsp"] };
}

async function activate(context) {
  const configuration = vscode.workspace.getConfiguration("palisade");
  client = new LanguageClient(
    "palisade",
    "Palisade",
    serverOptions(configuration),
    { documentSelector: DOCUMENT_SELECTOR }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  await client.start();
}

async function deactivate() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

module.exports = { activate, deactivate, DOCUMENT_SELECTOR, serverOptions };
