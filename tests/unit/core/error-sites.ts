// Finds every error key core can send, by reading the source: each `new DomainError(code, key,
// message, …)`, each call of the exchange helpers that pass a key on (`badFile`, `tooLarge`), and
// the envelopes the transports, the server and the main process write themselves (an object with
// a `code` and a literal `key`, or `fail(code, message, { key })`).
// Keys must be string literals (or a choice between literals) there, so nothing can send a key
// this scan does not see. Where the English message is a literal or a string constant, it comes
// along, so the test can compare it with the catalogue's English.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ErrorSite {
  file: string;
  line: number;
  key: string;
  /** The English sentence when the source states it whole; null when it is built from values. */
  message: string | null;
  /** For the exchange helpers: the kinds of file the sentence is said for (the i18next context). */
  contexts: string[];
  /** A DomainError (or a helper making one), or an envelope written directly. */
  via: 'DomainError' | 'envelope';
}

export interface ScanResult {
  sites: ErrorSite[];
  /** Places where a key is not a literal: each one is a key the catalogue test cannot check. */
  unreadable: string[];
}

const ROOTS = ['electron/core', 'electron/server', 'electron/main', 'renderer/src/api'];
/** Functions that build a DomainError from a key their caller gives as the second argument. */
const FORWARDING = new Set(['badFile', 'tooLarge']);
const FILE_KINDS = ['backup', 'bundle'];

function sourceFiles(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true, recursive: true }).flatMap((entry) =>
    entry.isFile() && entry.name.endsWith('.ts') ? [path.join(entry.parentPath, entry.name)] : [],
  );
}

/** Every top-level `const NAME = 'text'` in core, for messages kept in constants. */
function stringConstants(files: ts.SourceFile[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const file of files) {
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) {
          constants.set(`${file.fileName}:${declaration.name.text}`, init.text);
          if (!constants.has(declaration.name.text)) constants.set(declaration.name.text, init.text);
        }
      }
    }
  }
  return constants;
}

/** The literal alternatives of an expression: 'a', or cond ? 'a' : 'b'. Null when not literal. */
function literals(node: ts.Expression): string[] | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = literals(node.whenTrue);
    const b = literals(node.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  return null;
}

/** The message's alternatives, resolved through string constants; null where one is built from values. */
function messages(node: ts.Expression, file: ts.SourceFile, constants: Map<string, string>): Array<string | null> {
  if (ts.isParenthesizedExpression(node)) return messages(node.expression, file, constants);
  if (ts.isConditionalExpression(node)) return [...messages(node.whenTrue, file, constants), ...messages(node.whenFalse, file, constants)];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isIdentifier(node)) return [constants.get(`${file.fileName}:${node.text}`) ?? constants.get(node.text) ?? null];
  return [null];
}

function enclosingFunctionName(node: ts.Node): string | null {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isFunctionDeclaration(at) && at.name) return at.name.text;
  }
  return null;
}

const propertyNamed = (node: ts.ObjectLiteralExpression, name: string) =>
  node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name);
const hasProperty = (node: ts.ObjectLiteralExpression, name: string) => propertyNamed(node, name) !== undefined;
function literalProperty(node: ts.ObjectLiteralExpression, name: string): string | undefined {
  const init = propertyNamed(node, name)?.initializer;
  return init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) ? init.text : undefined;
}
/** The third argument of `fail(code, message, { key })`. */
const isFailExtra = (node: ts.ObjectLiteralExpression) =>
  ts.isCallExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === 'fail' && node.parent.arguments[2] === node;

export function scanErrorSites(repoRoot: string): ScanResult {
  const files = ROOTS.flatMap((root) => sourceFiles(path.join(repoRoot, root))).map((name) =>
    ts.createSourceFile(path.relative(repoRoot, name), fs.readFileSync(name, 'utf8'), ts.ScriptTarget.Latest, true),
  );
  const constants = stringConstants(files);
  const sites: ErrorSite[] = [];
  const unreadable: string[] = [];

  for (const file of files) {
    const visit = (node: ts.Node): void => {
      const where = `${file.fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'DomainError') {
        const [, keyArg, messageArg] = node.arguments ?? [];
        const keys = keyArg ? literals(keyArg) : null;
        if (!keys) {
          // The helpers pass their caller's key on; their callers are scanned below.
          if (!FORWARDING.has(enclosingFunctionName(node) ?? '')) unreadable.push(where);
        } else {
          const texts = messageArg ? messages(messageArg, file, constants) : [null];
          keys.forEach((key, i) => sites.push({ file: file.fileName, line, key, message: texts.length === keys.length ? (texts[i] ?? null) : null, contexts: [], via: 'DomainError' }));
        }
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && FORWARDING.has(node.expression.text)) {
        const [kindArg, keyArg, problemArg] = node.arguments;
        const keys = keyArg ? literals(keyArg) : null;
        if (!keys) {
          if (!ts.isFunctionDeclaration(node.parent)) unreadable.push(where);
        } else {
          const kinds = kindArg ? (literals(kindArg) ?? FILE_KINDS) : FILE_KINDS;
          const problem = problemArg && (ts.isStringLiteral(problemArg) || ts.isNoSubstitutionTemplateLiteral(problemArg)) ? problemArg.text : null;
          for (const key of keys) sites.push({ file: file.fileName, line, key, message: problem, contexts: kinds, via: 'DomainError' });
        }
      }
      if (ts.isObjectLiteralExpression(node)) {
        const key = literalProperty(node, 'key');
        if (key !== undefined && (hasProperty(node, 'code') || isFailExtra(node))) {
          const message = isFailExtra(node) ? (messages((node.parent as ts.CallExpression).arguments[1]!, file, constants)[0] ?? null) : literalProperty(node, 'message');
          sites.push({ file: file.fileName, line, key, message: message ?? null, contexts: [], via: 'envelope' });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { sites, unreadable };
}
