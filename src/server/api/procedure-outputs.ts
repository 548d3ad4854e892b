// Each procedure's output type for docs/api-procedures.md, as the TypeScript compiler infers it
// from the router (`inferRouterOutputs<AppRouter>`, what a typed client sees): a program over one
// small generated file that names every procedure's output, printed by walking the checker's
// types. Object types the app names itself (interfaces and type aliases under src/, not generic)
// are printed once, in `types`, and referenced by name; everything else is written out.
// Used by npm run docs:api and its test only (typescript is a dev dependency).
import path from "node:path";
import ts from "typescript";

export interface NamedType {
  name: string;
  /** The file that declares it, relative to the repository. */
  source: string;
  /** The type written out, multi-line. */
  definition: string;
}

export interface ProcedureOutputs {
  /** Procedure path → its output type (multi-line for objects; named types by name). */
  outputs: Map<string, string>;
  types: NamedType[];
}

const root = path.resolve(import.meta.dirname, "../../..");
const apiDir = path.join(root, "src/server/api");

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(d) },
  );
  if (!parsed) throw new Error("tsconfig.json could not be read");
  return { ...parsed.options, noEmit: true, incremental: false, plugins: undefined };
}

function fail(diagnostic: ts.Diagnostic): never {
  throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

const isLibrary = (file: string) => file.includes("/node_modules/");
/** The names the compiler gives object literal types, mapped types and the like. */
const ANONYMOUS = new Set(["__type", "__object"]);

export function procedureOutputs(paths: string[]): ProcedureOutputs {
  const file = path.join(apiDir, "__procedure-outputs__.ts");
  const source = [
    'import type { inferRouterOutputs } from "@trpc/server";',
    'import type { AppRouter } from "./root";',
    "type O = inferRouterOutputs<AppRouter>;",
    ...paths.map(
      (p, i) =>
        `export type P${i} = O${p
          .split(".")
          .map((s) => `[${JSON.stringify(s)}]`)
          .join("")};`,
    ),
  ].join("\n");
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : readSource(name, language, ...rest);
  host.fileExists = (name) => name === file || exists(name);
  const program = ts.createProgram([file], options, host);
  const generated = program.getSourceFile(file)!;
  // The generated file's own errors only (a procedure path that does not resolve); the project's are tsc's to report.
  const errors = [...program.getSyntacticDiagnostics(generated), ...program.getSemanticDiagnostics(generated)];
  if (errors.length) fail(errors[0]!);
  const printer = new TypePrinter(program.getTypeChecker());
  const outputs = new Map<string, string>();
  for (const statement of generated.statements) {
    if (!ts.isTypeAliasDeclaration(statement) || !/^P\d+$/.test(statement.name.text)) continue;
    const type = printer.checker.getTypeAtLocation(statement.name);
    outputs.set(paths[Number(statement.name.text.slice(1))]!, printer.print(type, "", true));
  }
  return { outputs, types: printer.namedTypes() };
}

class TypePrinter {
  private readonly names = new Map<ts.Symbol, string>();
  private readonly taken = new Set<string>();
  private readonly definitions: NamedType[] = [];
  private readonly expanding = new Set<ts.Type>();

  constructor(readonly checker: ts.TypeChecker) {}

  namedTypes(): NamedType[] {
    return [...this.definitions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** `top` skips naming: a procedure's own output is written out even when it has a name of its own. */
  print(type: ts.Type, indent: string, top = false, optional = false): string {
    const name = top ? null : this.nameOf(type);
    if (name) return name;
    const flags = type.flags;
    if (flags & ts.TypeFlags.Boolean) return "boolean";
    if (flags & ts.TypeFlags.Union) return this.union((type as ts.UnionType).types, indent, optional);
    if (flags & ts.TypeFlags.Object || flags & ts.TypeFlags.Intersection) return this.object(type, indent);
    return this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  }

  /** An optional property's type carries `undefined`; its `?` says so already. */
  private union(members: ts.Type[], indent: string, optional: boolean): string {
    const has = (intrinsic: string) =>
      members.some((m) => (m as { intrinsicName?: string }).intrinsicName === intrinsic);
    const isBoolean = has("true") && has("false");
    const kept = members
      .filter((m) => !(isBoolean && m.flags & ts.TypeFlags.BooleanLiteral))
      .filter((m) => !(m.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    // Literals sorted: the checker orders a union by when it first met each member, which an unrelated edit can change.
    const literal = (m: ts.Type) => (m.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) !== 0;
    const parts = [
      ...kept
        .filter(literal)
        .map((m) => this.print(m, indent))
        .sort(),
      ...kept.filter((m) => !literal(m)).map((m) => this.wrap(this.print(m, indent), m)),
    ];
    if (isBoolean) parts.push("boolean");
    if (has("null")) parts.push("null");
    if (has("undefined") && !optional) parts.push("undefined");
    return [...new Set(parts)].join(" | ");
  }

  private wrap(text: string, type: ts.Type): string {
    return type.flags & ts.TypeFlags.UnionOrIntersection && !(type.flags & ts.TypeFlags.Boolean) && text.includes(" ")
      ? `(${text})`
      : text;
  }

  private object(type: ts.Type, indent: string): string {
    const { checker } = this;
    if (checker.isArrayType(type)) {
      const element = checker.getTypeArguments(type as ts.TypeReference)[0]!;
      const text = this.print(element, indent);
      return `${element.flags & ts.TypeFlags.Union && !(element.flags & ts.TypeFlags.Boolean) ? `(${text})` : text}[]`;
    }
    if (checker.isTupleType(type))
      return `[${checker
        .getTypeArguments(type as ts.TypeReference)
        .map((t) => this.print(t, indent))
        .join(", ")}]`;
    // A library's named type (Date, Decimal, JsonValue) by its name; its anonymous shapes (Prisma's payloads) written out.
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declared = symbol?.declarations?.[0]?.getSourceFile().fileName;
    if (declared && isLibrary(declared) && !ANONYMOUS.has(symbol!.name) && !(type.flags & ts.TypeFlags.Intersection))
      return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
    if (this.expanding.has(type) || type.getCallSignatures().length > 0)
      return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
    this.expanding.add(type);
    try {
      const inner = `${indent}  `;
      const lines: string[] = [];
      for (const info of checker.getIndexInfosOfType(type))
        lines.push(`${inner}[key: ${checker.typeToString(info.keyType)}]: ${this.print(info.type, inner)};`);
      for (const property of checker.getPropertiesOfType(type)) {
        const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
        const text = this.print(checker.getTypeOfSymbol(property), inner, false, optional);
        lines.push(`${inner}${safeKey(property.name)}${optional ? "?" : ""}: ${text};`);
      }
      return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${indent}}`;
    } finally {
      this.expanding.delete(type);
    }
  }

  /** The name of an object type the app declares itself (non-generic), its definition recorded on first sight. */
  private nameOf(type: ts.Type): string | null {
    if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection | ts.TypeFlags.Union))) return null;
    if (type.flags & ts.TypeFlags.Boolean) return null;
    const symbol = type.aliasSymbol ?? (type.flags & ts.TypeFlags.Object ? type.getSymbol() : undefined);
    if (!symbol || (type.aliasSymbol && type.aliasTypeArguments?.length)) return null;
    const declaration = symbol.declarations?.[0];
    if (!declaration || !(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)))
      return null;
    if (declaration.typeParameters?.length) return null;
    const fileName = declaration.getSourceFile().fileName;
    if (isLibrary(fileName) || this.checker.isArrayType(type)) return null;
    const known = this.names.get(symbol);
    if (known) return known;
    let name = symbol.name;
    for (let n = 2; this.taken.has(name); n++) name = `${symbol.name}${n}`;
    this.names.set(symbol, name);
    this.taken.add(name);
    const entry: NamedType = { name, source: path.relative(root, fileName), definition: "" };
    this.definitions.push(entry);
    entry.definition = this.print(type, "", true);
    return name;
  }
}

const safeKey = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
