import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  cjsExports
} from "./chunk-C64V33NP.js";
import {
  formatBytes
} from "./chunk-RI6HCDV2.js";
import {
  findTokens,
  isFilePathValue,
  redactCreatedBy,
  scanFileForSecrets,
  secretAssignment
} from "./chunk-RYLBCIKQ.js";
import {
  contentKey,
  joinPath,
  normalisePath,
  parentOf,
  resolvePath
} from "./chunk-5YN6HGCW.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";
import {
  __commonJS,
  __esm,
  __export,
  __toCommonJS,
  __toESM
} from "./chunk-D7B27K6P.js";

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next2 = fullArgs.charAt(i + 1);
            if (next2 === " " || next2 === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next2 === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment = false;
              i += 2;
            } else if (next2 === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next2 = fullArgs.charAt(i + 1);
            if (next2 === " " || next2 === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next2 === "\r") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next2 === "\n") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next2 === "$") {
                escapedArg = escapedArg + char + next2;
              } else if (next2 === "") {
                break;
              } else {
                escapedArg = escapedArg + next2;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
          return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path : parent + "/" + path;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies2 = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies2.push(instruction);
          }
        }
        return copies2;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions2 = this.getInstructions();
        if (instructions2.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions2[0].getRange().start;
        const instructionEnd = instructions2[instructions2.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions2 = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions2.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions2[0].getRange().start, instructions2[instructions2.length - 1].getRange().end);
          }
        } else if (instructions2.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions2[0].getRange().start;
          const instructionEnd = instructions2[instructions2.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next2 = this.buffer.charAt(i + 1);
              if (next2 === "\n" || next2 === "\r") {
                escaped = true;
                i++;
              } else if (next2 === " " || next2 === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// node_modules/spdx-license-ids/index.json
var require_spdx_license_ids = __commonJS({
  "node_modules/spdx-license-ids/index.json"(exports, module) {
    module.exports = [
      "0BSD",
      "3D-Slicer-1.0",
      "AAL",
      "ADSL",
      "AFL-1.1",
      "AFL-1.2",
      "AFL-2.0",
      "AFL-2.1",
      "AFL-3.0",
      "AGPL-1.0-only",
      "AGPL-1.0-or-later",
      "AGPL-3.0-only",
      "AGPL-3.0-or-later",
      "ALGLIB-Documentation",
      "AMD-newlib",
      "AMDPLPA",
      "AML",
      "AML-glslang",
      "AMPAS",
      "ANTLR-PD",
      "ANTLR-PD-fallback",
      "APAFML",
      "APL-1.0",
      "APSL-1.0",
      "APSL-1.1",
      "APSL-1.2",
      "APSL-2.0",
      "ASWF-Digital-Assets-1.0",
      "ASWF-Digital-Assets-1.1",
      "Abstyles",
      "AdaCore-doc",
      "Adobe-2006",
      "Adobe-Display-PostScript",
      "Adobe-Glyph",
      "Adobe-Utopia",
      "Advanced-Cryptics-Dictionary",
      "Afmparse",
      "Aladdin",
      "Apache-1.0",
      "Apache-1.1",
      "Apache-2.0",
      "App-s2p",
      "Arphic-1999",
      "Artistic-1.0",
      "Artistic-1.0-Perl",
      "Artistic-1.0-cl8",
      "Artistic-2.0",
      "Artistic-dist",
      "Aspell-RU",
      "BOLA-1.1",
      "BSD-1-Clause",
      "BSD-2-Clause",
      "BSD-2-Clause-Darwin",
      "BSD-2-Clause-Patent",
      "BSD-2-Clause-Views",
      "BSD-2-Clause-first-lines",
      "BSD-2-Clause-pkgconf-disclaimer",
      "BSD-2-Clause-pos-unchanged",
      "BSD-3-Clause",
      "BSD-3-Clause-Attribution",
      "BSD-3-Clause-Clear",
      "BSD-3-Clause-HP",
      "BSD-3-Clause-LBNL",
      "BSD-3-Clause-Modification",
      "BSD-3-Clause-No-Military-License",
      "BSD-3-Clause-No-Nuclear-License",
      "BSD-3-Clause-No-Nuclear-License-2014",
      "BSD-3-Clause-No-Nuclear-Warranty",
      "BSD-3-Clause-Open-MPI",
      "BSD-3-Clause-OpenWebUI",
      "BSD-3-Clause-Sun",
      "BSD-3-Clause-Tso",
      "BSD-3-Clause-acpica",
      "BSD-3-Clause-flex",
      "BSD-4-Clause",
      "BSD-4-Clause-Shortened",
      "BSD-4-Clause-UC",
      "BSD-4.3RENO",
      "BSD-4.3TAHOE",
      "BSD-Advertising-Acknowledgement",
      "BSD-Attribution-HPND-disclaimer",
      "BSD-Inferno-Nettverk",
      "BSD-Mark-Modifications",
      "BSD-Protection",
      "BSD-Source-Code",
      "BSD-Source-Code-no-disclaimer",
      "BSD-Source-alt-GPL",
      "BSD-Source-beginning-file",
      "BSD-Systemics",
      "BSD-Systemics-W3Works",
      "BSD-ask-to-endorse",
      "BSL-1.0",
      "BUSL-1.1",
      "Baekmuk",
      "Bahyph",
      "Barr",
      "Beerware",
      "BitTorrent-1.0",
      "BitTorrent-1.1",
      "Bitstream-Charter",
      "Bitstream-Vera",
      "BlueOak-1.0.0",
      "Boehm-GC",
      "Boehm-GC-without-fee",
      "Borceux",
      "Brian-Gladman-2-Clause",
      "Brian-Gladman-3-Clause",
      "Brian-Gladman-3-Clause-no-conversion",
      "Buddy",
      "Bugroff",
      "C-UDA-1.0",
      "CAL-1.0",
      "CAL-1.0-Combined-Work-Exception",
      "CAPEC-tou",
      "CATOSL-1.1",
      "CC-BY-1.0",
      "CC-BY-2.0",
      "CC-BY-2.5",
      "CC-BY-2.5-AU",
      "CC-BY-3.0",
      "CC-BY-3.0-AT",
      "CC-BY-3.0-AU",
      "CC-BY-3.0-DE",
      "CC-BY-3.0-IGO",
      "CC-BY-3.0-NL",
      "CC-BY-3.0-US",
      "CC-BY-4.0",
      "CC-BY-NC-1.0",
      "CC-BY-NC-2.0",
      "CC-BY-NC-2.5",
      "CC-BY-NC-3.0",
      "CC-BY-NC-3.0-DE",
      "CC-BY-NC-3.0-IGO",
      "CC-BY-NC-4.0",
      "CC-BY-NC-ND-1.0",
      "CC-BY-NC-ND-2.0",
      "CC-BY-NC-ND-2.5",
      "CC-BY-NC-ND-3.0",
      "CC-BY-NC-ND-3.0-DE",
      "CC-BY-NC-ND-3.0-IGO",
      "CC-BY-NC-ND-4.0",
      "CC-BY-NC-SA-1.0",
      "CC-BY-NC-SA-2.0",
      "CC-BY-NC-SA-2.0-DE",
      "CC-BY-NC-SA-2.0-FR",
      "CC-BY-NC-SA-2.0-UK",
      "CC-BY-NC-SA-2.5",
      "CC-BY-NC-SA-3.0",
      "CC-BY-NC-SA-3.0-DE",
      "CC-BY-NC-SA-3.0-IGO",
      "CC-BY-NC-SA-4.0",
      "CC-BY-ND-1.0",
      "CC-BY-ND-2.0",
      "CC-BY-ND-2.5",
      "CC-BY-ND-3.0",
      "CC-BY-ND-3.0-DE",
      "CC-BY-ND-4.0",
      "CC-BY-SA-1.0",
      "CC-BY-SA-2.0",
      "CC-BY-SA-2.0-UK",
      "CC-BY-SA-2.1-JP",
      "CC-BY-SA-2.5",
      "CC-BY-SA-3.0",
      "CC-BY-SA-3.0-AT",
      "CC-BY-SA-3.0-DE",
      "CC-BY-SA-3.0-IGO",
      "CC-BY-SA-4.0",
      "CC-PDDC",
      "CC-PDM-1.0",
      "CC-SA-1.0",
      "CC0-1.0",
      "CDDL-1.0",
      "CDDL-1.1",
      "CDL-1.0",
      "CDLA-Permissive-1.0",
      "CDLA-Permissive-2.0",
      "CDLA-Sharing-1.0",
      "CECILL-1.0",
      "CECILL-1.1",
      "CECILL-2.0",
      "CECILL-2.1",
      "CECILL-B",
      "CECILL-C",
      "CERN-OHL-1.1",
      "CERN-OHL-1.2",
      "CERN-OHL-P-2.0",
      "CERN-OHL-S-2.0",
      "CERN-OHL-W-2.0",
      "CFITSIO",
      "CMU-Mach",
      "CMU-Mach-nodoc",
      "CNRI-Jython",
      "CNRI-Python",
      "CNRI-Python-GPL-Compatible",
      "COIL-1.0",
      "CPAL-1.0",
      "CPL-1.0",
      "CPOL-1.02",
      "CUA-OPL-1.0",
      "Caldera",
      "Caldera-no-preamble",
      "Catharon",
      "ClArtistic",
      "Clips",
      "Community-Spec-1.0",
      "Condor-1.1",
      "Cornell-Lossless-JPEG",
      "Cronyx",
      "Crossword",
      "CryptoSwift",
      "CrystalStacker",
      "Cube",
      "D-FSL-1.0",
      "DEC-3-Clause",
      "DL-DE-BY-2.0",
      "DL-DE-ZERO-2.0",
      "DOC",
      "DRL-1.0",
      "DRL-1.1",
      "DSDP",
      "DocBook-DTD",
      "DocBook-Schema",
      "DocBook-Stylesheet",
      "DocBook-XML",
      "Dotseqn",
      "ECL-1.0",
      "ECL-2.0",
      "EFL-1.0",
      "EFL-2.0",
      "EPICS",
      "EPL-1.0",
      "EPL-2.0",
      "ESA-PL-permissive-2.4",
      "ESA-PL-strong-copyleft-2.4",
      "ESA-PL-weak-copyleft-2.4",
      "EUDatagrid",
      "EUPL-1.0",
      "EUPL-1.1",
      "EUPL-1.2",
      "Elastic-2.0",
      "Entessa",
      "ErlPL-1.1",
      "Eurosym",
      "FBM",
      "FDK-AAC",
      "FDK-MPEG-H",
      "FSFAP",
      "FSFAP-no-warranty-disclaimer",
      "FSFUL",
      "FSFULLR",
      "FSFULLRSD",
      "FSFULLRWD",
      "FSL-1.1-ALv2",
      "FSL-1.1-MIT",
      "FTL",
      "Fair",
      "Ferguson-Twofish",
      "Frameworx-1.0",
      "FreeBSD-DOC",
      "FreeImage",
      "Furuseth",
      "GCR-docs",
      "GD",
      "GFDL-1.1-invariants-only",
      "GFDL-1.1-invariants-or-later",
      "GFDL-1.1-no-invariants-only",
      "GFDL-1.1-no-invariants-or-later",
      "GFDL-1.1-only",
      "GFDL-1.1-or-later",
      "GFDL-1.2-invariants-only",
      "GFDL-1.2-invariants-or-later",
      "GFDL-1.2-no-invariants-only",
      "GFDL-1.2-no-invariants-or-later",
      "GFDL-1.2-only",
      "GFDL-1.2-or-later",
      "GFDL-1.3-invariants-only",
      "GFDL-1.3-invariants-or-later",
      "GFDL-1.3-no-invariants-only",
      "GFDL-1.3-no-invariants-or-later",
      "GFDL-1.3-only",
      "GFDL-1.3-or-later",
      "GL2PS",
      "GLWTPL",
      "GPL-1.0-only",
      "GPL-1.0-or-later",
      "GPL-2.0-only",
      "GPL-2.0-or-later",
      "GPL-3.0-only",
      "GPL-3.0-or-later",
      "Game-Programming-Gems",
      "Giftware",
      "Glide",
      "Glulxe",
      "Graphics-Gems",
      "Gutmann",
      "HDF5",
      "HIDAPI",
      "HP-1986",
      "HP-1989",
      "HPND",
      "HPND-DEC",
      "HPND-Fenneberg-Livingston",
      "HPND-INRIA-IMAG",
      "HPND-Intel",
      "HPND-Kevlin-Henney",
      "HPND-MIT-disclaimer",
      "HPND-Markus-Kuhn",
      "HPND-Netrek",
      "HPND-Pbmplus",
      "HPND-SMC",
      "HPND-UC",
      "HPND-UC-export-US",
      "HPND-doc",
      "HPND-doc-sell",
      "HPND-export-US",
      "HPND-export-US-acknowledgement",
      "HPND-export-US-modify",
      "HPND-export2-US",
      "HPND-merchantability-variant",
      "HPND-sell-MIT-disclaimer-xserver",
      "HPND-sell-regexpr",
      "HPND-sell-variant",
      "HPND-sell-variant-MIT-disclaimer",
      "HPND-sell-variant-MIT-disclaimer-rev",
      "HPND-sell-variant-critical-systems",
      "HTMLTIDY",
      "HaskellReport",
      "Hippocratic-2.1",
      "Hippocratic-3.0-core",
      "IBM-pibs",
      "ICU",
      "IEC-Code-Components-EULA",
      "IJG",
      "IJG-short",
      "IPA",
      "IPL-1.0",
      "ISC",
      "ISC-Veillard",
      "ISO-permission",
      "ImageMagick",
      "Imlib2",
      "Info-ZIP",
      "Informatica",
      "Inner-Net-2.0",
      "InnoSetup",
      "Intel",
      "Intel-ACPI",
      "Interbase-1.0",
      "JPL-image",
      "JPNIC",
      "JSON",
      "Jam",
      "JasPer-2.0",
      "Kastrup",
      "Kazlib",
      "Knuth-CTAN",
      "LAL-1.2",
      "LAL-1.3",
      "LGPL-2.0-only",
      "LGPL-2.0-or-later",
      "LGPL-2.1-only",
      "LGPL-2.1-or-later",
      "LGPL-3.0-only",
      "LGPL-3.0-or-later",
      "LGPLLR",
      "LOOP",
      "LPD-document",
      "LPL-1.0",
      "LPL-1.02",
      "LPPL-1.0",
      "LPPL-1.1",
      "LPPL-1.2",
      "LPPL-1.3a",
      "LPPL-1.3c",
      "LZMA-SDK-9.11-to-9.20",
      "LZMA-SDK-9.22",
      "Latex2e",
      "Latex2e-translated-notice",
      "Leptonica",
      "LiLiQ-P-1.1",
      "LiLiQ-R-1.1",
      "LiLiQ-Rplus-1.1",
      "Libpng",
      "Linux-OpenIB",
      "Linux-man-pages-1-para",
      "Linux-man-pages-copyleft",
      "Linux-man-pages-copyleft-2-para",
      "Linux-man-pages-copyleft-var",
      "Lucida-Bitmap-Fonts",
      "MIPS",
      "MIT",
      "MIT-0",
      "MIT-CMU",
      "MIT-Click",
      "MIT-Festival",
      "MIT-Khronos-old",
      "MIT-Modern-Variant",
      "MIT-STK",
      "MIT-Wu",
      "MIT-advertising",
      "MIT-enna",
      "MIT-feh",
      "MIT-open-group",
      "MIT-testregex",
      "MITNFA",
      "MMIXware",
      "MMPL-1.0.1",
      "MPEG-SSG",
      "MPL-1.0",
      "MPL-1.1",
      "MPL-2.0",
      "MPL-2.0-no-copyleft-exception",
      "MS-LPL",
      "MS-PL",
      "MS-RL",
      "MTLL",
      "MVT-1.1",
      "Mackerras-3-Clause",
      "Mackerras-3-Clause-acknowledgment",
      "MakeIndex",
      "Martin-Birgmeier",
      "McPhee-slideshow",
      "Minpack",
      "MirOS",
      "Motosoto",
      "MulanPSL-1.0",
      "MulanPSL-2.0",
      "Multics",
      "Mup",
      "NAIST-2003",
      "NASA-1.3",
      "NBPL-1.0",
      "NCBI-PD",
      "NCGL-UK-2.0",
      "NCL",
      "NCSA",
      "NGPL",
      "NICTA-1.0",
      "NIST-PD",
      "NIST-PD-TNT",
      "NIST-PD-fallback",
      "NIST-Software",
      "NLOD-1.0",
      "NLOD-2.0",
      "NLPL",
      "NOSL",
      "NPL-1.0",
      "NPL-1.1",
      "NPOSL-3.0",
      "NRL",
      "NTIA-PD",
      "NTP",
      "NTP-0",
      "Naumen",
      "NetCDF",
      "Newsletr",
      "Nokia",
      "Noweb",
      "O-UDA-1.0",
      "OAR",
      "OCCT-PL",
      "OCLC-2.0",
      "ODC-By-1.0",
      "ODbL-1.0",
      "OFFIS",
      "OFL-1.0",
      "OFL-1.0-RFN",
      "OFL-1.0-no-RFN",
      "OFL-1.1",
      "OFL-1.1-RFN",
      "OFL-1.1-no-RFN",
      "OGC-1.0",
      "OGDL-Taiwan-1.0",
      "OGL-Canada-2.0",
      "OGL-UK-1.0",
      "OGL-UK-2.0",
      "OGL-UK-3.0",
      "OGTSL",
      "OLDAP-1.1",
      "OLDAP-1.2",
      "OLDAP-1.3",
      "OLDAP-1.4",
      "OLDAP-2.0",
      "OLDAP-2.0.1",
      "OLDAP-2.1",
      "OLDAP-2.2",
      "OLDAP-2.2.1",
      "OLDAP-2.2.2",
      "OLDAP-2.3",
      "OLDAP-2.4",
      "OLDAP-2.5",
      "OLDAP-2.6",
      "OLDAP-2.7",
      "OLDAP-2.8",
      "OLFL-1.3",
      "OML",
      "OPL-1.0",
      "OPL-UK-3.0",
      "OPUBL-1.0",
      "OSC-1.0",
      "OSET-PL-2.1",
      "OSL-1.0",
      "OSL-1.1",
      "OSL-2.0",
      "OSL-2.1",
      "OSL-3.0",
      "OSSP",
      "OpenMDW-1.0",
      "OpenPBS-2.3",
      "OpenSSL",
      "OpenSSL-standalone",
      "OpenVision",
      "PADL",
      "PDDL-1.0",
      "PHP-3.0",
      "PHP-3.01",
      "PPL",
      "PSF-2.0",
      "ParaType-Free-Font-1.3",
      "Parity-6.0.0",
      "Parity-7.0.0",
      "Pixar",
      "Plexus",
      "PolyForm-Noncommercial-1.0.0",
      "PolyForm-Small-Business-1.0.0",
      "PostgreSQL",
      "Python-2.0",
      "Python-2.0.1",
      "QPL-1.0",
      "QPL-1.0-INRIA-2004",
      "Qhull",
      "RHeCos-1.1",
      "RPL-1.1",
      "RPL-1.5",
      "RPSL-1.0",
      "RSA-MD",
      "RSCPL",
      "Rdisc",
      "Ruby",
      "Ruby-pty",
      "SAX-PD",
      "SAX-PD-2.0",
      "SCEA",
      "SGI-B-1.0",
      "SGI-B-1.1",
      "SGI-B-2.0",
      "SGI-OpenGL",
      "SGMLUG-PM",
      "SGP4",
      "SHL-0.5",
      "SHL-0.51",
      "SISSL",
      "SISSL-1.2",
      "SL",
      "SMAIL-GPL",
      "SMLNJ",
      "SMPPL",
      "SNIA",
      "SOFA",
      "SPL-1.0",
      "SSH-OpenSSH",
      "SSH-short",
      "SSLeay-standalone",
      "SSPL-1.0",
      "SUL-1.0",
      "SWL",
      "Saxpath",
      "SchemeReport",
      "Sendmail",
      "Sendmail-8.23",
      "Sendmail-Open-Source-1.1",
      "SimPL-2.0",
      "Sleepycat",
      "Soundex",
      "Spencer-86",
      "Spencer-94",
      "Spencer-99",
      "SugarCRM-1.1.3",
      "Sun-PPP",
      "Sun-PPP-2000",
      "SunPro",
      "Symlinks",
      "TAPR-OHL-1.0",
      "TCL",
      "TCP-wrappers",
      "TGPPL-1.0",
      "TMate",
      "TORQUE-1.1",
      "TOSL",
      "TPDL",
      "TPL-1.0",
      "TTWL",
      "TTYP0",
      "TU-Berlin-1.0",
      "TU-Berlin-2.0",
      "TekHVC",
      "TermReadKey",
      "ThirdEye",
      "TrustedQSL",
      "UCAR",
      "UCL-1.0",
      "UMich-Merit",
      "UPL-1.0",
      "URT-RLE",
      "Ubuntu-font-1.0",
      "UnRAR",
      "Unicode-3.0",
      "Unicode-DFS-2015",
      "Unicode-DFS-2016",
      "Unicode-TOU",
      "UnixCrypt",
      "Unlicense",
      "Unlicense-libtelnet",
      "Unlicense-libwhirlpool",
      "VOSTROM",
      "VSL-1.0",
      "Vim",
      "Vixie-Cron",
      "W3C",
      "W3C-19980720",
      "W3C-20150513",
      "WTFNMFPL",
      "WTFPL",
      "Watcom-1.0",
      "Widget-Workshop",
      "WordNet",
      "Wsuipa",
      "X11",
      "X11-distribute-modifications-variant",
      "X11-no-permit-persons",
      "X11-swapped",
      "XFree86-1.1",
      "XSkat",
      "Xdebug-1.03",
      "Xerox",
      "Xfig",
      "Xnet",
      "YPL-1.0",
      "YPL-1.1",
      "ZPL-1.1",
      "ZPL-2.0",
      "ZPL-2.1",
      "Zed",
      "Zeeff",
      "Zend-2.0",
      "Zimbra-1.3",
      "Zimbra-1.4",
      "Zlib",
      "any-OSI",
      "any-OSI-perl-modules",
      "atc-game",
      "bcrypt-Solar-Designer",
      "blessing",
      "bzip2-1.0.6",
      "check-cvs",
      "checkmk",
      "copyleft-next-0.3.0",
      "copyleft-next-0.3.1",
      "curl",
      "cve-tou",
      "diffmark",
      "dtoa",
      "dvipdfm",
      "eGenix",
      "etalab-2.0",
      "fwlw",
      "gSOAP-1.3b",
      "generic-xts",
      "gnuplot",
      "gtkbook",
      "hdparm",
      "hyphen-bulgarian",
      "iMatix",
      "jove",
      "libpng-1.6.35",
      "libpng-2.0",
      "libselinux-1.0",
      "libtiff",
      "libutil-David-Nugent",
      "lsof",
      "magaz",
      "mailprio",
      "man2html",
      "metamail",
      "mpi-permissive",
      "mpich2",
      "mplus",
      "ngrep",
      "pkgconf",
      "pnmstitch",
      "psfrag",
      "psutils",
      "python-ldap",
      "radvd",
      "snprintf",
      "softSurfer",
      "ssh-keyscan",
      "swrule",
      "threeparttable",
      "ulem",
      "w3m",
      "wwl",
      "xinetd",
      "xkeyboard-config-Zinoviev",
      "xlock",
      "xpp",
      "xzoom",
      "zlib-acknowledgement"
    ];
  }
});

// node_modules/spdx-license-ids/deprecated.json
var require_deprecated = __commonJS({
  "node_modules/spdx-license-ids/deprecated.json"(exports, module) {
    module.exports = [
      "AGPL-1.0",
      "AGPL-3.0",
      "BSD-2-Clause-FreeBSD",
      "BSD-2-Clause-NetBSD",
      "GFDL-1.1",
      "GFDL-1.2",
      "GFDL-1.3",
      "GPL-1.0",
      "GPL-2.0",
      "GPL-2.0-with-GCC-exception",
      "GPL-2.0-with-autoconf-exception",
      "GPL-2.0-with-bison-exception",
      "GPL-2.0-with-classpath-exception",
      "GPL-2.0-with-font-exception",
      "GPL-3.0",
      "GPL-3.0-with-GCC-exception",
      "GPL-3.0-with-autoconf-exception",
      "LGPL-2.0",
      "LGPL-2.1",
      "LGPL-3.0",
      "Net-SNMP",
      "Nunit",
      "StandardML-NJ",
      "bzip2-1.0.5",
      "eCos-2.0",
      "wxWindows"
    ];
  }
});

// node_modules/spdx-exceptions/index.json
var require_spdx_exceptions = __commonJS({
  "node_modules/spdx-exceptions/index.json"(exports, module) {
    module.exports = [
      "389-exception",
      "Asterisk-exception",
      "Autoconf-exception-2.0",
      "Autoconf-exception-3.0",
      "Autoconf-exception-generic",
      "Autoconf-exception-generic-3.0",
      "Autoconf-exception-macro",
      "Bison-exception-1.24",
      "Bison-exception-2.2",
      "Bootloader-exception",
      "Classpath-exception-2.0",
      "CLISP-exception-2.0",
      "cryptsetup-OpenSSL-exception",
      "DigiRule-FOSS-exception",
      "eCos-exception-2.0",
      "Fawkes-Runtime-exception",
      "FLTK-exception",
      "fmt-exception",
      "Font-exception-2.0",
      "freertos-exception-2.0",
      "GCC-exception-2.0",
      "GCC-exception-2.0-note",
      "GCC-exception-3.1",
      "Gmsh-exception",
      "GNAT-exception",
      "GNOME-examples-exception",
      "GNU-compiler-exception",
      "gnu-javamail-exception",
      "GPL-3.0-interface-exception",
      "GPL-3.0-linking-exception",
      "GPL-3.0-linking-source-exception",
      "GPL-CC-1.0",
      "GStreamer-exception-2005",
      "GStreamer-exception-2008",
      "i2p-gpl-java-exception",
      "KiCad-libraries-exception",
      "LGPL-3.0-linking-exception",
      "libpri-OpenH323-exception",
      "Libtool-exception",
      "Linux-syscall-note",
      "LLGPL",
      "LLVM-exception",
      "LZMA-exception",
      "mif-exception",
      "OCaml-LGPL-linking-exception",
      "OCCT-exception-1.0",
      "OpenJDK-assembly-exception-1.0",
      "openvpn-openssl-exception",
      "PS-or-PDF-font-exception-20170817",
      "QPL-1.0-INRIA-2004-exception",
      "Qt-GPL-exception-1.0",
      "Qt-LGPL-exception-1.1",
      "Qwt-exception-1.0",
      "SANE-exception",
      "SHL-2.0",
      "SHL-2.1",
      "stunnel-exception",
      "SWI-exception",
      "Swift-exception",
      "Texinfo-exception",
      "u-boot-exception-2.0",
      "UBDL-exception",
      "Universal-FOSS-exception-1.0",
      "vsftpd-openssl-exception",
      "WxWindows-exception-3.1",
      "x11vnc-openssl-exception"
    ];
  }
});

// node_modules/spdx-expression-parse/scan.js
var require_scan = __commonJS({
  "node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = [/^WITH/i, /^AND/i, /^OR/i, "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string: string.toUpperCase()
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-expression-parse/parse.js
var require_parse = __commonJS({
  "node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next2() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next2();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next2();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next2();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t === null) {
          throw new Error("Unexpected end of input");
        }
        if (t.type === "LICENSEREF") {
          next2();
          string += "LicenseRef-" + t.string;
          var node2 = { license: string };
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next2();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse = __commonJS({
  "node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    module.exports = function(source) {
      return parse(scan(source));
    };
  }
});

// src/checks/capture.ts
var CAPTURE_LIMITS = {
  executable: 64 * 1024,
  /** Executables in package-managed trees: the header, program headers and PT_INTERP, and small binaries whole. */
  packagedExecutable: 16 * 1024,
  secretFile: 64 * 1024,
  configFile: 16 * 1024,
  accounts: 64 * 1024,
  linkerConfig: 4 * 1024,
  packageJson: 64 * 1024
};
var SECRET_NAMES = /* @__PURE__ */ new Set([
  ".npmrc",
  ".pypirc",
  ".env",
  ".git-credentials",
  ".netrc",
  "_netrc",
  "credentials",
  "id_rsa",
  "id_dsa",
  "id_ecdsa",
  "id_ed25519"
]);
var SECRET_NAME_PATTERNS = [/\.(pem|key|p8)$/, /^\.env\..+$/, /^id_(rsa|dsa|ecdsa|ed25519)/];
var CONFIG_EXTENSIONS = /\.(json|ya?ml|toml|ini|cfg|conf|properties|xml|sh)$/;
var SYSTEM_TREES = /^\/(usr|lib|lib32|lib64|bin|sbin|proc|sys|var\/lib)\/|\/node_modules\/|\/site-packages\/|\/dist-packages\//;
var DISTRO_TREES = /^\/(bin|sbin|usr\/bin|usr\/sbin|usr\/lib|usr\/lib64|usr\/libexec|lib|lib64|usr\/share)\//;
function basenameOf(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function isSecretCandidate(path) {
  const name = basenameOf(path);
  if (SECRET_NAMES.has(name) || SECRET_NAME_PATTERNS.some((pattern) => pattern.test(name))) return true;
  return name === "config.json" && path.endsWith("/.docker/config.json");
}
var IMAGE_CAPTURE = (path, size, mode2) => {
  if (size <= 0) return 0;
  const name = basenameOf(path);
  if (path === "/etc/passwd" || path === "/etc/group" || path === "/etc/shadow")
    return Math.min(size, CAPTURE_LIMITS.accounts);
  if (name === "settings.py" && !SYSTEM_TREES.test(path)) return Math.min(size, CAPTURE_LIMITS.configFile);
  if (path === "/etc/ld.so.conf" || path.startsWith("/etc/ld.so.conf.d/") && name.endsWith(".conf"))
    return Math.min(size, CAPTURE_LIMITS.linkerConfig);
  if (/^\/etc\/ld-musl-[^/]+\.path$/.test(path)) return Math.min(size, CAPTURE_LIMITS.linkerConfig);
  if (isSecretCandidate(path)) return Math.min(size, CAPTURE_LIMITS.secretFile);
  if (name === "package.json" && !path.includes("/node_modules/"))
    return Math.min(size, CAPTURE_LIMITS.packageJson);
  if ((mode2 & 73) !== 0 && size >= 3)
    return Math.min(
      size,
      DISTRO_TREES.test(path) ? CAPTURE_LIMITS.packagedExecutable : CAPTURE_LIMITS.executable
    );
  if (size <= CAPTURE_LIMITS.configFile && isShallowConfigFile(path)) return size;
  return 0;
};
function isShallowConfigFile(path) {
  return CONFIG_EXTENSIONS.test(basenameOf(path)) && path.split("/").length <= 4 && !SYSTEM_TREES.test(path) && !path.startsWith("/etc/");
}
function isSecretScanTarget(path, mode2) {
  return isSecretCandidate(path) || (mode2 & 73) === 0 && isShallowConfigFile(path);
}
function capturedContent(index, file) {
  return index.contents.get(contentKey(file.layer, file.path));
}

// src/dockerfile/image-ref.ts
var DEFAULT_REGISTRY = "docker.io";
var DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/i;
var refCache = /* @__PURE__ */ new Map();
function parseImageRef(reference) {
  if (refCache.has(reference)) {
    const cached = refCache.get(reference);
    return cached && { ...cached };
  }
  const parsed = parseImageRefUncached(reference);
  if (refCache.size > 1e4) refCache.clear();
  refCache.set(reference, parsed);
  return parsed && { ...parsed };
}
function parseImageRefUncached(reference) {
  const ref = reference.trim();
  if (ref === "" || /[\s$]/.test(ref)) return void 0;
  let rest = ref;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return void 0;
  }
  let tag;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return void 0;
  }
  let registry = DEFAULT_REGISTRY;
  const slash = rest.indexOf("/");
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost") {
      registry = first === "index.docker.io" ? DEFAULT_REGISTRY : first;
      rest = rest.slice(slash + 1);
    }
  }
  if (rest === "" || !rest.split("/").every((part) => PATH_COMPONENT.test(part))) return void 0;
  const repository = registry === DEFAULT_REGISTRY && !rest.includes("/") ? `library/${rest}` : rest;
  const parsed = { registry, repository };
  if (tag !== void 0) parsed.tag = tag;
  if (digest !== void 0) parsed.digest = digest;
  return parsed;
}
function isDigestPinned(reference) {
  return parseImageRef(reference)?.digest !== void 0;
}
function familiarName(ref) {
  let name = ref.repository;
  if (ref.registry === DEFAULT_REGISTRY) name = name.replace(/^library\//, "");
  else name = `${ref.registry}/${name}`;
  if (ref.tag !== void 0) name += `:${ref.tag}`;
  if (ref.digest !== void 0) name += `@${ref.digest}`;
  return name;
}
function imageBasename(ref) {
  const parts = ref.repository.split("/");
  return parts[parts.length - 1] ?? ref.repository;
}

// src/dockerfile/words.ts
function splitWords(text, escape2 = "\\") {
  const words = [];
  let word = "";
  let inWord = false;
  let quote;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = void 0;
      else if (ch === escape2 && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
      continue;
    }
    if (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === escape2 && i + 1 < text.length) word += text[++i];
    else word += ch;
  }
  if (inWord) words.push(word);
  return words;
}
function splitKeyValue(word) {
  const eq = word.indexOf("=");
  return eq < 0 ? { key: word } : { key: word.slice(0, eq), value: word.slice(eq + 1) };
}
var PLATFORM_ARGS = /* @__PURE__ */ new Set([
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT",
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
  "TARGETSTAGE"
]);
var NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
function expandVariables(text, lookup, unresolved, escape2 = "\\") {
  if (!text.includes("$")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape2 && text[i + 1] === "$") {
      out += "$";
      i++;
      continue;
    }
    if (ch !== "$") {
      out += ch;
      continue;
    }
    const rest = text.slice(i + 1);
    if (rest.startsWith("{")) {
      const close = findClosingBrace(text, i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, close);
      out += expandBraced(inner, lookup, unresolved, escape2);
      i = close;
      continue;
    }
    const name = NAME.exec(rest);
    if (!name) {
      out += ch;
      continue;
    }
    const value = lookup(name[0]);
    if (value === void 0) unresolved?.add(name[0]);
    out += value ?? "";
    i += name[0].length;
  }
  return out;
}
function resolveGlobalArgs(args, predefined = () => void 0, escape2 = "\\") {
  const values = /* @__PURE__ */ new Map();
  const lookup = (name) => values.get(name) ?? predefined(name);
  for (const arg of args)
    if (arg.value !== void 0) values.set(arg.name, expandVariables(arg.value, lookup, void 0, escape2));
  return values;
}
function findClosingBrace(text, from) {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}
function expandBraced(inner, lookup, unresolved, escape2) {
  const name = NAME.exec(inner);
  if (!name) return "";
  const key = name[0];
  const value = lookup(key);
  const op = inner.slice(key.length);
  if (op === "") {
    if (value === void 0) unresolved?.add(key);
    return value ?? "";
  }
  const word = (start) => expandVariables(op.slice(start), lookup, unresolved, escape2);
  if (op.startsWith(":-")) return value ? value : word(2);
  if (op.startsWith("-")) return value !== void 0 ? value : word(1);
  if (op.startsWith(":+")) return value ? word(2) : "";
  if (op.startsWith("+")) return value !== void 0 ? word(1) : "";
  if (op.startsWith(":?") || op.startsWith("?")) return value ?? "";
  if (value === void 0) unresolved?.add(key);
  return value ?? "";
}
function referencedVariables(text, escape2 = "\\", withDefaults = true) {
  const names = [];
  if (!text.includes("$")) return names;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape2) {
      i++;
      continue;
    }
    if (ch !== "$") continue;
    const braced = text[i + 1] === "{";
    const start = i + (braced ? 2 : 1);
    const match = NAME.exec(text.slice(start));
    if (!match) continue;
    if (!withDefaults && braced && /^[:]?[-+?=]/.test(text.slice(start + match[0].length))) continue;
    names.push(match[0]);
  }
  return names;
}

// src/dockerfile/query.ts
function setsShell(instruction) {
  return instruction.keyword === "SHELL" && instruction.jsonForm && instruction.argv.length > 0;
}
var linesCache = /* @__PURE__ */ new WeakMap();
function sourceLines(model) {
  let lines2 = linesCache.get(model);
  if (!lines2) {
    lines2 = model.text.split("\n").map((line) => line.endsWith("\r") ? line.slice(0, -1) : line);
    linesCache.set(model, lines2);
  }
  return lines2;
}
function sourceLine(model, line) {
  return sourceLines(model)[line - 1] ?? "";
}
function escapeOf(model) {
  return model.directives.find((directive) => directive.name === "escape")?.value === "`" ? "`" : "\\";
}
var platformArgAsWritten = (name) => PLATFORM_ARGS.has(name) ? `\${${name}}` : void 0;
var globalsCache = /* @__PURE__ */ new WeakMap();
function globalArgDefaults(model) {
  let globals = globalsCache.get(model);
  if (!globals) {
    globals = resolveGlobalArgs(model.globalArgs, platformArgAsWritten, escapeOf(model));
    globalsCache.set(model, globals);
  }
  return globals;
}
var instructionsCache = /* @__PURE__ */ new WeakMap();
function primeSourceLines(model, lines2) {
  linesCache.set(model, lines2);
}
function allInstructions(model) {
  let all = instructionsCache.get(model);
  if (!all) {
    const list3 = [...model.preamble];
    for (const stage of model.stages) for (const instruction of stage.instructions) list3.push(instruction);
    all = list3;
    instructionsCache.set(model, all);
  }
  return all;
}
var byLineCache = /* @__PURE__ */ new WeakMap();
function instructionAt(model, line) {
  let byLine = byLineCache.get(model);
  if (!byLine) {
    byLine = new Map(allInstructions(model).map((instruction) => [instruction.line, instruction]));
    byLineCache.set(model, byLine);
  }
  return byLine.get(line);
}
function stageRefOf(stage) {
  return stage.name === void 0 ? { index: stage.index, final: stage.final } : { index: stage.index, name: stage.name, final: stage.final };
}
function stageAtLine(model, line) {
  const stages = model.stages;
  let low = 0;
  let high = stages.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (stages[mid].line <= line) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? void 0 : stages[low - 1].index;
}
function stageChain(model, stage) {
  const chain = [stage];
  let current = stage;
  while (current.baseStage !== void 0) {
    const base = model.stages[current.baseStage];
    if (!base || chain.includes(base)) break;
    chain.push(base);
    current = base;
  }
  return chain;
}
function rootBase(model, stage) {
  const chain = stageChain(model, stage);
  return chain[chain.length - 1].base;
}
function isScratch(base) {
  return base.trim().toLowerCase() === "scratch";
}
function baseRef(base) {
  return parseImageRef(base);
}
function flagValue(instruction, name) {
  return instruction.flags.find((flag) => flag.name === name)?.value;
}
function hasFlag(instruction, name) {
  return instruction.flags.some((flag) => flag.name === name);
}
function copyPaths(instruction) {
  const argv = instruction.argv;
  if (argv.length < 2) return { sources: [] };
  const heredocNames = new Set(instruction.heredocs.map((heredoc) => heredoc.name));
  const sources = argv.slice(0, -1).filter((source) => {
    const match = /^<<-?["']?(\w+)["']?$/.exec(source);
    return !(match && heredocNames.has(match[1]));
  });
  return { sources, dest: argv[argv.length - 1] };
}
function isWholeTree(source) {
  return /^\.?\/?\*?$/.test(source) && source !== "" && source !== "/";
}
function editDistance(a, b) {
  if (a === b) return 0;
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const up = rows[i - 1];
      let best = Math.min(up[j] + 1, row[j - 1] + 1, up[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}
function suggest(name, candidates) {
  let best;
  let bestDistance = name.length <= 4 ? 2 : 3;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate);
    if (distance < bestDistance && Math.abs(candidate.length - name.length) <= 2) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return name.length > 2 || bestDistance === 0 ? best : void 0;
}

// src/checks/created-by.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);
var NOP = /^\/bin\/sh -c #\(nop\)\s*/;
var BUILD_ARGS = /^\|(\d+) /;
var SHELL_RUN = /^(?:\|\d+ .*?)?\/bin\/sh -c /;
function historyKeyword(createdBy) {
  const text = createdBy.trim();
  if (text === "") return "";
  const nop = NOP.exec(text);
  if (nop) return firstWord(text.slice(nop[0].length));
  if (BUILD_ARGS.test(text) || SHELL_RUN.test(text)) return "RUN";
  const word = firstWord(text);
  return KEYWORDS.has(word) && text.slice(0, word.length) === word ? word : "";
}
function firstWord(text) {
  const match = /^[A-Za-z]+/.exec(text);
  return match ? match[0].toUpperCase() : "";
}
function historyBuildArgs(createdBy) {
  let text = createdBy.trim();
  if (text.startsWith("RUN ")) text = text.slice(4);
  const match = BUILD_ARGS.exec(text);
  if (!match) return [];
  const count = Number(match[1]);
  const words = text.slice(match[0].length).split(" ");
  const result = [];
  for (const word of words.slice(0, count)) {
    const eq = word.indexOf("=");
    if (eq <= 0) break;
    result.push({ name: word.slice(0, eq), value: word.slice(eq + 1) });
  }
  return result;
}

// src/checks/attribution.ts
var LOOKAHEAD = 3;
function stageChain2(model) {
  const chain = [];
  const seen = /* @__PURE__ */ new Set();
  let stage = model.stages[model.finalStage];
  while (stage && !seen.has(stage.index)) {
    chain.push(stage);
    seen.add(stage.index);
    stage = stage.baseStage === void 0 ? void 0 : model.stages[stage.baseStage];
  }
  return chain;
}
function resolveCopyFrom(model, instruction) {
  if (instruction.keyword !== "COPY") return void 0;
  const value = instruction.flags.find((flag) => flag.name.toLowerCase() === "from")?.value;
  if (value === void 0 || value === "") return void 0;
  const lower = value.toLowerCase();
  const named = model.stages.find((stage) => stage.name?.toLowerCase() === lower);
  if (named) return { fromStage: named.index };
  if (/^\d+$/.test(value)) {
    const byIndex = model.stages[Number(value)];
    if (byIndex) return { fromStage: byIndex.index };
  }
  return { image: value };
}
function attributeHistory(index, model) {
  const chain = stageChain2(model);
  const root = chain[chain.length - 1];
  if (!root) return [];
  const result = new Array(index.history.length);
  let cursor = index.history.length - 1;
  for (const stage of chain) {
    const instructions2 = stage.instructions.filter((instruction) => instruction.keyword !== "FROM");
    for (let i = instructions2.length - 1; i >= 0 && cursor >= 0; i--) {
      const instruction = instructions2[i];
      const match = findMatch(index, cursor, instruction.keyword);
      if (match === void 0) continue;
      const entry = forInstruction(model, stage, instruction);
      for (let h = cursor; h >= match; h--) result[h] = { historyIndex: h, ...entry };
      cursor = match - 1;
    }
  }
  const base = {
    stage: stageRefOf(root),
    line: root.line,
    ...root.instructions[0] ? { endLine: root.instructions[0].endLine, instruction: root.instructions[0] } : {},
    via: { image: root.base }
  };
  for (let h = cursor; h >= 0; h--) result[h] = { historyIndex: h, ...base };
  return result;
}
function findMatch(index, cursor, keyword) {
  for (let h = cursor; h >= 0 && h >= cursor - LOOKAHEAD; h--) {
    if (historyKeyword(index.history[h]?.createdBy ?? "") === keyword) return h;
  }
  return void 0;
}
function forInstruction(model, stage, instruction) {
  const via = resolveCopyFrom(model, instruction);
  const source = via?.fromStage === void 0 ? stage : model.stages[via.fromStage] ?? stage;
  return {
    stage: stageRefOf(source),
    line: instruction.line,
    endLine: instruction.endLine,
    instruction,
    ...via ? { via } : {}
  };
}
function layerHistoryIndexes(index) {
  const nonEmpty = [];
  index.history.forEach((entry, h) => {
    if (!entry.emptyLayer) nonEmpty.push(h);
  });
  const offset = index.layers.length - nonEmpty.length;
  return index.layers.map((layer, i) => layer.historyIndex ?? nonEmpty[i - offset]);
}
function attributeLayers(index, model) {
  const history = attributeHistory(index, model);
  const chain = stageChain2(model);
  const root = chain[chain.length - 1];
  if (!root) return [];
  const historyIndexes = layerHistoryIndexes(index);
  return index.layers.map((_, layer) => {
    const historyIndex = historyIndexes[layer];
    const entry = historyIndex === void 0 ? void 0 : history[historyIndex];
    if (entry) {
      const { historyIndex: _h, ...rest } = entry;
      return { layer, historyIndex: entry.historyIndex, ...rest };
    }
    return {
      layer,
      ...historyIndex === void 0 ? {} : { historyIndex },
      stage: stageRefOf(root),
      line: root.line,
      via: { image: root.base }
    };
  });
}

// src/checks/elf.ts
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var PT_INTERP = 3;
var DT_NULL = 0;
var DT_NEEDED = 1;
var DT_STRTAB = 5;
var DT_RPATH = 15;
var DT_RUNPATH = 29;
var ELF_LIMITS = { needed: 128, runpathDirs: 32 };
var EM_X86_64 = 62;
var EM_AARCH64 = 183;
function isElf(buffer) {
  return buffer.length >= 4 && buffer.readUInt32BE(0) === 2135247942;
}
function parseElf(buffer) {
  if (!isElf(buffer) || buffer.length < 52) return void 0;
  const is64 = buffer[4] === 2;
  const little = buffer[5] !== 2;
  const u16 = (offset) => little ? buffer.readUInt16LE(offset) : buffer.readUInt16BE(offset);
  const u32 = (offset) => little ? buffer.readUInt32LE(offset) : buffer.readUInt32BE(offset);
  const word = (offset) => {
    if (!is64) return u32(offset);
    const value = little ? buffer.readBigUInt64LE(offset) : buffer.readBigUInt64BE(offset);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  };
  const fits = (offset, length) => offset >= 0 && offset + length <= buffer.length;
  if (is64 && buffer.length < 64) return void 0;
  const machine = u16(18);
  const phoff = is64 ? word(32) : u32(28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = u16(is64 ? 56 : 44);
  const info = { class: is64 ? 64 : 32, machine, dynamic: false, runpath: [] };
  if (phentsize < (is64 ? 56 : 32) || !fits(phoff, phentsize * phnum)) {
    info.unreadable = "program headers lie beyond the captured bytes";
    return info;
  }
  const loads = [];
  let dynamicSegment;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    const type = u32(at);
    const offset = is64 ? word(at + 8) : u32(at + 4);
    const vaddr = is64 ? word(at + 16) : u32(at + 8);
    const filesz = is64 ? word(at + 32) : u32(at + 16);
    if (type === PT_LOAD) loads.push({ vaddr, offset, filesz });
    else if (type === PT_DYNAMIC) dynamicSegment = { offset, size: filesz };
    else if (type === PT_INTERP) {
      if (fits(offset, filesz))
        info.interpreter = buffer.toString("latin1", offset, offset + filesz).replace(/\0.*$/s, "");
      else info.unreadable = "the interpreter path lies beyond the captured bytes";
    }
  }
  if (!dynamicSegment) return info;
  info.dynamic = true;
  if (!fits(dynamicSegment.offset, dynamicSegment.size)) {
    info.unreadable = `the dynamic section (offset ${dynamicSegment.offset}) lies beyond the ${buffer.length} captured bytes`;
    return info;
  }
  const entrySize = is64 ? 16 : 8;
  const neededOffsets = [];
  const runpathOffsets = [];
  let strtabAddress;
  for (let at = dynamicSegment.offset; at + entrySize <= dynamicSegment.offset + dynamicSegment.size; at += entrySize) {
    const tag = is64 ? word(at) : u32(at);
    const value = is64 ? word(at + 8) : u32(at + 4);
    if (tag === DT_NULL) break;
    if (tag === DT_NEEDED) neededOffsets.push(value);
    else if (tag === DT_STRTAB) strtabAddress = value;
    else if (tag === DT_RPATH || tag === DT_RUNPATH) runpathOffsets.push(value);
  }
  if (strtabAddress === void 0) {
    info.needed = [];
    return info;
  }
  const load = loads.find(
    (segment) => strtabAddress >= segment.vaddr && strtabAddress < segment.vaddr + segment.filesz
  );
  const strtab = load ? strtabAddress - load.vaddr + load.offset : strtabAddress;
  const readString = (offset) => {
    const start = strtab + offset;
    if (start < 0 || start >= buffer.length) return void 0;
    const end = buffer.indexOf(0, start);
    return end < 0 ? void 0 : buffer.toString("latin1", start, end);
  };
  const uniqueNeeded = [...new Set(neededOffsets)];
  const uniqueRunpaths = [...new Set(runpathOffsets)];
  if (uniqueNeeded.length > ELF_LIMITS.needed) {
    info.unreadable = `it lists ${uniqueNeeded.length} needed libraries, more than the ${ELF_LIMITS.needed} checked`;
    return info;
  }
  if (uniqueRunpaths.length > ELF_LIMITS.runpathDirs) {
    info.unreadable = `it has ${uniqueRunpaths.length} RPATH/RUNPATH entries, more than the ${ELF_LIMITS.runpathDirs} checked`;
    return info;
  }
  const needed = /* @__PURE__ */ new Set();
  for (const offset of uniqueNeeded) {
    const name = readString(offset);
    if (name === void 0) {
      info.unreadable = "the dynamic string table lies beyond the captured bytes";
      return info;
    }
    needed.add(name);
  }
  const runpath = /* @__PURE__ */ new Set();
  for (const offset of uniqueRunpaths) {
    const value = readString(offset);
    if (value === void 0) continue;
    for (const dir of value.split(":")) if (dir !== "") runpath.add(dir);
    if (runpath.size > ELF_LIMITS.runpathDirs) {
      info.unreadable = `its RPATH/RUNPATH lists more than the ${ELF_LIMITS.runpathDirs} directories checked`;
      return info;
    }
  }
  info.runpath = [...runpath];
  info.needed = [...needed];
  return info;
}

// src/checks/resolve.ts
function normalizePath(path) {
  return normalisePath(path).path;
}
function dirname(path) {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}
function resolveFile(files, path) {
  const resolved = resolvePath({ files }, path);
  if (resolved.problem !== void 0 || !resolved.file) return void 0;
  const found = resolved.file;
  if (found.type === "hardlink" && found.linkTarget !== void 0) {
    const target = files.get(normalizePath(found.linkTarget));
    return target ? { ...target, path: found.path, layer: found.layer } : found;
  }
  return found;
}

// src/checks/image-files.ts
var PROGRAM_DIRS = ["/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin", "/usr/local/sbin"];
function findPrograms(index, names) {
  const found = [];
  const seenTargets = /* @__PURE__ */ new Set();
  for (const name of names) {
    for (const dir of PROGRAM_DIRS) {
      const path = `${dir}/${name}`;
      const target = resolveFile(index.files, path);
      if (!target || target.type !== "file" && target.type !== "hardlink") continue;
      if ((target.mode & 73) === 0) continue;
      const key = `${target.path}`;
      if (seenTargets.has(key)) continue;
      seenTargets.add(key);
      found.push({ path, target });
    }
  }
  return found;
}
function lastInstruction(model, keyword) {
  for (const stage of stageChain2(model)) {
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const instruction = stage.instructions[i];
      if (instruction.keyword === keyword) return { stage, instruction };
    }
  }
  return void 0;
}
function filesUnderEach(index, dirs2) {
  const prefixes = [...new Set(dirs2)].map((dir) => ({ dir, prefix: dir.endsWith("/") ? dir : `${dir}/` }));
  const result = new Map(prefixes.map(({ dir }) => [dir, []]));
  for (const path of index.files.keys()) {
    let file;
    for (const { dir, prefix } of prefixes) {
      if (!path.startsWith(prefix)) continue;
      file ??= index.files.get(path);
      if (file && (file.type === "file" || file.type === "hardlink")) result.get(dir).push(file);
    }
  }
  return result;
}
function heaviestLayer(files) {
  const bytes = /* @__PURE__ */ new Map();
  for (const file of files) bytes.set(file.layer, (bytes.get(file.layer) ?? 0) + file.size);
  let best;
  for (const [layer, size] of bytes) {
    if (best === void 0 || size > (bytes.get(best) ?? 0) || size === bytes.get(best) && layer > best)
      best = layer;
  }
  return best;
}
function examples(paths, limit = 3) {
  const shown = paths.slice(0, limit).join(", ");
  return paths.length > limit ? `${shown} (+${paths.length - limit} more)` : shown;
}

// src/checks/accounts.ts
function parseAccounts(text) {
  const accounts2 = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(":");
    const id = Number(fields[2]);
    if (fields[0] && Number.isInteger(id)) accounts2.push({ name: fields[0], id });
  }
  return accounts2;
}
function splitUser(value) {
  const colon = value.indexOf(":");
  return colon < 0 ? { user: value } : { user: value.slice(0, colon), group: value.slice(colon + 1) };
}
function isNumericId(value) {
  return /^\d+$/.test(value);
}

// src/checks/startup/identity.ts
function readText(index, path) {
  const file = resolveFile(index.files, path);
  if (!file || file.type !== "file") return void 0;
  return capturedContent(index, file)?.toString("utf8");
}
function lines(text) {
  return (text ?? "").split(/\r?\n/).filter((line) => line !== "" && !line.startsWith("#")).map((line) => line.split(":"));
}
function passwd(index) {
  return lines(readText(index, "/etc/passwd")).flatMap((fields) => {
    const uid = Number(fields[2]);
    const gid = Number(fields[3]);
    return fields[0] && Number.isInteger(uid) && Number.isInteger(gid) ? [{ name: fields[0], uid, gid }] : [];
  });
}
function groups(index) {
  return lines(readText(index, "/etc/group")).flatMap((fields) => {
    const gid = Number(fields[2]);
    return fields[0] && Number.isInteger(gid) ? [{ name: fields[0], gid, members: (fields[3] ?? "").split(",").filter(Boolean) }] : [];
  });
}
function imageIdentity(index) {
  const raw = (index.config.User ?? "").trim();
  const { user, group: group3 } = splitUser(raw === "" ? "root" : raw);
  const users = passwd(index);
  const entry = isNumericId(user) ? users.find((candidate) => candidate.uid === Number(user)) : users.find((candidate) => candidate.name === user);
  const identity = { raw, uid: 0, gid: 0, groups: [] };
  if (isNumericId(user)) identity.uid = Number(user);
  else if (entry) identity.uid = entry.uid;
  else if (user === "root") identity.uid = 0;
  else identity.unresolved = `user ${user} is not in /etc/passwd`;
  identity.gid = entry?.gid ?? 0;
  const groupList = groups(index);
  if (group3 !== void 0 && group3 !== "") {
    if (isNumericId(group3)) identity.gid = Number(group3);
    else {
      const named = groupList.find((candidate) => candidate.name === group3);
      if (named) identity.gid = named.gid;
      else identity.unresolved ??= `group ${group3} is not in /etc/group`;
    }
  } else if (entry) {
    identity.groups = groupList.filter((g) => g.members.includes(entry.name)).map((g) => g.gid);
  }
  return identity;
}
var BITS = { read: 4, write: 2, execute: 1 };
function permits(file, who, access) {
  const mode2 = file.mode;
  const cls = who.uid === file.uid ? mode2 >> 6 & 7 : who.gid === file.gid || who.groups.includes(file.gid) ? mode2 >> 3 & 7 : mode2 & 7;
  return (cls & BITS[access]) !== 0;
}
function describeIdentity(who) {
  const user = who.raw === "" ? "root (no USER)" : `USER ${who.raw}`;
  return `${user} (uid ${who.uid}, gid ${who.gid})`;
}
function octal(mode2) {
  return `0${(mode2 & 4095).toString(8).padStart(3, "0")}`;
}

// src/checks/startup/lookup.ts
var DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
function envValue(env, name) {
  const prefix = `${name}=`;
  const entry = [...env ?? []].reverse().find((item) => item.startsWith(prefix));
  return entry === void 0 ? void 0 : entry.slice(prefix.length);
}
function searchPath(index) {
  return (envValue(index.config.Env, "PATH") ?? DEFAULT_PATH).split(":");
}
function workingDir(index) {
  const dir = index.config.WorkingDir ?? "";
  return dir === "" ? "/" : normalisePath(dir).path;
}
function unsearchable(index, path, who) {
  const ancestors = [];
  for (let dir = parentOf(path); ; dir = parentOf(dir)) {
    ancestors.unshift(dir);
    if (dir === "/") break;
  }
  for (const dir of ancestors) {
    const entry = index.files.get(dir);
    if (entry?.type === "dir" && !permits(entry, who, "execute")) return entry;
  }
  return void 0;
}
function lookupPath(index, name, path, who) {
  const file = resolveFile(index.files, path);
  if (!file) {
    const link = index.files.get(path);
    return link?.type === "symlink" ? {
      status: "missing",
      name,
      path,
      detail: `${path} is a symlink to ${link.linkTarget ?? "?"}, which is not in the image`
    } : { status: "missing", name, path };
  }
  if (file.type === "dir") return { status: "directory", name, path, file };
  if (file.type !== "file" && file.type !== "hardlink")
    return { status: "missing", name, path, detail: `${path} is not a regular file` };
  const blocked = unsearchable(index, path, who) ?? unsearchable(index, file.path, who);
  if (blocked)
    return {
      status: "denied",
      name,
      path,
      file,
      detail: `the directory ${blocked.path} (${blocked.uid}:${blocked.gid} ${octal(blocked.mode)}) is not searchable by ${describeIdentity(who)}`
    };
  if (!permits(file, who, "execute"))
    return {
      status: "denied",
      name,
      path,
      file,
      detail: `${file.path} is ${file.uid}:${file.gid} ${octal(file.mode)}: not executable by ${describeIdentity(who)}`
    };
  return { status: "ok", name, path, file };
}
function findExecutable(index, name, who) {
  const cwd = workingDir(index);
  if (name.includes("/")) {
    const path = name.startsWith("/") ? normalisePath(name).path : normalisePath(joinPath(cwd, name)).path;
    return lookupPath(index, name, path, who);
  }
  const searched = searchPath(index);
  let denied;
  for (const dir of searched) {
    const base = dir === "" ? cwd : dir.startsWith("/") ? dir : joinPath(cwd, dir);
    const found = lookupPath(index, name, normalisePath(joinPath(base, name)).path, who);
    if (found.status === "ok") return { ...found, searched };
    if (found.status === "denied") denied ??= found;
  }
  return denied ? { ...denied, status: "not-on-path", searched } : { status: "not-on-path", name, searched };
}

// src/checks/startup/analysis.ts
var MAX_INTERPRETER_DEPTH = 4;
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);
var BUILTINS = new Set(
  ". : [ alias bg break cd command continue echo eval exec exit export false fg getopts hash jobs kill printf pwd read readonly return set shift test times trap true type ulimit umask unalias unset wait".split(
    " "
  )
);
var SIMPLE_COMMAND = /^[\w./:=@%+,-]+(?:[ \t]+[\w./:=@%+,-]+)*$/;
function commandArgv(index) {
  const entrypoint = index.config.Entrypoint ?? [];
  const cmd = index.config.Cmd ?? [];
  return entrypoint.length > 0 ? [...entrypoint, ...cmd] : [...cmd];
}
function commandOrigin(context) {
  const keyword = (context.index.config.Entrypoint ?? []).length > 0 ? "ENTRYPOINT" : "CMD";
  const model = context.model;
  if (!model) return { keyword, inherited: false };
  const found = lastInstruction(model, keyword);
  if (found) return fromInstruction(keyword, found.instruction, found.stage.index);
  const chain = stageChain2(model);
  const root = chain[chain.length - 1];
  return root ? { keyword, line: root.line, stage: stageRefOf(root).index, inherited: true } : { keyword, inherited: true };
}
function fromInstruction(keyword, instruction, stage) {
  return {
    keyword,
    line: instruction.line,
    endLine: instruction.endLine,
    stage,
    jsonForm: instruction.jsonForm,
    inherited: false
  };
}
function parseShebang(content) {
  if (content.length < 2 || content[0] !== 35 || content[1] !== 33) return void 0;
  const newline = content.indexOf(10);
  let line = content.toString(
    "latin1",
    2,
    newline < 0 ? Math.min(content.length, 256) : Math.min(newline, 256)
  );
  line = line.replace(/[ \t]+$/, "").replace(/^[ \t]+/, "");
  const crlf = line.endsWith("\r");
  const split = line.search(/[ \t]/);
  if (split < 0) return { interpreter: line, crlf };
  const arg = line.slice(split).replace(/^[ \t]+/, "");
  return { interpreter: line.slice(0, split), ...arg !== "" ? { arg } : {}, crlf };
}
function envTarget(arg) {
  if (arg === void 0) return void 0;
  if (!arg.startsWith("-S")) return arg;
  const words = arg.slice(2).trim().split(/[ \t]+/);
  return words.find((word) => word !== "" && !word.startsWith("-") && !/^\w+=/.test(word));
}
function shellCommandName(script) {
  const text = script.trim();
  if (!SIMPLE_COMMAND.test(text)) return void 0;
  const words = text.split(/[ \t]+/);
  let i = 0;
  while (i < words.length && (words[i] === "exec" || /^[A-Za-z_]\w*=/.test(words[i]))) i++;
  const name = words[i];
  return name === void 0 || BUILTINS.has(name) ? void 0 : name;
}
function walk(index, who, steps, step, depth) {
  steps.push(step);
  const file = step.lookup.file;
  if (step.lookup.status !== "ok" || !file) return;
  const content = capturedContent(index, file);
  if (!content) return;
  const shebang = parseShebang(content);
  if (shebang) {
    step.kind = "script";
    step.shebang = shebang;
    if (!permits(file, who, "read")) step.unreadableScript = true;
    if (depth >= MAX_INTERPRETER_DEPTH || shebang.interpreter === "") return;
    const name = shebang.interpreter;
    const path = name.startsWith("/") ? normalisePath(name).path : normalisePath(joinPath(workingDir(index), name)).path;
    const interpreter = {
      role: "interpreter",
      lookup: lookupPath(index, name, path, who),
      via: file.path
    };
    walk(index, who, steps, interpreter, depth + 1);
    if (interpreter.lookup.status === "ok" && basenameOf(name) === "env") {
      const target = envTarget(shebang.arg);
      if (target !== void 0)
        walk(
          index,
          who,
          steps,
          { role: "env-target", lookup: findExecutable(index, target, who), via: file.path },
          depth + 1
        );
    }
    return;
  }
  if (isElf(content)) {
    step.kind = "elf";
    const elf = parseElf(content);
    if (elf) step.elf = elf;
    return;
  }
  step.kind = "other";
}
function analyseStartup(context) {
  const { index } = context;
  const argv = commandArgv(index);
  const identity = imageIdentity(index);
  const analysis = { argv, identity, steps: [], origin: commandOrigin(context) };
  const name = argv[0];
  if (name === void 0 || name === "") return analysis;
  const command = { role: "command", lookup: findExecutable(index, name, identity) };
  walk(index, identity, analysis.steps, command, 0);
  if (command.lookup.status === "ok" && SHELLS.has(basenameOf(name)) && argv[1] === "-c" && argv[2] !== void 0) {
    const inner = shellCommandName(argv[2]);
    if (inner !== void 0)
      walk(
        index,
        identity,
        analysis.steps,
        {
          role: "shell-command",
          lookup: findExecutable(index, inner, identity),
          via: command.lookup.file?.path
        },
        0
      );
  }
  return analysis;
}
var cache = /* @__PURE__ */ new WeakMap();
function startupAnalysis(context) {
  let analysis = cache.get(context);
  if (!analysis) {
    analysis = analyseStartup(context);
    cache.set(context, analysis);
  }
  return analysis;
}
function describeOrigin(origin) {
  if (!origin) return "the command";
  if (origin.inherited) return `${origin.keyword} (inherited from the base image)`;
  return origin.line === void 0 ? origin.keyword : `${origin.keyword} (line ${origin.line})`;
}
function showArgv(argv) {
  const text = JSON.stringify(argv);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

// src/checks/startup/markers.ts
var CA_FILES = [
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/ca-bundle.pem",
  "/etc/pki/tls/cacert.pem",
  "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
  "/etc/ssl/cert.pem",
  "/usr/lib/ssl/cert.pem",
  "/usr/local/ssl/cert.pem",
  "/etc/pki/tls/cert.pem"
];
var CA_DIRS = [
  "/etc/ssl/certs",
  "/etc/pki/tls/certs",
  "/usr/lib/ssl/certs",
  "/usr/local/ssl/certs"
];
var ZONEINFO_DIRS = ["/usr/share/zoneinfo", "/usr/share/lib/zoneinfo", "/usr/lib/locale/TZ"];
var GO_BUILDINFO = "ÿ Go buildinf:";
var GO_LOAD_LOCATION = "time.LoadLocation\0";
var GO_EMBEDDED_TZDATA = "time/tzdata.";
var GO_ZONEINFO_PATH = "/usr/share/zoneinfo/";
var TLS_MARKERS = CA_FILES.slice(0, 6);
var TLS_LIBRARIES = /^lib(ssl|crypto|gnutls|curl|nss3)\.so(\.|$)/;
var STARTUP_MARKERS = [
  ...TLS_MARKERS,
  GO_BUILDINFO,
  GO_LOAD_LOCATION,
  GO_EMBEDDED_TZDATA,
  GO_ZONEINFO_PATH
];
function commandNames(config) {
  const argv = [...config.Entrypoint ?? [], ...config.Cmd ?? []];
  const names = /* @__PURE__ */ new Set();
  for (const list3 of [config.Entrypoint ?? [], config.Cmd ?? []]) {
    const first = list3[0];
    if (first) names.add(basenameOf(first));
  }
  const script = argv[argv.indexOf("-c") + 1];
  if (argv.includes("-c") && script !== void 0) {
    const inner = shellCommandName(script);
    if (inner) names.add(basenameOf(inner));
  }
  return names;
}
var NOT_A_COMMAND = /\.(so(\.\d+)*|a|o|py|pyc|js|mjs|cjs|rb|pl|jar|txt|md|json)$|\/(node_modules|site-packages|dist-packages)\//;
var STARTUP_SCAN = {
  markers: STARTUP_MARKERS,
  select: /* @__PURE__ */ (() => {
    const names = /* @__PURE__ */ new WeakMap();
    return (path, size, mode2, config) => {
      if ((mode2 & 73) === 0 || size < 52) return false;
      let set = names.get(config);
      if (!set) {
        set = commandNames(config);
        names.set(config, set);
      }
      if (set.has(basenameOf(path))) return true;
      return !DISTRO_TREES.test(path) && !NOT_A_COMMAND.test(path);
    };
  })()
};
function markersOf(index, file) {
  if (!index.markers) return void 0;
  return index.markers.get(contentKey(file.layer, file.path)) ?? [];
}

// src/dockerfile/ast.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
var HEREDOC_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var HEREDOC_MARKER = /^<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/;
var KNOWN_DIRECTIVES = /* @__PURE__ */ new Set(["syntax", "escape", "check"]);
var DIRECTIVE_LINE = /^#[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*=[ \t]*(.*?)[ \t]*$/;
var MAX_REREADS = 64;
function readSource(text) {
  const lines2 = text.split("\n");
  for (let i = 0; i < lines2.length; i++) {
    const line = lines2[i];
    if (line.endsWith("\r")) lines2[i] = line.slice(0, -1);
  }
  const ast = import_dockerfile_ast.DockerfileParser.parse(text);
  const escape2 = ast.getEscapeCharacter() === "`" ? "`" : "\\";
  const directives = [];
  const comments = [];
  let directivesOpen = true;
  for (const directive of ast.getDirectives()) {
    const name = directive.getName().toLowerCase();
    const line = directive.getRange().start.line + 1;
    const lineText = (lines2[line - 1] ?? "").trim();
    if (directivesOpen && KNOWN_DIRECTIVES.has(name) && !directives.some((d) => d.name === name)) {
      const value = DIRECTIVE_LINE.exec(lineText)?.[1] ?? directive.getValue();
      directives.push({ name, value, line });
    } else {
      directivesOpen = false;
      comments.push({ text: lineText.replace(/^#\s*/, ""), line });
    }
  }
  const instructions2 = [];
  readInstructions(ast, lines2, escape2, 0, 0, instructions2, comments, { rereads: 0 });
  if (comments.length > 1) comments.sort((a, b) => a.line - b.line);
  return { lines: lines2, escape: escape2, directives, instructions: instructions2, comments };
}
function readInstructions(ast, lines2, escape2, offset, from, instructions2, comments, budget) {
  for (const comment of ast.getComments()) {
    const line = comment.getRange().start.line + offset;
    if (line >= from) comments.push({ text: comment.getContent().trim(), line: line + 1 });
  }
  for (const instruction of ast.getInstructions()) {
    const range = instruction.getRange();
    const keywordRange = instruction.getInstructionRange();
    if (keywordRange.start.line + offset < from) continue;
    const read = readInstruction(
      lines2,
      escape2,
      instruction.getInstruction(),
      keywordRange.end.line + offset,
      keywordRange.end.character,
      range.end.line + offset
    );
    instructions2.push(read);
    const astEnd = range.end.line + offset;
    if (astEnd + 1 > read.endLine && budget.rereads < MAX_REREADS && hasContent(lines2, read.endLine, astEnd + 1)) {
      budget.rereads++;
      const restStart = read.endLine;
      const prefix = escape2 === "`" ? "# escape=`\n" : "";
      const rest = import_dockerfile_ast.DockerfileParser.parse(prefix + lines2.slice(restStart).join("\n"));
      readInstructions(
        rest,
        lines2,
        escape2,
        restStart - (prefix ? 1 : 0),
        restStart,
        instructions2,
        comments,
        budget
      );
      return;
    }
  }
}
function hasContent(lines2, from, to) {
  for (let i = from; i < to && i < lines2.length; i++) {
    const line = lines2[i];
    if (!isBlank(line) && !isComment(line)) return true;
  }
  return false;
}
function isBlank(line) {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) return false;
  }
  return true;
}
function isComment(line) {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 35) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return false;
}
function stripContinuation(line, escape2) {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c !== 32 && c !== 9) break;
    end--;
  }
  if (end > 0 && line[end - 1] === escape2) return { text: line.slice(0, end - 1), continues: true };
  return { text: end === line.length ? line : line.slice(0, end), continues: false };
}
function readInstruction(lines2, escape2, word, keywordLine, argsStart, lastLine) {
  const head = stripContinuation((lines2[keywordLine] ?? "").slice(argsStart), escape2);
  const parts = [head.text.trim()];
  let continues = head.continues;
  let end = keywordLine;
  let i = keywordLine + 1;
  while (continues && i <= lastLine) {
    const next2 = lines2[i];
    i++;
    if (isBlank(next2) || isComment(next2)) continue;
    const stripped = stripContinuation(next2, escape2);
    parts.push(stripped.text.trim());
    continues = stripped.continues;
    end = i - 1;
  }
  const rest = parts.length === 1 ? parts[0] : parts.join(" ").trim();
  const heredocs = [];
  if (rest.includes("<<") && HEREDOC_KEYWORDS.has(word.toUpperCase())) {
    const markerLine = end + 1;
    let at = end + 1;
    for (const { name, stripTabs } of heredocMarkers(rest)) {
      const body = [];
      let closed = false;
      while (at < lines2.length) {
        const bodyLine = lines2[at];
        at++;
        if ((stripTabs ? bodyLine.replace(/^\t+/, "") : bodyLine) === name) {
          closed = true;
          break;
        }
        body.push(bodyLine);
      }
      let bodyEnd = at;
      if (!closed) while (bodyEnd > markerLine && isBlank(lines2[bodyEnd - 1] ?? "")) bodyEnd--;
      heredocs.push({
        name,
        body: body.length > 0 ? body.join("\n") + "\n" : "",
        line: markerLine,
        endLine: Math.max(bodyEnd, markerLine)
      });
      end = Math.max(end, bodyEnd - 1);
    }
  }
  return { word, rest, line: keywordLine + 1, endLine: end + 1, heredocs };
}
function heredocMarkers(text) {
  const markers = [];
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
      else if (ch === "\\" && quote === '"') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch !== "<" || text[i + 1] !== "<" || text[i - 1] === "<" || text[i + 2] === "<") continue;
    const match = HEREDOC_MARKER.exec(text.slice(i));
    if (match) {
      markers.push({ name: match[3], stripTabs: match[1] === "-" });
      i += match[0].length - 1;
    } else i++;
  }
  return markers;
}

// src/dockerfile/parse.ts
var JSON_FORM_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME"]);
var DEFAULT_SHELL = ["/bin/sh", "-c"];
function parseDockerfile(text, options) {
  const source = readSource(text);
  const { lines: lines2, escape: escape2, directives } = source;
  const preamble = [];
  const stages = [];
  const globalArgs = [];
  for (const sourceInstruction of source.instructions) {
    const instruction = toInstruction(sourceInstruction, escape2, stages.length - 1);
    if (instruction.keyword === "FROM") {
      instruction.stage = stages.length;
      stages.push(newStage(stages.length, instruction));
      continue;
    }
    const stage = stages[stages.length - 1];
    if (stage) stage.instructions.push(instruction);
    else {
      preamble.push(instruction);
      if (instruction.keyword === "ARG") {
        for (const word of instruction.argv) {
          const { key, value } = splitKeyValue(word);
          globalArgs.push(
            value === void 0 ? { name: key, line: instruction.line } : { name: key, value, line: instruction.line }
          );
        }
      }
    }
  }
  const model = {
    path: options.path,
    text,
    directives,
    globalArgs,
    preamble,
    stages,
    edges: [],
    finalStage: stages.length - 1,
    comments: source.comments
  };
  resolveStages(model, escape2, options.target);
  primeSourceLines(model, lines2);
  return model;
}
function toInstruction(lexed, escape2, stage) {
  const keyword = lexed.word.toUpperCase();
  const { flags, rest } = keyword === "ONBUILD" ? { flags: [], rest: lexed.rest } : splitFlags(lexed.rest);
  const args = rest;
  let jsonForm = false;
  let argv;
  if (args.startsWith("[") && JSON_FORM_KEYWORDS.has(keyword)) {
    argv = parseJsonArray(args);
    jsonForm = argv !== void 0;
  }
  if (!argv) argv = splitWords(args, escape2);
  return {
    keyword,
    args,
    argv,
    jsonForm,
    flags,
    line: lexed.line,
    endLine: lexed.endLine,
    heredocs: lexed.heredocs,
    stage
  };
}
function onbuildTrigger(onbuild, escape2 = "\\") {
  if (onbuild.keyword !== "ONBUILD") return void 0;
  const match = /^(\S+)\s*/.exec(onbuild.args);
  if (!match) return void 0;
  const word = match[1];
  return toInstruction(
    {
      word,
      rest: onbuild.args.slice(match[0].length),
      line: onbuild.line,
      endLine: onbuild.endLine,
      heredocs: onbuild.heredocs
    },
    escape2,
    onbuild.stage
  );
}
function splitFlags(afterKeyword) {
  const flags = [];
  let rest = afterKeyword.trimStart();
  while (rest.startsWith("--")) {
    const match = /^--([A-Za-z0-9_-]*)(=("[^"]*"|'[^']*'|\S*))?(\s+|$)/.exec(rest);
    if (!match || match[0] === "") break;
    const name = match[1];
    if (name === "") break;
    const rawValue = match[3];
    const value = rawValue !== void 0 ? unquote(rawValue) : void 0;
    flags.push(value === void 0 ? { name } : { name, value });
    rest = rest.slice(match[0].length);
  }
  return { flags, rest: rest.trim() };
}
function unquote(value) {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]))
    return value.slice(1, -1);
  return value;
}
function parseJsonArray(text) {
  try {
    const parsed = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) return parsed;
  } catch {
  }
  return void 0;
}
function newStage(index, from) {
  const argv = from.argv;
  const baseRaw = argv[0] ?? "";
  const name = argv.length >= 3 && argv[1]?.toLowerCase() === "as" ? argv[2] : void 0;
  const platform = from.flags.find((f) => f.name === "platform")?.value;
  const stage = {
    index,
    baseRaw,
    base: baseRaw,
    line: from.line,
    final: false,
    instructions: [from],
    shell: [...DEFAULT_SHELL]
  };
  if (name !== void 0) stage.name = name;
  if (platform !== void 0) stage.platform = platform;
  return stage;
}
function findStageIndex(stages, reference, byNumber = true) {
  const lower = reference.toLowerCase();
  const named = stages.find((stage) => stage.name !== void 0 && stage.name.toLowerCase() === lower);
  if (named) return named.index;
  if (byNumber && /^\d+$/.test(reference)) {
    const index = Number(reference);
    if (index < stages.length) return index;
  }
  return void 0;
}
var stageNames = /* @__PURE__ */ new WeakMap();
function resolveStages(model, escape2, target) {
  const globals = globalArgDefaults(model);
  const globalLookup = (name) => globals.get(name) ?? platformArgAsWritten(name);
  const byName = /* @__PURE__ */ new Map();
  for (const stage of model.stages) {
    if (stage.name === void 0) continue;
    const key = stage.name.toLowerCase();
    const list3 = byName.get(key);
    if (list3) list3.push(stage.index);
    else byName.set(key, [stage.index]);
  }
  stageNames.set(model, byName);
  for (const stage of model.stages) {
    stage.base = expandVariables(stage.baseRaw, globalLookup, void 0, escape2);
    const baseStage = byName.get(stage.base.toLowerCase())?.find((index) => index < stage.index);
    if (baseStage !== void 0) {
      stage.baseStage = baseStage;
      model.edges.push({ from: baseStage, to: stage.index, kind: "base", line: stage.line, sources: [] });
    }
    resolveStageState(model, stage, escape2, globals);
  }
  let finalStage = model.stages.length - 1;
  if (target !== void 0) {
    const targetIndex = findStageIndex(model.stages, target, false);
    if (targetIndex !== void 0) finalStage = targetIndex;
  }
  model.finalStage = finalStage;
  const final = model.stages[finalStage];
  if (final) final.final = true;
}
function resolveStageState(model, stage, escape2, globals) {
  const inherited = stage.baseStage !== void 0 ? model.stages[stage.baseStage] : void 0;
  let user = inherited?.user;
  let workdir = inherited?.workdir;
  let shell = inherited ? [...inherited.shell] : [...DEFAULT_SHELL];
  const args = /* @__PURE__ */ new Map();
  const lookup = (name) => args.get(name);
  for (const instruction of stage.instructions) {
    switch (instruction.keyword) {
      case "ARG":
        for (const word of instruction.argv) {
          const { key, value } = splitKeyValue(word);
          const resolved = value ?? globals.get(key);
          if (resolved !== void 0) args.set(key, resolved);
        }
        break;
      case "USER":
        if (instruction.argv[0] !== void 0) user = instruction.argv[0];
        break;
      case "WORKDIR": {
        const dir = instruction.argv.join(" ");
        if (dir !== "")
          workdir = dir.startsWith("/") || /^\$/.test(dir) ? dir : joinPosix(workdir ?? "/", dir);
        break;
      }
      case "SHELL":
        if (setsShell(instruction)) shell = [...instruction.argv];
        break;
      case "COPY":
      case "ADD":
        addCopyEdge(model, stage, instruction, lookup, escape2);
        break;
      case "RUN":
        addMountEdges(model, stage, instruction, lookup, escape2);
        break;
    }
  }
  if (user !== void 0) stage.user = user;
  if (workdir !== void 0) stage.workdir = workdir;
  stage.shell = shell;
}
function joinPosix(base, relative) {
  const parts = `${base}/${relative}`.split("/");
  const out = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}
function edgeSource(model, stage, reference, lookup, escape2) {
  const expanded = expandVariables(reference, lookup, void 0, escape2);
  const named = stageNames.get(model)?.get(expanded.toLowerCase())?.find((index) => index !== stage.index);
  if (named !== void 0) return { from: named };
  if (/^\d+$/.test(expanded) && Number(expanded) < model.stages.length) return { from: Number(expanded) };
  return { image: expanded };
}
function addCopyEdge(model, stage, instruction, lookup, escape2) {
  const from = instruction.flags.find((f) => f.name === "from")?.value;
  if (from === void 0 || instruction.keyword !== "COPY") return;
  const paths = instruction.argv;
  const edge = {
    ...edgeSource(model, stage, from, lookup, escape2),
    to: stage.index,
    kind: "copy",
    line: instruction.line,
    sources: paths.length > 1 ? paths.slice(0, -1) : [...paths]
  };
  if (paths.length > 1) edge.dest = paths[paths.length - 1];
  model.edges.push(edge);
}
function addMountEdges(model, stage, instruction, lookup, escape2) {
  for (const flag of instruction.flags) {
    if (flag.name !== "mount" || flag.value === void 0) continue;
    const options = parseMountOptions(flag.value);
    const from = options.get("from");
    if (from === void 0) continue;
    const target = options.get("target") ?? options.get("dst") ?? options.get("destination");
    const edge = {
      ...edgeSource(model, stage, from, lookup, escape2),
      to: stage.index,
      kind: "mount",
      line: instruction.line,
      sources: target !== void 0 ? [target] : []
    };
    model.edges.push(edge);
  }
}
function parseMountOptions(value) {
  const options = /* @__PURE__ */ new Map();
  for (const part of value.split(",")) {
    const { key, value: optionValue } = splitKeyValue(part.trim());
    if (key !== "") options.set(key.toLowerCase(), unquote(optionValue ?? "true"));
  }
  return options;
}

// src/checks/rules/attestations.ts
var SG2014 = {
  id: "SG2014",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "A requested attestation (SBOM, provenance) is missing from the image",
  run: ({ index, requested }) => {
    const found = index.attestations;
    if (!requested || !found) return [];
    const hits = [];
    const kinds = [
      { kind: "sbom", label: "an SBOM attestation", flag: "sbom: true" },
      { kind: "provenance", label: "a provenance attestation", flag: "provenance: mode=max" }
    ];
    for (const { kind, label, flag } of kinds) {
      if (requested[kind] && !found[kind]) {
        hits.push({
          message: `The build requested ${label} but ${index.ref} carries none; push with an exporter that keeps attestations (containerd image store or registry push) and check \`${flag}\``,
          evidence: `attestations found: sbom=${found.sbom}, provenance=${found.provenance}`
        });
      }
    }
    return hits;
  }
};

// src/checks/rules/dynamic-libs.ts
var DEFAULT_LIBRARY_DIRS = ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib"];
var MULTIARCH = {
  [EM_X86_64]: "x86_64-linux-gnu",
  [EM_AARCH64]: "aarch64-linux-gnu"
};
var CONFIGURED_DIR_LIMIT = 256;
function readConfiguredDirs(index) {
  const dirs2 = /* @__PURE__ */ new Set();
  for (const path of index.files.keys()) {
    const isConfig = path === "/etc/ld.so.conf" || path.startsWith("/etc/ld.so.conf.d/") && path.endsWith(".conf") || /^\/etc\/ld-musl-[^/]+\.path$/.test(path);
    if (!isConfig) continue;
    const file = index.files.get(path);
    if (file.type !== "file") continue;
    const content = capturedContent(index, file);
    if (!content) continue;
    for (const raw of content.toString("utf8").split(/[\n:]/)) {
      const line = raw.replace(/#.*/, "").trim();
      if (!line.startsWith("/") || line.startsWith("include")) continue;
      for (const dir of line.split(/\s+/)) {
        if (!dir.startsWith("/")) continue;
        if (dirs2.size >= CONFIGURED_DIR_LIMIT && !dirs2.has(dir)) return { dirs: [...dirs2], truncated: true };
        dirs2.add(dir);
      }
    }
  }
  return { dirs: [...dirs2], truncated: false };
}
function libraryDirs(index, file, machine, runpath, configured) {
  const origin = dirname(file.path);
  const arch = MULTIARCH[machine];
  return [
    .../* @__PURE__ */ new Set([
      ...runpath.map((dir) => dir.replace(/\$\{?ORIGIN\}?/g, origin)),
      ...configured,
      ...arch ? [`/lib/${arch}`, `/usr/lib/${arch}`, `/usr/local/lib/${arch}`] : [],
      ...DEFAULT_LIBRARY_DIRS
    ])
  ];
}
var KNOWN_PATHS_LIMIT = 1e5;
function existence(index) {
  const known = /* @__PURE__ */ new Map();
  return (path) => {
    let found = known.get(path);
    if (found === void 0) {
      if (known.size >= KNOWN_PATHS_LIMIT) known.clear();
      const direct = index.files.get(path);
      if (direct && (direct.type === "file" || direct.type === "hardlink")) found = true;
      else {
        const file = resolveFile(index.files, path);
        found = file !== void 0 && file.type !== "dir";
      }
      known.set(path, found);
    }
    return found;
  };
}
var SG2012 = {
  id: "SG2012",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "A dynamic executable whose interpreter or needed libraries are missing from the image",
  run: ({ index }) => {
    const hits = [];
    const unverified = [];
    const { dirs: configured, truncated } = readConfiguredDirs(index);
    const exists = existence(index);
    for (const file of index.files.values()) {
      if (file.type !== "file" || (file.mode & 73) === 0) continue;
      const content = capturedContent(index, file);
      if (!content) continue;
      const elf = parseElf(content);
      if (!elf || elf.interpreter === void 0) continue;
      const missingInterpreter = !exists(elf.interpreter);
      const dirs2 = libraryDirs(index, file, elf.machine, elf.runpath, configured);
      let missingLibraries = (elf.needed ?? []).filter(
        (name) => !(name.includes("/") ? exists(name) : dirs2.some((dir) => exists(`${dir}/${name}`)))
      );
      const unknown = elf.needed === void 0 || truncated && missingLibraries.length > 0;
      if (truncated) missingLibraries = [];
      if (!missingInterpreter && missingLibraries.length === 0) {
        if (unknown && !DISTRO_TREES.test(file.path)) unverified.push(file.path);
        continue;
      }
      const problems = [
        ...missingInterpreter ? [`its interpreter ${elf.interpreter} is missing`] : [],
        ...missingLibraries.length > 0 ? [
          `needed ${missingLibraries.length === 1 ? "library" : "libraries"} ${missingLibraries.join(", ")} missing`
        ] : []
      ];
      hits.push({
        message: `${file.path} is dynamically linked but ${problems.join(" and ")}, so it cannot start; link it statically or use a final base that has its C library`,
        path: file.path,
        layer: file.layer,
        evidence: [
          `PT_INTERP ${elf.interpreter}`,
          elf.needed ? `DT_NEEDED ${elf.needed.join(", ") || "(none)"}` : `DT_NEEDED unknown: ${elf.unreadable ?? "not read"}`
        ].join("; ")
      });
    }
    if (unverified.length > 0) {
      hits.push({
        severity: "note",
        message: `${unverified.length} dynamic executable${unverified.length === 1 ? "'s" : "s'"} needed libraries could not be verified because their dynamic section lies beyond the bytes read or lists more entries than are checked; their interpreter is present`,
        evidence: examples(unverified.sort())
      });
    }
    return hits;
  }
};

// src/checks/rules/final-run.ts
var SG2008 = {
  id: "SG2008",
  aliases: [],
  severity: "note",
  phase: "image",
  summary: "RUN in the final stage's history",
  run: ({ attribution, model }) => {
    if (!model) return [];
    const runs = attribution.filter(
      (entry) => entry.instruction?.keyword === "RUN" && entry.stage.index === model.finalStage && entry.via?.image === void 0
    );
    const first = runs[0];
    if (!first) return [];
    const lines2 = [...new Set(runs.map((entry) => entry.line))];
    return [
      {
        message: `The final stage runs ${runs.length === 1 ? "a command (RUN)" : `${runs.length} commands (RUN)`}, so the runtime image carries whatever they needed; do the work in a build stage and COPY the result`,
        layer: first.layer,
        alsoLayers: runs.slice(1).map((entry) => entry.layer),
        evidence: `RUN on line${lines2.length === 1 ? "" : "s"} ${lines2.join(", ")}`,
        ...runs.length > 1 ? { count: runs.length } : {}
      }
    ];
  }
};

// src/checks/rules/node-dev-deps.ts
var SG2015 = {
  id: "SG2015",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Dev dependencies in the final image's node_modules",
  run: ({ index }) => {
    const hits = [];
    for (const file of index.files.values()) {
      if (file.type !== "file" || !file.path.endsWith("/package.json") || file.path.includes("/node_modules/"))
        continue;
      const app = dirname(file.path);
      const modules = `${app === "/" ? "" : app}/node_modules`;
      if (index.files.get(modules)?.type !== "dir" && !index.files.has(modules)) continue;
      const content = capturedContent(index, file);
      if (!content) continue;
      let devDependencies = {};
      try {
        const parsed = JSON.parse(content.toString("utf8"));
        if (parsed.devDependencies && typeof parsed.devDependencies === "object")
          devDependencies = parsed.devDependencies;
      } catch {
        continue;
      }
      const installed = Object.keys(devDependencies).filter((name) => !name.includes("..")).map((name) => ({ name, dir: `${modules}/${name}` })).filter(({ dir }) => index.files.has(dir));
      if (installed.length === 0) continue;
      const layers = /* @__PURE__ */ new Map();
      for (const { dir } of installed) {
        const layer2 = index.files.get(`${dir}/package.json`)?.layer ?? index.files.get(dir).layer;
        layers.set(layer2, (layers.get(layer2) ?? 0) + 1);
      }
      const layer = [...layers].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
      hits.push({
        message: `${modules} contains ${installed.length} devDependenc${installed.length === 1 ? "y" : "ies"} of ${file.path}; install with \`npm ci --omit=dev\` (or prune) in the stage that feeds the final image`,
        path: modules,
        layer,
        evidence: examples(installed.map(({ name }) => name).sort(), 5)
      });
    }
    return hits;
  }
};

// src/checks/rules/permissions.ts
function mode(file) {
  return file.mode.toString(8).padStart(4, "0");
}
function byLayer(files) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const file of files) {
    const list3 = groups2.get(file.layer);
    if (list3) list3.push(file);
    else groups2.set(file.layer, [file]);
  }
  return [...groups2].sort(([a], [b]) => a - b).map(([layer, list3]) => [layer, list3.sort((a, b) => a.path.localeCompare(b.path))]);
}
function setBits(file) {
  return [(file.mode & 2048) !== 0 ? "setuid" : "", (file.mode & 1024) !== 0 ? "setgid" : ""].filter(Boolean).join(" and ");
}
var SG2010 = {
  id: "SG2010",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "setuid or setgid files",
  run: ({ index }) => {
    const flagged = [];
    for (const file of index.files.values()) {
      if (file.type !== "file" && file.type !== "hardlink") continue;
      if ((file.mode & 3072) !== 0) flagged.push(file);
    }
    return byLayer(flagged).map(([layer, files]) => {
      const first = files[0];
      const message = files.length === 1 ? `${first.path} is ${setBits(first)}; remove the bit (chmod u-s,g-s) or the file unless the image must escalate privileges` : `${files.length} setuid or setgid files (${examples(files.map((file) => file.path))}); remove the bits (chmod u-s,g-s) or the files unless the image must escalate privileges`;
      return {
        message,
        path: first.path,
        layer,
        evidence: examples(
          files.map(
            (file) => `${file.path} (${setBits(file)}, mode ${mode(file)}, owner ${file.uid}:${file.gid})`
          ),
          files.length <= 12 ? files.length : 10
        ),
        ...files.length > 1 ? { count: files.length } : {}
      };
    });
  }
};
var SG2011 = {
  id: "SG2011",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "World-writable files or directories without the sticky bit",
  run: ({ index }) => {
    const flagged = [];
    for (const file of index.files.values()) {
      if (file.type === "symlink" || file.type === "other" || (file.mode & 2) === 0) continue;
      if (file.type === "dir" && (file.mode & 512) !== 0) continue;
      flagged.push(file);
    }
    return byLayer(flagged).map(([layer, files]) => {
      const first = files[0];
      const what = (file) => file.type === "dir" ? "directory without the sticky bit" : "file";
      const message = files.length === 1 ? `${first.path} is a world-writable ${what(first)}; drop o+w (or add +t for a shared directory)` : `${files.length} world-writable files or directories without the sticky bit (${examples(files.map((file) => file.path))}); drop o+w (or add +t for a shared directory)`;
      return {
        message,
        path: first.path,
        layer,
        evidence: examples(
          files.map((file) => `${file.path} (mode ${mode(file)})`),
          files.length <= 12 ? files.length : 10
        ),
        ...files.length > 1 ? { count: files.length } : {}
      };
    });
  }
};

// src/checks/rules/reader-warnings.ts
var SG2000 = {
  id: "SG2000",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Unreadable or hostile archive content in the image",
  run: ({ index }) => {
    const layerOf = (text) => {
      const layer = /\blayer (\d+)\b/.exec(text);
      const layerIndex = layer ? Number(layer[1]) : void 0;
      return layerIndex !== void 0 && layerIndex < index.layers.length ? { layer: layerIndex } : {};
    };
    return [
      // Tampering (a blob that is not what its digest names, a whiteout no runtime accepts) is an error: the image may not be what was checked.
      ...(index.tampering ?? []).map((problem2) => ({
        message: `The image looks tampered with (${problem2}); what was checked may not be what runs: rebuild it from a trusted base and push it again`,
        severity: "error",
        ...layerOf(problem2)
      })),
      ...index.warnings.map((warning) => ({
        message: `The image reader skipped unreadable or hostile content (${warning}); check results may be incomplete: rebuild the image from a trusted base`,
        ...layerOf(warning)
      }))
    ];
  }
};

// src/checks/rules/runtime-tools.ts
var SHELLS2 = ["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "busybox"];
var PACKAGE_MANAGERS = [
  "apt",
  "apt-get",
  "dpkg",
  "apk",
  "yum",
  "dnf",
  "microdnf",
  "tdnf",
  "rpm",
  "zypper",
  "pacman",
  "pip",
  "pip3",
  "npm",
  "yarn",
  "pnpm",
  "gem",
  "composer"
];
var TOOLCHAINS = ["cc", "gcc", "g++", "c++", "clang", "clang++", "go", "javac", "rustc", "cargo"];
var TOOLCHAIN_DIRS = ["/usr/lib/gcc", "/usr/local/go/pkg/tool", "/usr/local/cargo/bin", "/root/.rustup"];
function isRpmCacheFile(path) {
  return /\.(rpm|solv|solvx|sqlite|sqlite\.(bz2|gz|xz|zst)|xml|xml\.(gz|zst|xz|bz2))$/.test(path) || /\/(repodata|packages|raw|solv)\//.test(path);
}
var CACHE_DIRS = [
  { dir: "/root/.cache" },
  { dir: "/var/cache/apt/archives", counts: (path) => path.endsWith(".deb") },
  { dir: "/var/lib/apt/lists", counts: (path) => !/\/(lock|partial)$/.test(path) },
  { dir: "/var/cache/apk", counts: (path) => path.endsWith(".apk") || path.endsWith(".tar.gz") },
  // RPM families: downloaded packages and repository metadata (what `yum/dnf/zypper clean all` removes).
  { dir: "/var/cache/yum", counts: isRpmCacheFile },
  { dir: "/var/cache/dnf", counts: isRpmCacheFile },
  { dir: "/var/cache/libdnf5", counts: isRpmCacheFile },
  { dir: "/var/cache/zypp", counts: isRpmCacheFile },
  { dir: "/root/.npm" },
  { dir: "/usr/local/share/.cache/yarn" },
  { dir: "/root/go/pkg/mod" },
  { dir: "/go/pkg/mod" },
  { dir: "/root/.cargo/registry" },
  { dir: "/usr/local/cargo/registry" },
  { dir: "/root/.m2/repository" },
  { dir: "/root/.gradle/caches" }
];
function programHits(index, names, what, options = {}) {
  const found = findPrograms(index, names).filter(
    ({ target }) => !(options.skipBusyboxApplets && /\/busybox$/.test(target.path))
  );
  const byLayer2 = /* @__PURE__ */ new Map();
  for (const program of found) {
    const list3 = byLayer2.get(program.target.layer);
    if (list3) list3.push(program);
    else byLayer2.set(program.target.layer, [program]);
  }
  return [...byLayer2].map(([layer, programs]) => {
    const sorted = [...programs].sort((a, b) => a.path.localeCompare(b.path));
    const programNames = [...new Set(sorted.map(({ path }) => path.slice(path.lastIndexOf("/") + 1)))];
    return {
      message: what(programNames),
      path: sorted[0].path,
      layer,
      evidence: sorted.map(({ path, target }) => target.path === path ? path : `${path} → ${target.path}`).join(", "),
      ...sorted.length > 1 ? { count: sorted.length } : {}
    };
  });
}
function list(names, one, many) {
  return `${names.length === 1 ? one : many} ${names.join(", ")}`;
}
var SG2001 = {
  id: "SG2001",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "A shell in the final image",
  run: ({ index }) => programHits(
    index,
    SHELLS2,
    (names) => `The final image ships the ${list(names, "shell", "shells")}; copy only the application into a scratch or distroless final stage`
  )
};
var SG2002 = {
  id: "SG2002",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "A package manager in the final image",
  // busybox's dpkg/rpm applets are part of the shell binary SG2001 already reports.
  run: ({ index }) => programHits(
    index,
    PACKAGE_MANAGERS,
    (names) => `The final image ships the ${list(names, "package manager", "package managers")}; install packages in a build stage and copy only what runs`,
    { skipBusyboxApplets: true }
  )
};
function homeCacheFiles(index) {
  const dirs2 = /* @__PURE__ */ new Map();
  for (const path of index.files.keys()) {
    if (!path.startsWith("/home/")) continue;
    const match = /^(\/home\/[^/]+\/\.(?:npm|cache))\//.exec(path);
    if (!match) continue;
    let list3 = dirs2.get(match[1]);
    if (!list3) dirs2.set(match[1], list3 = []);
    const file = index.files.get(path);
    if (file.type === "file" || file.type === "hardlink") list3.push(file);
  }
  return dirs2;
}
var SG2007 = {
  id: "SG2007",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Build toolchains or build caches in the final image",
  run: ({ index }) => {
    const hits = programHits(
      index,
      TOOLCHAINS,
      (names) => `The final image ships the ${list(names, "build tool", "build tools")}; build in an earlier stage and copy only the result into the final stage`
    );
    const seenToolchainDirs = new Set(
      findPrograms(index, TOOLCHAINS).flatMap(({ path, target }) => [path, target.path])
    );
    const toolchainDirs = TOOLCHAIN_DIRS.flatMap((dir) => {
      const resolved = resolveFile(index.files, dir);
      return resolved?.type === "dir" && !seenToolchainDirs.has(dir) ? [{ dir, resolved: resolved.path }] : [];
    });
    const homeCaches = homeCacheFiles(index);
    const under = filesUnderEach(index, [
      ...toolchainDirs.map(({ resolved }) => resolved),
      ...CACHE_DIRS.map(({ dir }) => dir)
    ]);
    for (const { dir, resolved } of toolchainDirs) {
      const files = under.get(resolved) ?? [];
      if (files.length === 0) continue;
      const layer = heaviestLayer(files);
      hits.push({
        message: `The final image ships a toolchain directory ${dir} (${formatBytes(sum(files))}); leave it in the build stage`,
        path: dir,
        ...layer === void 0 ? {} : { layer }
      });
    }
    const caches = [...CACHE_DIRS, ...[...homeCaches.keys()].sort().map((dir) => ({ dir }))];
    for (const { dir, counts } of caches) {
      const files = (homeCaches.get(dir) ?? under.get(dir) ?? []).filter((file) => !counts || counts(file.path));
      if (files.length === 0) continue;
      const layer = heaviestLayer(files);
      hits.push({
        message: `The final image keeps the build cache ${dir} (${files.length} files, ${formatBytes(sum(files))}); use RUN --mount=type=cache or clean it in the same RUN`,
        path: dir,
        evidence: examples(files.map((file) => file.path).sort()),
        ...layer === void 0 ? {} : { layer }
      });
    }
    return hits;
  }
};
function sum(files) {
  return files.reduce((total, file) => total + file.size, 0);
}

// src/checks/rules/secrets.ts
var SG2004 = {
  id: "SG2004",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "Secret material in a layer, including files deleted by a later layer",
  run: ({ index }) => {
    const hits = [];
    const visit = (file, hiddenBy) => {
      if (file.type !== "file" || !isSecretScanTarget(file.path, file.mode)) return;
      const content = capturedContent(index, file);
      if (!content) return;
      const matches = scanFileForSecrets(file.path, content);
      if (matches.length === 0) return;
      const kinds = [...new Set(matches.map((match) => match.kind))].join(", ");
      const where = hiddenBy === void 0 ? "is in the final image" : `was deleted by layer ${hiddenBy} but is still in layer ${file.layer}'s blob`;
      hits.push({
        message: `${file.path} holds ${kinds} and ${where}; pass secrets with RUN --mount=type=secret and rotate this one`,
        path: file.path,
        layer: file.layer,
        evidence: matches.map((match) => match.evidence).join("; ")
      });
    };
    for (const file of index.files.values()) visit(file, void 0);
    for (const file of index.shadowed) visit(file, file.hiddenBy);
    return hits;
  }
};
var SG2005 = {
  id: "SG2005",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "A secret in the image config or history (ENV, LABEL, build arguments)",
  run: ({ index, historyAttribution, model }) => {
    const hits = [];
    const layerOfHistory = /* @__PURE__ */ new Map();
    layerHistoryIndexes(index).forEach((historyIndex, layer) => {
      if (historyIndex !== void 0) layerOfHistory.set(historyIndex, layer);
    });
    const where = (historyIndex) => {
      if (historyIndex === void 0) return {};
      const layer = layerOfHistory.get(historyIndex);
      if (layer !== void 0) return { layer };
      const attribution = historyAttribution[historyIndex];
      return attribution ? {
        line: attribution.line,
        ...attribution.endLine ? { endLine: attribution.endLine } : {},
        stage: attribution.stage.index
      } : {};
    };
    const evidenceByEntry = /* @__PURE__ */ new Map();
    const add = (match, message, historyIndex) => {
      const key = String(historyIndex ?? "config");
      const known = evidenceByEntry.get(key) ?? [];
      if (known.some((evidence) => evidence.endsWith(match.evidence))) return;
      evidenceByEntry.set(key, [...known, match.evidence]);
      hits.push({ message, evidence: match.evidence, ...where(historyIndex) });
    };
    const setter = (keyword, name) => {
      for (let h = index.history.length - 1; h >= 0; h--) {
        const createdBy = index.history[h].createdBy;
        if (historyKeyword(createdBy) === keyword && new RegExp(`(^|\\s)"?${escape(name)}"?=`).test(createdBy))
          return h;
      }
      return void 0;
    };
    for (const entry of index.config.Env ?? []) {
      const eq = entry.indexOf("=");
      if (eq <= 0) continue;
      const name = entry.slice(0, eq);
      const match = secretAssignment(name, entry.slice(eq + 1));
      if (match)
        add(
          match,
          `ENV ${name} puts a ${match.kind} into the image config; pass it at run time or with RUN --mount=type=secret`,
          setter("ENV", name)
        );
    }
    for (const [name, value] of Object.entries(index.config.Labels ?? {})) {
      const match = secretAssignment(name, value);
      if (match)
        add(
          match,
          `LABEL ${name} puts a ${match.kind} into the image config; remove it`,
          setter("LABEL", name)
        );
    }
    const argHits = /* @__PURE__ */ new Map();
    index.history.forEach((entry, historyIndex) => {
      for (const { name, value } of historyBuildArgs(entry.createdBy)) {
        const match = secretAssignment(name, value);
        if (!match) continue;
        const key = `${name}\0${match.evidence}`;
        const known = argHits.get(key);
        if (known) known.entries.push(historyIndex);
        else argHits.set(key, { match, entries: [historyIndex] });
      }
    });
    for (const [key, { match, entries }] of argHits) {
      const name = key.slice(0, key.indexOf("\0"));
      const first = where(entries[0]);
      const declared = model ? argDeclaration(model, name, historyAttribution[entries[0]]?.line) : void 0;
      const layers = entries.map((h) => layerOfHistory.get(h)).filter((layer) => layer !== void 0);
      const lines2 = entries.map((h) => historyAttribution[h]?.line).filter((line) => line !== void 0);
      hits.push({
        message: `Build argument ${name} holds a ${match.kind} and is recorded in the image history by ${entries.length === 1 ? "a RUN" : `${entries.length} RUNs`}; pass it with RUN --mount=type=secret instead of ARG`,
        evidence: `${match.evidence}${lines2.length > 0 ? ` (recorded by RUN on line${lines2.length === 1 ? "" : "s"} ${[...new Set(lines2)].join(", ")})` : ""}`,
        ...declared ? {
          line: declared.line,
          endLine: declared.endLine,
          stage: declared.stage,
          ...layers[0] !== void 0 ? { layer: layers[0] } : {},
          alsoLayers: layers.slice(1),
          alsoLines: lines2
        } : { ...first, ...layers.length > 1 ? { alsoLayers: layers.slice(1) } : {} },
        ...entries.length > 1 ? { count: entries.length } : {}
      });
      for (const h of entries) {
        const known = evidenceByEntry.get(String(h)) ?? [];
        evidenceByEntry.set(String(h), [...known, match.evidence]);
      }
    }
    index.history.forEach((entry, historyIndex) => {
      for (const token of findTokens(entry.createdBy)) {
        add(
          token,
          `The image history contains a ${token.kind}; never write secrets into Dockerfile instructions or build arguments`,
          historyIndex
        );
      }
    });
    return hits;
  }
};
function argDeclaration(model, name, line) {
  if (line === void 0) return void 0;
  const stage = model.stages.find(
    (candidate) => candidate.line <= line && (candidate.instructions.at(-1)?.endLine ?? candidate.line) >= line
  );
  if (!stage) return void 0;
  let found;
  for (const instruction of stage.instructions) {
    if (instruction.line >= line) break;
    if (instruction.keyword !== "ARG") continue;
    if (instruction.argv.some((word) => word === name || word.startsWith(`${name}=`))) found = instruction;
  }
  return found ? { line: found.line, endLine: found.endLine, stage: stage.index } : void 0;
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/yaml-text.ts
async function parseUntrustedYaml(text, label) {
  const { parseDocument } = cjsExports(await import("./dist-ZVGVHG46.js"));
  let value;
  try {
    const doc = parseDocument(text, { logLevel: "silent" });
    const problem2 = doc.errors[0] ?? doc.warnings[0];
    if (problem2) {
      const first = (problem2.message.split("\n")[0] ?? "").replace(/:$/, "");
      throw new UsageError(
        /call stack/i.test(first) ? `${label}: invalid YAML: nested too deeply (${first.replace(/^.*?(at line)/, "$1")})` : /^Unresolved tag/.test(first) ? `${label}: invalid YAML: ${first} (custom tags are not supported; remove the tag)` : `${label}: invalid YAML: ${first}`
      );
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const first = (error.message ?? "").split("\n")[0];
    throw new UsageError(
      error instanceof RangeError ? `${label}: invalid YAML: nested too deeply` : `${label}: invalid YAML: ${first}`
    );
  }
  checkPlainData(value, label);
  return value ?? {};
}
function checkPlainData(value, label) {
  const ancestors = /* @__PURE__ */ new Set();
  const visit = (node, depth) => {
    if (typeof node !== "object" || node === null) return;
    if (ancestors.has(node))
      throw new UsageError(`${label}: invalid YAML: a recursive alias (an anchor used inside itself)`);
    if (depth > 32) throw new UsageError(`${label}: invalid YAML: nested too deeply (more than 32 levels)`);
    ancestors.add(node);
    for (const child of Array.isArray(node) ? node : node instanceof Map ? [...node.values()] : Object.values(node))
      visit(child, depth + 1);
    ancestors.delete(node);
  };
  visit(value, 0);
}

// src/checks/dive-ci.ts
var DIVE_DEFAULTS = {
  lowestEfficiency: 0.9,
  highestWastedBytes: "disabled",
  highestUserWastedPercent: 0.1
};
var UNITS = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  ki: 1024,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1e12,
  tb: 1e12,
  ti: 1024 ** 4,
  tib: 1024 ** 4
};
function parseDiveBytes(text) {
  const match = /^\s*([\d,]*\.?\d+)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return void 0;
  const unit = UNITS[match[2].toLowerCase()];
  const value = Number(match[1].replace(/,/g, ""));
  return unit === void 0 || !Number.isFinite(value) ? void 0 : Math.floor(value * unit);
}
function ratio(value, key, label) {
  if (typeof value === "string" && value.trim().toLowerCase() === "disabled") return "disabled";
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(number) || number < 0 || number > 1)
    throw new UsageError(
      `${label}: rules.${key} must be a ratio between 0 and 1 or "disabled", got ${JSON.stringify(value)}`
    );
  return number;
}
async function parseDiveCi(text, label) {
  const data = await parseUntrustedYaml(text, label);
  const rules = data?.rules ?? {};
  if (typeof rules !== "object" || rules === null || Array.isArray(rules))
    throw new UsageError(
      `${label}: rules must be a mapping of lowestEfficiency, highestWastedBytes, highestUserWastedPercent`
    );
  const result = { ...DIVE_DEFAULTS };
  for (const [key, value] of Object.entries(rules)) {
    if (key === "lowestEfficiency" || key === "highestUserWastedPercent")
      result[key] = ratio(value, key, label);
    else if (key === "highestWastedBytes") {
      if (typeof value === "string" && value.trim().toLowerCase() === "disabled") result[key] = "disabled";
      else {
        const bytes = typeof value === "number" ? value : parseDiveBytes(String(value));
        if (bytes === void 0 || !Number.isFinite(bytes) || bytes < 0)
          throw new UsageError(
            `${label}: rules.highestWastedBytes must be a size such as 20MB, 1GiB or 1000, or "disabled", got ${JSON.stringify(value)}`
          );
        result[key] = bytes;
      }
    } else
      throw new UsageError(
        `${label}: unknown rule "${key}" (dive knows lowestEfficiency, highestWastedBytes, highestUserWastedPercent)`
      );
  }
  return result;
}
function failingDiveRules(rules, measures) {
  const failing = [];
  if (rules.lowestEfficiency !== "disabled" && rules.lowestEfficiency > measures.efficiency)
    failing.push(`lowestEfficiency: efficiency ${measures.efficiency.toFixed(4)} < ${rules.lowestEfficiency}`);
  if (rules.highestWastedBytes !== "disabled" && measures.wastedBytes > rules.highestWastedBytes)
    failing.push(`highestWastedBytes: ${measures.wastedBytes} bytes wasted > ${rules.highestWastedBytes}`);
  if (rules.highestUserWastedPercent !== "disabled" && rules.highestUserWastedPercent < measures.userWastedPercent)
    failing.push(
      `highestUserWastedPercent: ${measures.userWastedPercent.toFixed(4)} of the user bytes wasted > ${rules.highestUserWastedPercent}`
    );
  return failing;
}

// src/checks/rules/size.ts
var DEFAULT_THRESHOLDS = {
  efficiency: 0.9,
  wastedBytes: 2e7,
  imageSize: 1e9,
  layerCount: 40
};
function effectiveThresholds(thresholds) {
  return {
    efficiency: thresholds.efficiency ?? DEFAULT_THRESHOLDS.efficiency,
    wastedBytes: thresholds.wastedBytes ?? DEFAULT_THRESHOLDS.wastedBytes,
    imageSize: thresholds.imageSize ?? DEFAULT_THRESHOLDS.imageSize,
    layerCount: thresholds.layerCount ?? DEFAULT_THRESHOLDS.layerCount
  };
}
var MIN_WASTE_FOR_EFFICIENCY = 1e6;
function wastedPaths(index) {
  const byPath = /* @__PURE__ */ new Map();
  for (const file of index.shadowed) {
    if (file.type !== "file" || file.size === 0) continue;
    const copies2 = byPath.get(file.path) ?? [];
    copies2.push({ layer: file.layer, bytes: file.size, live: false });
    byPath.set(file.path, copies2);
  }
  for (const [path, copies2] of byPath) {
    const live = index.files.get(path);
    if (live && live.type === "file" && live.size > 0)
      copies2.push({ layer: live.layer, bytes: live.size, live: true });
    copies2.sort((a, b) => a.layer - b.layer);
  }
  return [...byPath].map(([path, copies2]) => {
    const biggest = copies2.reduce((best, copy) => copy.bytes > best.bytes ? copy : best, copies2[0]);
    return {
      path,
      bytes: copies2.reduce((total, copy) => total + copy.bytes, 0),
      layer: biggest.layer,
      copies: copies2
    };
  }).sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
}
function userWastedPercent(index) {
  const userBytes = index.sizeBytes - (index.layers[0]?.sizeBytes ?? 0);
  return userBytes <= 0 ? 0 : index.wastedBytes / userBytes;
}
function describeCopies(entry) {
  const copies2 = entry.copies.map(
    (copy) => `${formatBytes(copy.bytes)} in layer ${copy.layer}${copy.live ? " (final)" : ""}`
  );
  return `${entry.path} (${formatBytes(entry.bytes)}: ${copies2.join(", ")})`;
}
var SG2009 = {
  id: "SG2009",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Wasted bytes or image efficiency over the configured thresholds (and dive CI rules)",
  run: ({ index, config }) => {
    const limits = effectiveThresholds(config.thresholds);
    const reasons = [];
    if (index.wastedBytes > limits.wastedBytes)
      reasons.push(`${formatBytes(index.wastedBytes)} wasted (limit ${formatBytes(limits.wastedBytes)})`);
    if (index.efficiency < limits.efficiency && index.wastedBytes >= MIN_WASTE_FOR_EFFICIENCY)
      reasons.push(
        `efficiency ${(index.efficiency * 100).toFixed(1)}% (minimum ${(limits.efficiency * 100).toFixed(1)}%)`
      );
    const measures = {
      efficiency: index.efficiency,
      wastedBytes: index.wastedBytes,
      userWastedPercent: userWastedPercent(index)
    };
    const dive = config.dive;
    const diveFailing = failingDiveRules(dive?.rules ?? DIVE_DEFAULTS, measures);
    if (dive) for (const rule of diveFailing) reasons.push(`${dive.source} ${rule}`);
    let severity;
    if (reasons.length === 0 && diveFailing.length > 0) {
      reasons.push(`dive's default CI rules fail (${diveFailing.join("; ")})`);
      severity = "note";
    }
    if (reasons.length === 0) return [];
    const top = wastedPaths(index);
    const biggest = top[0];
    const hit2 = {
      message: `The image wastes space: ${reasons.join(", ")}; delete files in the same RUN that creates them, or build in a separate stage`,
      evidence: top.length > 0 ? `largest: ${examples(top.map(describeCopies), 5)}; user wasted ${(measures.userWastedPercent * 100).toFixed(1)}%` : reasons.join(", "),
      ...biggest ? { path: biggest.path, layer: biggest.layer } : {},
      ...severity ? { severity } : {}
    };
    return [hit2];
  }
};
var SG2016 = {
  id: "SG2016",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Image size or layer count over the configured thresholds",
  run: ({ index, config }) => {
    const limits = effectiveThresholds(config.thresholds);
    const hits = [];
    if (index.sizeBytes > limits.imageSize) {
      const largest = [...index.layers].sort((a, b) => b.sizeBytes - a.sizeBytes)[0];
      hits.push({
        message: `The image is ${formatBytes(index.sizeBytes)}, over the ${formatBytes(limits.imageSize)} limit; start the final stage from a smaller base and copy only what runs`,
        ...largest ? {
          layer: largest.index,
          evidence: `largest layer: ${largest.index} (${formatBytes(largest.sizeBytes)}) ${redactCreatedBy(largest.createdBy)}`.trim()
        } : {}
      });
    }
    if (index.layers.length > limits.layerCount) {
      hits.push({
        message: `The image has ${index.layers.length} layers, over the limit of ${limits.layerCount}; combine RUN steps or copy a prepared tree in one COPY`,
        evidence: `${index.layers.length} layers`
      });
    }
    return hits;
  }
};

// src/checks/glob.ts
var cache2 = /* @__PURE__ */ new Map();
function globToRegExp(glob) {
  const cached = cache2.get(glob);
  if (cached) return cached;
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (source.endsWith("/") && (glob[i + 1] === void 0 || glob[i + 1] === "/")) {
          source = source.slice(0, -1) + "(?:/.*)?";
          if (glob[i + 1] === "/") {
            i++;
            source += "/";
          }
        } else source += ".*";
      } else source += "[^/]*";
    } else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  const regexp = new RegExp(`^${source}$`);
  cache2.set(glob, regexp);
  return regexp;
}
function isAllowedPath(globs, path) {
  return globs.some((glob) => globToRegExp(glob).test(path));
}

// src/checks/rules/source-files.ts
var SOURCE_EXTENSIONS = /\.(go|ts|tsx|c|cc|cpp|cxx|rs|java|kt|scala|cs|swift|m)$/;
var BUILD_FILES = /* @__PURE__ */ new Set([
  "Makefile",
  "GNUmakefile",
  "CMakeLists.txt",
  "Dockerfile",
  "Containerfile",
  ".dockerignore",
  "go.mod",
  "go.sum",
  "Cargo.toml",
  "Cargo.lock",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  ".gitignore"
]);
var PACKAGE_TREES = /^\/(usr\/(include|share|lib|lib64|libexec|src|local\/go|local\/include|local\/lib)|lib|lib64|proc|sys|var\/lib|root\/go|go\/pkg|root\/\.cargo|usr\/local\/cargo)\/|\/node_modules\/|\/site-packages\/|\/dist-packages\//;
function isSourceFile(path) {
  if (PACKAGE_TREES.test(path)) return false;
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name.endsWith(".d.ts")) return false;
  return SOURCE_EXTENSIONS.test(name) || BUILD_FILES.has(name) || name.endsWith(".dockerfile");
}
function commonDir(paths) {
  let common = dirname(paths[0] ?? "/");
  for (const path of paths) {
    while (common !== "/" && !path.startsWith(`${common}/`)) common = dirname(common);
  }
  return common;
}
function group(files, key) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const file of files) {
    const k = key(file);
    const list3 = groups2.get(k);
    if (list3) list3.push(file);
    else groups2.set(k, [file]);
  }
  return groups2;
}
var SG2006 = {
  id: "SG2006",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Source or VCS files in the final image",
  run: ({ index, config }) => {
    const vcs = [];
    const sources = [];
    for (const file of index.files.values()) {
      if (isAllowedPath(config.allow.paths, file.path)) continue;
      if (/\/\.(git|svn|hg)(\/|$)/.test(file.path)) {
        if (!PACKAGE_TREES.test(file.path)) vcs.push(file);
      } else if ((file.type === "file" || file.type === "hardlink") && isSourceFile(file.path))
        sources.push(file);
    }
    const hits = [];
    const vcsByLayer = group(vcs, (file) => file.layer);
    const sourcesByLayer = group(sources, (file) => file.layer);
    const layers = [.../* @__PURE__ */ new Set([...vcsByLayer.keys(), ...sourcesByLayer.keys()])].sort((a, b) => a - b);
    for (const layer of layers) {
      const repoFiles = vcsByLayer.get(layer) ?? [];
      const repos = [
        ...group(repoFiles, (file) => /^(.*?\/\.(?:git|svn|hg))(\/|$)/.exec(file.path)[1]).keys()
      ].sort();
      const paths = (sourcesByLayer.get(layer) ?? []).map((file) => file.path).sort();
      const parts = [];
      if (repos.length > 0)
        parts.push(
          `the version-control director${repos.length === 1 ? "y" : "ies"} ${repos.join(", ")} (${repoFiles.length} entries)`
        );
      if (paths.length > 0) {
        const root = paths.length === 1 ? paths[0] : commonDir(paths);
        parts.push(`${paths.length} source or build file${paths.length === 1 ? "" : "s"} under ${root}`);
      }
      const fix = repos.length > 0 ? "add them to .dockerignore and copy only the build output into the final stage" : "copy only the build output into the final stage";
      const sourceRoot = paths.length === 0 ? void 0 : paths.length === 1 ? paths[0] : commonDir(paths);
      hits.push({
        message: `The final image contains ${parts.join(" and ")}; ${fix}`,
        path: sourceRoot ?? repos[0],
        layer,
        evidence: examples([...repos, ...paths]),
        count: repoFiles.length + paths.length
      });
    }
    return hits;
  }
};

// src/checks/rules/user.ts
function userLine(context) {
  if (!context.model) return {};
  const user = lastInstruction(context.model, "USER");
  if (user) return { line: user.instruction.line, endLine: user.instruction.endLine, stage: user.stage.index };
  const final = context.model.stages[context.model.finalStage];
  return final ? { line: final.line, stage: final.index } : {};
}
var SG2003 = {
  id: "SG2003",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "The image runs as root",
  run: (context) => {
    const raw = (context.index.config.User ?? "").trim();
    const { user } = splitUser(raw);
    if (user !== "" && user !== "0" && user !== "root") return [];
    return [
      {
        message: raw === "" ? "The image runs as root because no USER is set; add a non-root numeric USER (e.g. USER 65532) to the final stage" : `The image runs as root (USER ${raw}); set a non-root numeric USER in the final stage`,
        evidence: `config User: ${raw === "" ? "(empty)" : raw}`,
        ...userLine(context)
      }
    ];
  }
};
function accounts(index, path) {
  const file = resolveFile(index.files, path);
  if (!file || file.type !== "file") return { names: void 0, note: `${path} is missing` };
  const content = capturedContent(index, file);
  if (!content) return { names: void 0, note: `${path} was not captured` };
  const names = new Set(parseAccounts(content.toString("utf8")).map((account) => account.name));
  return {
    names,
    ...content.length < file.size ? { note: `only the first ${content.length} bytes of ${path} were read` } : {}
  };
}
var SG2013 = {
  id: "SG2013",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "USER names a user or group absent from /etc/passwd or /etc/group",
  run: (context) => {
    const raw = (context.index.config.User ?? "").trim();
    if (raw === "") return [];
    const { user, group: group3 } = splitUser(raw);
    const hits = [];
    const checks = [
      { name: user, file: "/etc/passwd", what: "user" },
      { name: group3, file: "/etc/group", what: "group" }
    ];
    for (const { name, file, what } of checks) {
      if (name === void 0 || name === "" || isNumericId(name)) continue;
      const { names, note } = accounts(context.index, file);
      if (names?.has(name)) continue;
      if (names && note) continue;
      hits.push({
        message: `USER ${raw} names the ${what} ${name}, which ${file} in the image does not define; the container will not start: use a numeric id or create the ${what} in the final stage`,
        path: file,
        evidence: note ?? `${what} ${name} not in ${file}`,
        ...userLine(context)
      });
    }
    return hits;
  }
};

// src/checks/startup/where.ts
function atOrigin(origin) {
  if (!origin || origin.line === void 0) return {};
  return {
    line: origin.line,
    ...origin.endLine !== void 0 ? { endLine: origin.endLine } : {},
    ...origin.stage !== void 0 ? { stage: origin.stage } : {}
  };
}
function atStep(step, origin) {
  const file = step.lookup.file;
  if (file) return { layer: file.layer, path: file.path };
  return { ...atOrigin(origin), ...step.lookup.path !== void 0 ? { path: step.lookup.path } : {} };
}
function sameName(index, name, limit = 2) {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base === "") return [];
  const found = [];
  for (const file of index.files.values()) {
    if (file.type !== "dir" && file.path.endsWith(`/${base}`)) found.push(file.path);
    if (found.length >= limit) break;
  }
  return found;
}

// src/checks/startup/binary-platform.ts
var MACHINES = {
  amd64: [EM_X86_64, 3],
  "386": [3],
  arm64: [EM_AARCH64, 40],
  arm: [40],
  ppc64le: [21],
  ppc64: [21],
  s390x: [22],
  riscv64: [243],
  mips64le: [8],
  mips64: [8],
  loong64: [258]
};
var MACHINE_NAMES = {
  3: "x86 (i386)",
  8: "MIPS",
  21: "PowerPC64",
  22: "s390x",
  40: "ARM",
  [EM_X86_64]: "x86-64",
  [EM_AARCH64]: "AArch64",
  243: "RISC-V",
  258: "LoongArch"
};
function loaderLibc(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (/^ld-musl-[^/]+\.so\.1$/.test(name)) return "musl";
  if (/^ld-linux[^/]*\.so\.\d+$/.test(name) || /^ld64\.so\.\d+$/.test(name) || name === "ld.so.1")
    return "glibc";
  return void 0;
}
function imageLoaders(index) {
  const found = [];
  for (const file of index.files.values()) {
    if (!/^\/(lib|lib64|lib32|usr\/lib|usr\/lib64)\/[^/]+$/.test(file.path)) continue;
    const libc = loaderLibc(file.path);
    if (libc && resolveFile(index.files, file.path)) found.push({ libc, path: file.path });
  }
  return found;
}
var SG2043 = {
  id: "SG2043",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "An executable the command runs is built for another CPU or C library than the image's",
  run: (context) => {
    const { index } = context;
    const analysis = startupAnalysis(context);
    const who = describeOrigin(analysis.origin);
    const arch = index.platform?.architecture;
    const allowed = arch === void 0 ? void 0 : MACHINES[arch];
    const hits = [];
    let loaders;
    for (const step of analysis.steps) {
      const { elf } = step;
      const file = step.lookup.file;
      if (!elf || !file) continue;
      if (allowed && !allowed.includes(elf.machine)) {
        hits.push({
          message: `${who} runs ${file.path}, an ${MACHINE_NAMES[elf.machine] ?? `ELF machine ${elf.machine}`} binary, in a ${index.platform?.os ?? "linux"}/${arch} image: the container fails with "exec format error"; build it for ${arch} (e.g. GOARCH, --platform=$BUILDPLATFORM with a cross compiler)`,
          evidence: `ELF e_machine ${elf.machine}; image platform ${arch}`,
          ...atStep(step, analysis.origin)
        });
        continue;
      }
      const wanted = elf.interpreter === void 0 ? void 0 : loaderLibc(elf.interpreter);
      if (wanted === void 0 || resolveFile(index.files, elf.interpreter)) continue;
      loaders ??= imageLoaders(index);
      const other = loaders.find((loader) => loader.libc !== wanted);
      if (!other || loaders.some((loader) => loader.libc === wanted)) continue;
      hits.push({
        message: `${who} runs ${file.path}, linked against ${wanted} (loader ${elf.interpreter}), but the image's C library is ${other.libc} (${other.path}): the container fails with "no such file or directory"; build it in a ${other.libc}-based stage, link it statically, or use a ${wanted}-based final image`,
        evidence: `PT_INTERP ${elf.interpreter}; image has ${other.path}`,
        ...atStep(step, analysis.origin)
      });
    }
    return hits;
  }
};

// src/checks/startup/command-permission.ts
var SG2041 = {
  id: "SG2041",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "The ENTRYPOINT/CMD executable is not executable (or, for a script, not readable) by the image USER",
  run: (context) => {
    const analysis = startupAnalysis(context);
    const who = describeOrigin(analysis.origin);
    const hits = [];
    for (const step of analysis.steps) {
      if (step.role !== "command" && step.role !== "shell-command") continue;
      const { lookup } = step;
      const file = lookup.file;
      const runs = step.role === "shell-command" ? `${who} runs a shell whose command` : `${who} runs`;
      const denied = lookup.status === "denied" || lookup.status === "not-on-path" && lookup.detail !== void 0;
      if (denied) {
        hits.push({
          message: `${runs} ${lookup.name}, but ${lookup.detail ?? "it is not executable"}: the container fails with "permission denied"; COPY --chmod=0755 (or --chown to the USER) in the line that puts it there`,
          evidence: `command ${showArgv(analysis.argv)}; ${describeIdentity(analysis.identity)}`,
          ...atStep(step, analysis.origin)
        });
      } else if (step.unreadableScript && file) {
        hits.push({
          message: `${runs} the script ${file.path}, which ${describeIdentity(analysis.identity)} may execute but not read (${file.uid}:${file.gid} ${octal(file.mode)}), so its interpreter cannot open it; make it readable (COPY --chmod=0755)`,
          evidence: `command ${showArgv(analysis.argv)}`,
          ...atStep(step, analysis.origin)
        });
      }
    }
    return hits;
  }
};

// src/checks/startup/command-resolves.ts
var SG2040 = {
  id: "SG2040",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "The ENTRYPOINT/CMD executable is not in the image (or there is no command at all)",
  run: (context) => {
    const analysis = startupAnalysis(context);
    const { origin, argv } = analysis;
    const who = describeOrigin(origin);
    if (argv.length === 0 || argv[0] === "")
      return [
        {
          // A warning, not an error: images meant only as a base or as `docker run IMAGE CMD` tools have none.
          severity: "warning",
          message: 'The image sets neither ENTRYPOINT nor CMD, so `docker run IMAGE` fails ("no command specified"); if it is meant to run, add ENTRYPOINT ["/path/to/app"] to the final stage',
          evidence: "config Entrypoint and Cmd are empty",
          ...atOrigin(origin)
        }
      ];
    const hits = [];
    for (const step of analysis.steps) {
      if (step.role !== "command" && step.role !== "shell-command") continue;
      const message = problem(
        step,
        who,
        origin?.jsonForm === false && step.role === "command" && argv[1] === "-c"
      );
      if (message === void 0) continue;
      const similar = sameName(context.index, step.lookup.name).filter((path) => path !== step.lookup.path);
      hits.push({
        message: similar.length > 0 ? `${message} (the image has ${similar.join(", ")})` : message,
        evidence: `command ${showArgv(argv)}${step.lookup.searched ? `; PATH ${step.lookup.searched.join(":")}` : ""}`,
        ...step.lookup.status === "directory" ? atStep(step, origin) : atOrigin(origin),
        ...step.lookup.path !== void 0 ? { path: step.lookup.path } : {}
      });
    }
    return hits;
  }
};
function problem(step, who, shellForm) {
  const { lookup } = step;
  const what = step.role === "shell-command" ? `the shell command of ${who}` : who;
  switch (lookup.status) {
    case "missing":
      if (shellForm)
        return `${who} is in shell form, which runs ${lookup.name} -c, but the image has no ${lookup.name}: the container cannot start; use the exec (JSON) form, e.g. ["/app"]`;
      return `${what} runs ${lookup.name}, which ${lookup.detail ?? "is not in the image"}: the container fails with "no such file or directory"; copy it there or fix the path`;
    case "not-on-path":
      if (lookup.detail !== void 0) return void 0;
      return `${what} runs ${lookup.name}, which is on none of PATH's directories: the container fails with "executable file not found in $PATH"; use its absolute path or copy it onto PATH`;
    case "directory":
      return `${what} runs ${lookup.path ?? lookup.name}, which is a directory: the container fails with "permission denied"; name the executable inside it`;
    default:
      return void 0;
  }
}

// src/checks/startup/non-root-writes.ts
function writable(dir, who) {
  const entry = dir ?? { mode: 493, uid: 0, gid: 0 };
  return permits(entry, who, "write") && permits(entry, who, "execute");
}
function lineOf(context, keyword, path) {
  const model = context.model;
  if (!model) return {};
  for (const stage of stageChain2(model)) {
    for (const instruction of [...stage.instructions].reverse()) {
      if (instruction.keyword !== keyword) continue;
      const paths = instruction.argv.map((arg) => normalisePath(arg).path);
      if (keyword === "WORKDIR" || paths.includes(path))
        return { line: instruction.line, endLine: instruction.endLine, stage: stage.index };
    }
  }
  return {};
}
function dirs(index) {
  const list3 = [];
  const workdir = index.config.WorkingDir;
  if (workdir && normalisePath(workdir).path !== "/")
    list3.push({ path: normalisePath(workdir).path, keyword: "WORKDIR" });
  for (const volume of Object.keys(index.config.Volumes ?? {})) {
    const path = normalisePath(volume).path;
    if (!list3.some((entry) => entry.path === path)) list3.push({ path, keyword: "VOLUME" });
  }
  return list3;
}
var SG2046 = {
  id: "SG2046",
  aliases: [],
  severity: "note",
  phase: "image",
  summary: "The WORKDIR or a VOLUME is not writable by the image USER",
  run: (context) => {
    const { index } = context;
    const who = startupAnalysis(context).identity;
    const hits = [];
    for (const { path, keyword } of dirs(index)) {
      const dir = resolveFile(index.files, path);
      if (dir && dir.type !== "dir") continue;
      if (writable(dir, who)) continue;
      const state = dir ? `${dir.uid}:${dir.gid} ${octal(dir.mode)}` : "missing, so the runtime creates it as 0:0 0755";
      hits.push({
        message: `${keyword} ${path} is ${state}: ${describeIdentity(who)} cannot write there; if the app writes to it, create it with COPY --chown (or RUN chown) for that user, or mount a writable volume`,
        evidence: `${keyword} ${path}`,
        path,
        ...lineOf(context, keyword, path)
      });
    }
    return hits;
  }
};

// src/checks/startup/script-interpreter.ts
function visible(text) {
  return JSON.stringify(text).slice(1, -1);
}
var SG2042 = {
  id: "SG2042",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "A script the command runs has a #! interpreter (or env target) the image lacks, or CRLF line endings",
  run: (context) => {
    const analysis = startupAnalysis(context);
    const who = describeOrigin(analysis.origin);
    const hits = [];
    const steps = analysis.steps;
    for (const step of steps) {
      const file = step.lookup.file;
      if (step.lookup.status !== "ok" || !file) continue;
      if (step.kind === "other") {
        hits.push({
          message: `${who} reaches ${file.path}, which is neither an ELF binary nor a script starting with #!: the container fails with "exec format error"; add a #! line or run it through its interpreter`,
          evidence: "no #! and no ELF header in the first bytes",
          ...atStep(step, analysis.origin)
        });
        continue;
      }
      if (step.kind !== "script" || !step.shebang) continue;
      const shebang = step.shebang;
      const line = `#!${shebang.interpreter}${shebang.arg !== void 0 ? ` ${shebang.arg}` : ""}`;
      const evidence = visible(line);
      if (shebang.crlf) {
        hits.push({
          message: `${who} runs the script ${file.path}, whose #! line ends in CRLF: the kernel looks for "${visible(shebang.interpreter)}"${shebang.arg !== void 0 ? ` with argument "${visible(shebang.arg)}"` : ""} and the container fails; convert it to LF line endings (e.g. a .gitattributes rule \`*.sh text eol=lf\`)`,
          evidence,
          ...atStep(step, analysis.origin)
        });
        continue;
      }
      if (shebang.interpreter === "") {
        hits.push({
          message: `${who} runs the script ${file.path}, whose #! line names no interpreter: the container fails with "exec format error"`,
          evidence,
          ...atStep(step, analysis.origin)
        });
        continue;
      }
      const interpreter = next(steps, step, "interpreter", file.path);
      const target = next(steps, step, "env-target", file.path);
      const broken = interpreter && interpreter.lookup.status !== "ok" ? interpreter : target && target.lookup.status !== "ok" ? target : void 0;
      if (!broken) continue;
      const name = broken.lookup.name;
      const why = broken.lookup.status === "denied" || broken.lookup.detail !== void 0 && broken.lookup.status === "not-on-path" ? `is not executable here (${broken.lookup.detail ?? "permission denied"})` : broken.role === "env-target" ? "is on none of PATH's directories" : broken.lookup.detail ?? "is not in the image";
      hits.push({
        message: `${who} runs the script ${file.path} with ${evidence}, but ${visible(name)} ${why}: the container fails with "no such file or directory"; use a final base that has ${visible(basename(name))}, or ship a compiled binary`,
        evidence,
        ...atStep(step, analysis.origin)
      });
    }
    return hits;
  }
};
function basename(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function next(steps, after, role, via) {
  const start = steps.indexOf(after);
  return steps.slice(start + 1).find((step) => step.role === role && step.via === via);
}

// src/checks/startup/time-zones.ts
function zoneinfo(index) {
  const env = envValue(index.config.Env, "ZONEINFO");
  if (env !== void 0 && env !== "") return resolveFile(index.files, env) ? env : void 0;
  for (const dir of ZONEINFO_DIRS) {
    const resolved = resolveFile(index.files, dir);
    if (!resolved || resolved.type !== "dir") continue;
    const prefix = `${resolved.path}/`;
    for (const path of index.files.keys()) if (path.startsWith(prefix)) return dir;
  }
  return void 0;
}
var SG2045 = {
  id: "SG2045",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "A Go binary the command runs loads time zones from a zoneinfo the image does not have",
  run: (context) => {
    const { index } = context;
    const analysis = startupAnalysis(context);
    const hits = [];
    for (const step of analysis.steps) {
      const file = step.lookup.file;
      if (!file || !step.elf) continue;
      const markers = markersOf(index, file) ?? [];
      if (!markers.includes(GO_BUILDINFO) || !markers.includes(GO_LOAD_LOCATION)) continue;
      if (markers.includes(GO_EMBEDDED_TZDATA) || zoneinfo(index) !== void 0) continue;
      hits.push({
        message: `${describeOrigin(analysis.origin)} runs the Go binary ${file.path}, which calls time.LoadLocation without the embedded time/tzdata, but the image has no /usr/share/zoneinfo: loading any named time zone fails; import _ "time/tzdata" (or build with -tags timetzdata), or COPY /usr/share/zoneinfo from a stage that has it`,
        evidence: "Go build info and time.LoadLocation present; time/tzdata absent; no zoneinfo directory",
        ...atStep(step, analysis.origin)
      });
    }
    return hits;
  }
};

// src/checks/startup/tls-roots.ts
function loadsCaBundle(index, step) {
  const file = step.lookup.file;
  if (!file || !step.elf) return void 0;
  const found = (markersOf(index, file) ?? []).filter((marker) => TLS_MARKERS.includes(marker));
  if (found.length > 0)
    return `it names ${found[0]}${found.length > 1 ? ` (+${found.length - 1} more CA paths)` : ""}`;
  const library = (step.elf.needed ?? []).find((name) => TLS_LIBRARIES.test(name));
  return library ? `it links ${library}` : void 0;
}
function hasEntries(index, dir) {
  const resolved = resolveFile(index.files, dir);
  if (!resolved || resolved.type !== "dir") return false;
  const prefix = `${resolved.path}/`;
  for (const path of index.files.keys()) if (path.startsWith(prefix)) return true;
  return false;
}
function caBundle(index) {
  const env = index.config.Env;
  const certFile = envValue(env, "SSL_CERT_FILE");
  const certDir = envValue(env, "SSL_CERT_DIR");
  if (certFile !== void 0 || certDir !== void 0) {
    if (certFile !== void 0 && resolveFile(index.files, certFile)?.type === "file") return certFile;
    const dirs2 = (certDir ?? "").split(":").filter(Boolean);
    return dirs2.find((dir) => hasEntries(index, dir));
  }
  for (const path of CA_FILES) {
    const file = resolveFile(index.files, path);
    if (file && file.type !== "dir" && (file.size > 0 || file.type === "hardlink")) return path;
  }
  return CA_DIRS.find((dir) => hasEntries(index, dir));
}
function sourceStage(context, layer) {
  const model = context.model;
  if (!model) return "build";
  const from = context.attribution[layer]?.via?.fromStage;
  const stage = (from !== void 0 ? model.stages[from] : void 0) ?? [...model.stages].reverse().find((candidate) => !candidate.final && candidate.base.toLowerCase() !== "scratch");
  if (!stage) return "build";
  return stage.name ?? String(stage.index);
}
var SG2044 = {
  id: "SG2044",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "An executable the command runs loads the system CA bundle, which the image does not have",
  run: (context) => {
    const { index } = context;
    const analysis = startupAnalysis(context);
    const hits = [];
    let bundle = null;
    for (const step of analysis.steps) {
      const why = loadsCaBundle(index, step);
      const file = step.lookup.file;
      if (why === void 0 || !file) continue;
      if (bundle === null) bundle = caBundle(index);
      if (bundle !== void 0) return [];
      const from = sourceStage(context, file.layer);
      hits.push({
        message: `${describeOrigin(analysis.origin)} runs ${file.path}, which loads the system CA bundle (${why}), but the image has none: HTTPS calls will fail with "certificate signed by unknown authority"; add COPY --from=${from} /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ to the final stage`,
        evidence: `no CA bundle at ${CA_FILES[0]} or the ${CA_FILES.length - 1} other paths Go, OpenSSL and GnuTLS try`,
        ...atStep(step, analysis.origin)
      });
    }
    return hits;
  }
};

// src/checks/startup/checks.ts
var STARTUP_CHECKS = [SG2040, SG2041, SG2042, SG2043, SG2044, SG2045, SG2046];

// src/checks/rules/hardening.ts
var PACKAGE_TREES2 = /^\/(usr|lib|lib32|lib64|bin|sbin|proc|sys|var\/lib)\/|\/node_modules\/|\/site-packages\/|\/dist-packages\//;
var SG2017 = {
  id: "SG2017",
  aliases: [],
  severity: "note",
  phase: "image",
  summary: "No HEALTHCHECK in the final image",
  run: ({ index }) => {
    const healthcheck = index.config.Healthcheck;
    const test = healthcheck?.Test;
    if (Array.isArray(test) && test.length > 0 && test[0] !== "NONE") return [];
    const disabled = Array.isArray(test) && test[0] === "NONE";
    return [
      {
        message: disabled ? "The final image disables its HEALTHCHECK (HEALTHCHECK NONE); add one so the engine and orchestrators can tell a hung container from a healthy one" : 'The final image has no HEALTHCHECK; add one (e.g. HEALTHCHECK CMD ["/app", "-health"]) so the engine and orchestrators can tell a hung container from a healthy one',
        evidence: disabled ? "config Healthcheck: NONE" : "config Healthcheck: (none)"
      }
    ];
  }
};
var CREDENTIAL_NAMES = /* @__PURE__ */ new Set([
  "password.txt",
  "passwords.txt",
  "credentials.json",
  "database.yml",
  ".htpasswd"
]);
var SETTINGS_PASSWORD = /['"]?\bPASSWORD['"]?\s*[:=]\s*['"][^'"\s]+['"]/i;
function isCredentialFileName(path) {
  const name = basenameOf(path);
  return CREDENTIAL_NAMES.has(name) || name.endsWith(".ovpn");
}
function credentialReason(index, file) {
  if (file.type !== "file" || PACKAGE_TREES2.test(file.path)) return void 0;
  const name = basenameOf(file.path);
  const content = capturedContent(index, file);
  if (content && isSecretScanTarget(file.path, file.mode) && scanFileForSecrets(file.path, content).length > 0)
    return void 0;
  if (name === "settings.py") {
    const text = content?.toString("latin1") ?? "";
    return SETTINGS_PASSWORD.test(text) ? "sets a PASSWORD" : void 0;
  }
  if (!isCredentialFileName(file.path)) return void 0;
  return name.endsWith(".ovpn") ? "an OpenVPN profile (keys and credentials)" : "named like a credential file";
}
var SG2018 = {
  id: "SG2018",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "Credential files by name (password.txt, credentials.json, database.yml, *.ovpn, settings.py with a password)",
  run: ({ index }) => {
    const found = [];
    for (const path of index.files.keys()) {
      if (!isCredentialFileName(path) && basenameOf(path) !== "settings.py") continue;
      const file = index.files.get(path);
      const reason = credentialReason(index, file);
      if (reason) found.push({ file, reason });
    }
    for (const file of index.shadowed) {
      const reason = credentialReason(index, file);
      if (reason) found.push({ file, reason, deletedBy: file.hiddenBy });
    }
    const byLayer2 = /* @__PURE__ */ new Map();
    for (const entry of found) {
      const list3 = byLayer2.get(entry.file.layer);
      if (list3) list3.push(entry);
      else byLayer2.set(entry.file.layer, [entry]);
    }
    return [...byLayer2].sort(([a], [b]) => a - b).map(([layer, entries]) => {
      const sorted = [...entries].sort((a, b) => a.file.path.localeCompare(b.file.path));
      const paths = sorted.map((entry) => entry.file.path);
      const deleted = sorted.some((entry) => entry.deletedBy !== void 0);
      return {
        message: `The image carries credential file${paths.length === 1 ? "" : "s"} ${examples(paths)}${deleted ? " (deleted by a later layer, still in this layer blob)" : ""}; keep credentials out of the build context and pass them at run time or with RUN --mount=type=secret`,
        path: paths[0],
        layer,
        evidence: sorted.map((entry) => `${entry.file.path}: ${entry.reason}`).join("; "),
        ...paths.length > 1 ? { count: paths.length } : {}
      };
    });
  }
};
function imageTag(ref) {
  if (/^(oci-layout|docker-archive|oci-archive|dir):/.test(ref)) return void 0;
  const name = ref.replace(/^(registry|docker|docker-daemon|engine):/, "");
  if (name.includes("@") || /^(sha256:)?[0-9a-f]{12,64}$/.test(name)) return void 0;
  const lastSlash = name.lastIndexOf("/");
  const colon = name.indexOf(":", lastSlash + 1);
  return colon < 0 ? "latest" : name.slice(colon + 1);
}
var SG2019 = {
  id: "SG2019",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "The checked image's own tag is :latest",
  run: ({ index, tags }) => {
    const refs = tags && tags.length > 0 ? tags : [index.ref];
    const latest = refs.filter((ref) => imageTag(ref) === "latest");
    if (latest.length === 0) return [];
    return [
      {
        message: `The image is tagged ${latest.join(", ")}: \`latest\` names whatever was pushed last, so deployments cannot tell versions apart or roll back; tag it with a version or the commit (and deploy by digest)`,
        evidence: latest.join(", ")
      }
    ];
  }
};
var UNNECESSARY_NAMES = /* @__PURE__ */ new Set([
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yml",
  "compose.yaml",
  ".vimrc",
  ".DS_Store",
  ".cache",
  ".aws",
  ".azure",
  ".gcp",
  ".vscode",
  ".idea",
  ".npm"
]);
var UNNECESSARY_COMPONENT = new RegExp(
  `/(${[...UNNECESSARY_NAMES].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?:/|$)`
);
var BUILD_CACHES = /^\/(root|home\/[^/]+)\/\.(cache|npm)(\/|$)/;
var SG2022 = {
  id: "SG2022",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Files a runtime image does not need (docker-compose.yml, .vimrc, .DS_Store, .aws, .vscode, .idea ...)",
  run: ({ index }) => {
    const byLayer2 = /* @__PURE__ */ new Map();
    for (const path of index.files.keys()) {
      const component = UNNECESSARY_COMPONENT.exec(path);
      if (!component || PACKAGE_TREES2.test(path)) continue;
      const root = path.slice(0, component.index + 1 + component[1].length);
      if (BUILD_CACHES.test(root)) continue;
      const layer = index.files.get(path).layer;
      const list3 = byLayer2.get(layer) ?? /* @__PURE__ */ new Set();
      list3.add(root);
      byLayer2.set(layer, list3);
    }
    return [...byLayer2].sort(([a], [b]) => a - b).map(([layer, roots]) => {
      const paths = [...roots].sort();
      return {
        message: `The final image contains ${examples(paths)}, which ${paths.length === 1 ? "is" : "are"} not needed at run time; add ${paths.length === 1 ? "it" : "them"} to .dockerignore (cloud credentials in .aws, .azure or .gcp especially)`,
        path: paths[0],
        layer,
        evidence: examples(paths, 10),
        ...paths.length > 1 ? { count: paths.length } : {}
      };
    });
  }
};

// src/checks/rules/accounts.ts
function accountFile(index, path) {
  const file = resolveFile(index.files, path);
  if (!file || file.type !== "file") return void 0;
  const content = capturedContent(index, file);
  return content ? { text: content.toString("utf8"), layer: file.layer, path: file.path } : void 0;
}
function emptyPasswordAccounts(shadow) {
  const names = [];
  for (const line of shadow.split(/\r?\n/)) {
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(":");
    if (fields.length >= 2 && fields[0] && fields[1] === "") names.push(fields[0]);
  }
  return names;
}
function duplicateIds(text) {
  const byId = /* @__PURE__ */ new Map();
  for (const account of parseAccounts(text)) {
    const names = byId.get(account.id) ?? [];
    if (!names.includes(account.name)) names.push(account.name);
    byId.set(account.id, names);
  }
  return new Map([...byId].filter(([, names]) => names.length > 1));
}
var SG2020 = {
  id: "SG2020",
  aliases: [],
  severity: "error",
  phase: "image",
  summary: "An account with an empty password in /etc/shadow",
  run: ({ index }) => {
    const shadow = accountFile(index, "/etc/shadow");
    if (!shadow) return [];
    const names = emptyPasswordAccounts(shadow.text);
    if (names.length === 0) return [];
    return [
      {
        message: `${names.length === 1 ? "The account" : "The accounts"} ${names.join(", ")} in /etc/shadow ${names.length === 1 ? "has" : "have"} an empty password, so anyone in the container can become ${names.length === 1 ? "it" : "them"}; lock ${names.length === 1 ? "it" : "them"} (passwd -l, or \`!\` in the password field)`,
        path: shadow.path,
        layer: shadow.layer,
        evidence: `empty password field: ${names.join(", ")}`,
        ...names.length > 1 ? { count: names.length } : {}
      }
    ];
  }
};
var SG2021 = {
  id: "SG2021",
  aliases: [],
  severity: "warning",
  phase: "image",
  summary: "Duplicate UIDs in /etc/passwd or GIDs in /etc/group",
  run: ({ index }) => {
    const hits = [];
    for (const [path, what] of [
      ["/etc/passwd", "UID"],
      ["/etc/group", "GID"]
    ]) {
      const file = accountFile(index, path);
      if (!file) continue;
      const duplicates = duplicateIds(file.text);
      if (duplicates.size === 0) continue;
      const described = [...duplicates].map(([id, names]) => `${what} ${id}: ${names.join(", ")}`);
      hits.push({
        message: `${path} gives one ${what} to several ${what === "UID" ? "users" : "groups"} (${described.join("; ")}): each is the other for every permission check; give each its own ${what}`,
        path: file.path,
        layer: file.layer,
        evidence: described.join("; "),
        ...duplicates.size > 1 ? { count: duplicates.size } : {}
      });
    }
    return hits;
  }
};

// src/checks/catalog.ts
var IMAGE_CHECKS = [
  SG2000,
  SG2001,
  SG2002,
  SG2003,
  SG2004,
  SG2005,
  SG2006,
  SG2007,
  SG2008,
  SG2009,
  SG2010,
  SG2011,
  SG2012,
  SG2013,
  SG2014,
  SG2015,
  SG2016,
  SG2017,
  SG2018,
  SG2019,
  SG2020,
  SG2021,
  SG2022,
  ...STARTUP_CHECKS
];
var IMAGE_CHECK_NAMES = new Set(
  IMAGE_CHECKS.flatMap((check) => [check.id, ...check.aliases]).map((name) => name.toLowerCase())
);
function isImageCheckName(name) {
  return IMAGE_CHECK_NAMES.has(name.toLowerCase());
}

// src/lint/aliases.ts
var BUILDKIT_ALIASES = {
  DL3000: ["WorkdirRelativePath"],
  DL3012: ["MultipleInstructionsDisallowed"],
  DL3024: ["DuplicateStageName"],
  DL3025: ["JSONArgsRecommended"],
  DL3064: ["SecretsUsedInArgOrEnv"],
  DL3065: ["RedundantTargetPlatform"],
  DL4000: ["MaintainerDeprecated"],
  DL4003: ["MultipleInstructionsDisallowed"],
  DL4004: ["MultipleInstructionsDisallowed"]
};
var SAME_LINE_OVERLAPS = [
  // Both fire on `FROM --platform=linux/amd64 ... AS name`. DL3029 also reports a variable other
  // than $BUILDPLATFORM/$TARGETPLATFORM and a stage named after its platform (`AS build-amd64`),
  // which FromPlatformFlagConstDisallowed accepts; silencing it by either name must not silence
  // DL3029, so the two are no aliases.
  { kept: "DL3029", dropped: "FromPlatformFlagConstDisallowed" }
];
var BUILDKIT_CHECK_NAMES = [
  "StageNameCasing",
  "FromAsCasing",
  "NoEmptyContinuation",
  "ConsistentInstructionCasing",
  "DuplicateStageName",
  "ReservedStageName",
  "JSONArgsRecommended",
  "MaintainerDeprecated",
  "UndefinedArgInFrom",
  "WorkdirRelativePath",
  "UndefinedVar",
  "MultipleInstructionsDisallowed",
  "LegacyKeyValueFormat",
  "InvalidBaseImagePlatform",
  "RedundantTargetPlatform",
  "SecretsUsedInArgOrEnv",
  "InvalidDefaultArgInFrom",
  "FromPlatformFlagConstDisallowed",
  "CopyIgnoredFile",
  "InvalidDefinitionDescription",
  "ExposeProtoCasing",
  "ExposeInvalidFormat"
];

// src/dockerfile/shell.ts
function shellCommand(argv, env, raw, pipedFrom = false, pipesTo = false) {
  const start = commandStart(argv);
  const first = argv[start];
  return { argv, env, raw, pipedFrom, pipesTo, start, name: first === void 0 ? "" : basename2(first) };
}
var SEPARATORS = /* @__PURE__ */ new Set(["&&", "||", ";", ";;", ";&", ";;&", "&", "\n", "|", "|&", "(", ")"]);
var REDIRECTS = ["<<<", "<<-", "&>>", ">>", "<<", ">&", "<&", "&>", ">|", "<>", "<", ">"];
var LEADING_KEYWORDS = /* @__PURE__ */ new Set(["{", "}", "!", "if", "then", "else", "elif", "do", "while", "until"]);
var CLOSING_KEYWORDS = /* @__PURE__ */ new Set(["fi", "done", "esac", "}"]);
var ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)/;
var ARRAY_TARGET = /^[A-Za-z_][A-Za-z0-9_]*\+?$/;
function parseShell(script) {
  const tokens = tokenize(script);
  const commands = [];
  let words = [];
  let previousPipes = false;
  const flush = (separator) => {
    const pipes = separator === "|" || separator === "|&";
    const command = buildCommand(script, words, previousPipes, pipes);
    words = [];
    if (!command) {
      previousPipes = false;
      return;
    }
    previousPipes = pipes;
    commands.push(command);
  };
  const cases = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const inCase = cases[cases.length - 1];
    if (inCase === "pattern") {
      if (token.kind === "word") {
        if (token.value === "esac" && !token.quoted) cases.pop();
      } else if (token.op === ")") {
        cases[cases.length - 1] = "body";
      }
      continue;
    }
    if (token.kind === "word") {
      const head = commandHead(words);
      if (inCase === "body" && head.length === 0 && token.value === "esac" && !token.quoted) {
        flush(void 0);
        cases.pop();
        continue;
      }
      const opensCase = head.length === 2 && head[0]?.value === "case" && !head[0].quoted && token.value === "in" && !token.quoted;
      words.push(token);
      if (opensCase) {
        flush(void 0);
        cases.push("pattern");
      }
      continue;
    }
    if (inCase === "body" && (token.op === ";;" || token.op === ";&" || token.op === ";;&")) {
      flush(token.op);
      cases[cases.length - 1] = "pattern";
      continue;
    }
    if (SEPARATORS.has(token.op)) {
      flush(token.op);
      continue;
    }
    const next2 = tokens[i + 1];
    if (next2 && next2.kind === "word") i++;
  }
  flush(void 0);
  return commands;
}
function commandHead(words) {
  let start = 0;
  while (start < words.length && LEADING_KEYWORDS.has(words[start].value)) start++;
  return start === 0 ? words : words.slice(start);
}
function buildCommand(script, words, pipedFrom, pipesTo) {
  const rest = commandHead(words);
  if (rest.length === 0) return void 0;
  if (rest.every((word) => CLOSING_KEYWORDS.has(word.value))) return void 0;
  const env = [];
  let index = 0;
  for (; index < rest.length; index++) {
    const word = rest[index];
    const match = word.plainPrefix ? ASSIGNMENT.exec(word.value) : null;
    if (!match) break;
    env.push({ name: match[1], value: word.value.slice(match[0].length) });
  }
  const first = rest[0];
  const last = rest[rest.length - 1];
  return shellCommand(
    rest.slice(index).map((word) => word.value),
    env,
    script.slice(first.start, last.end),
    pipedFrom,
    pipesTo
  );
}
function tokenize(script) {
  const tokens = [];
  const n = script.length;
  let i = 0;
  let pendingHeredocs = [];
  let heredocOperator;
  while (i < n) {
    const ch = script[i];
    if (ch === "\\" && script[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (ch === " " || ch === "	" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === "#") {
      while (i < n && script[i] !== "\n") i++;
      continue;
    }
    if (ch === "\n") {
      tokens.push({ kind: "op", op: "\n", start: i, end: i + 1 });
      i++;
      if (pendingHeredocs.length > 0) {
        i = skipHeredocBodies(script, i, pendingHeredocs);
        pendingHeredocs = [];
      }
      continue;
    }
    const operator = readOperator(script, i);
    if (operator) {
      tokens.push({ kind: "op", op: operator, start: i, end: i + operator.length });
      if (operator === "<<" || operator === "<<-") heredocOperator = operator;
      i += operator.length;
      continue;
    }
    const word = readWord(script, i);
    const after = script[word.end];
    if ((after === ">" || after === "<") && word.end - word.start === word.value.length && /^\d+$/.test(word.value)) {
      i = word.end;
      continue;
    }
    tokens.push(word);
    if (heredocOperator) {
      pendingHeredocs.push({ delimiter: word.value, stripTabs: heredocOperator === "<<-" });
      heredocOperator = void 0;
    }
    i = word.end;
  }
  return tokens;
}
function readOperator(script, i) {
  const c = script.charCodeAt(i);
  if (c !== 59 && c !== 38 && c !== 124 && c !== 40 && c !== 41 && c !== 60 && c !== 62) return void 0;
  const two = script.slice(i, i + 2);
  if (script.startsWith(";;&", i)) return ";;&";
  if (two === "&&" || two === "||" || two === ";;" || two === ";&" || two === "|&") return two;
  for (const redirect of REDIRECTS) if (script.startsWith(redirect, i)) return redirect;
  const ch = script[i];
  if (ch === ";" || ch === "&" || ch === "|" || ch === "(" || ch === ")") return ch;
  return void 0;
}
function readWord(script, start) {
  const n = script.length;
  let value = "";
  let plainPrefix = true;
  let quoted = false;
  let sawEquals = false;
  let i = start;
  let run = start;
  while (i < n) {
    const ch = script[i];
    if (ch === " " || ch === "	" || ch === "\n" || ch === "\r") break;
    if (ch === ";" || ch === "&" || ch === "|" || ch === "<" || ch === ">" || ch === "(" || ch === ")") break;
    if (ch === "=") {
      sawEquals = true;
      i++;
      if (script[i] === "(" && plainPrefix && ARRAY_TARGET.test(script.slice(start, i - 1)))
        i = skipSubstitution(script, i);
      continue;
    }
    const substitution = ch === "$" && (script[i + 1] === "(" || script[i + 1] === "{");
    if (ch !== "\\" && ch !== "'" && ch !== '"' && ch !== "`" && !substitution) {
      i++;
      continue;
    }
    if (i > run) value += script.slice(run, i);
    if (ch !== "$" && ch !== "`") quoted = true;
    if (ch === "\\") {
      if (!sawEquals) plainPrefix = false;
      if (script[i + 1] !== "\n" && i + 1 < n) value += script[i + 1];
      i += 2;
    } else if (ch === "'") {
      if (!sawEquals) plainPrefix = false;
      const close = script.indexOf("'", i + 1);
      const end2 = close < 0 ? n : close;
      value += script.slice(i + 1, end2);
      i = end2 + 1;
    } else if (ch === '"') {
      if (!sawEquals) plainPrefix = false;
      i = readDoubleQuoted(script, i + 1, (part) => {
        value += part;
      });
      i++;
    } else {
      const end2 = substitution ? skipSubstitution(script, i + 1) : skipBackticks(script, i);
      value += script.slice(i, end2);
      i = end2;
    }
    run = i;
  }
  const end = Math.min(i, n);
  if (end > run) value = value === "" ? script.slice(run, end) : value + script.slice(run, end);
  return { kind: "word", value, plainPrefix, quoted, start, end };
}
function readDoubleQuoted(script, i, add) {
  const n = script.length;
  let run = i;
  while (i < n && script[i] !== '"') {
    const inner = script[i];
    if (inner === "\\" && i + 1 < n) {
      if (i > run) add(script.slice(run, i));
      const escaped = script[i + 1];
      if (escaped !== "\n") add('$`"\\'.includes(escaped) ? escaped : inner + escaped);
      i += 2;
      run = i;
      continue;
    }
    if (inner === "$" && (script[i + 1] === "(" || script[i + 1] === "{") || inner === "`") {
      if (i > run) add(script.slice(run, i));
      const end = inner === "`" ? skipBackticks(script, i) : skipSubstitution(script, i + 1);
      add(script.slice(i, end));
      i = end;
      run = i;
      continue;
    }
    i++;
  }
  if (i > run) add(script.slice(run, Math.min(i, n)));
  return i;
}
function skipSubstitution(script, open) {
  const openChar = script[open];
  const closeChar = openChar === "(" ? ")" : "}";
  let depth = 0;
  let i = open;
  const n = script.length;
  while (i < n) {
    const ch = script[i];
    if (ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === "'" && openChar === "(") {
      const close = script.indexOf("'", i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < n && script[i] !== '"') i += script[i] === "\\" ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "`") {
      i = skipBackticks(script, i);
      continue;
    }
    if (ch === openChar) depth++;
    else if (ch === closeChar) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}
function skipBackticks(script, open) {
  let i = open + 1;
  const n = script.length;
  while (i < n && script[i] !== "`") i += script[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, n);
}
function skipHeredocBodies(script, i, heredocs) {
  const n = script.length;
  for (const heredoc of heredocs) {
    while (i < n) {
      const lineEnd = script.indexOf("\n", i);
      const end = lineEnd < 0 ? n : lineEnd;
      let line = script.slice(i, end);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (heredoc.stripTabs) line = line.replace(/^\t+/, "");
      i = lineEnd < 0 ? n : lineEnd + 1;
      if (line === heredoc.delimiter) break;
    }
  }
  return i;
}
var WRAPPERS = new Map(
  Object.entries({
    sudo: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "-R"],
    doas: ["-u", "-C"],
    env: ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"],
    exec: ["-a"],
    command: [],
    builtin: [],
    nohup: [],
    nice: ["-n", "--adjustment"],
    time: ["-f", "-o", "--format", "--output"],
    stdbuf: ["-i", "-o", "-e"],
    eatmydata: [],
    timeout: ["-s", "-k", "--signal", "--kill-after"]
  }).map(([name, options]) => [name, new Set(options)])
);
function basename2(word) {
  const slash = word.lastIndexOf("/");
  return slash < 0 ? word : word.slice(slash + 1);
}
function commandStart(argv) {
  let i = 0;
  while (i < argv.length) {
    const name = basename2(argv[i]);
    const valueOptions = WRAPPERS.get(name);
    if (!valueOptions) break;
    i++;
    let durationPending = name === "timeout";
    while (i < argv.length) {
      const word = argv[i];
      if (word === "--") {
        i++;
        break;
      }
      if (word.startsWith("-") && word.length > 1) {
        i += valueOptions.has(word) ? 2 : 1;
        continue;
      }
      if (name === "env" && ASSIGNMENT.test(word)) {
        i++;
        continue;
      }
      if (durationPending) {
        durationPending = false;
        i++;
        continue;
      }
      break;
    }
  }
  return i;
}
function effectiveArgv(command) {
  return command.argv.slice(command.start);
}
function commandName(command) {
  return command.name;
}
function usesWrapper(command, wrapper) {
  for (let i = 0; i < command.start; i++) if (basename2(command.argv[i]) === wrapper) return true;
  return false;
}
function hasFlag2(command, ...flags) {
  const argv = command.argv;
  for (let i = command.start + 1; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--") return false;
    if (matchesFlag(word, flags)) return true;
  }
  return false;
}
function flagValue2(command, ...flags) {
  const args = effectiveArgv(command).slice(1);
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === "--") break;
    for (const flag of flags) {
      if (word === flag) return args[i + 1];
      if (flag.startsWith("--") && word.startsWith(flag + "=")) return word.slice(flag.length + 1);
      if (!flag.startsWith("--") && flag.length === 2 && word.startsWith(flag) && word.length > 2 && !word.startsWith("--"))
        return word.slice(2);
    }
  }
  return void 0;
}
function matchesFlag(word, flags) {
  for (const flag of flags) {
    if (word === flag) return true;
    if (flag.startsWith("--")) {
      if (word.startsWith(flag + "=")) return true;
    } else if (flag.length === 2 && flag.startsWith("-") && /^-[A-Za-z0-9]{2,}$/.test(word)) {
      if (word.includes(flag[1])) return true;
    }
  }
  return false;
}
function subcommandArgs(command, ...subcommands) {
  const argv = command.argv;
  for (let i = command.start + 1; i < argv.length; i++) {
    if (subcommands.includes(argv[i])) return argv.slice(i + 1);
  }
  return void 0;
}
function positionalArgs(args, valueOptions = []) {
  const positional = [];
  let afterDashes = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (afterDashes) {
      positional.push(word);
      continue;
    }
    if (word === "--") {
      afterDashes = true;
      continue;
    }
    if (word.startsWith("-") && word.length > 1) {
      if (valueOptions.includes(word)) i++;
      continue;
    }
    positional.push(word);
  }
  return positional;
}

// src/dockerfile/run.ts
var POSIX_SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"]);
var DEFAULT_SHELL2 = ["/bin/sh", "-c"];
function basename3(path) {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1).replace(/\.exe$/i, "");
}
function isNonPosixShell(shell) {
  return /^(pwsh|powershell|cmd)$/i.test(basename3(shell[0] ?? ""));
}
function shellQuote(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
var runsByModel = /* @__PURE__ */ new WeakMap();
function modelRuns(model) {
  let runs = runsByModel.get(model);
  if (!runs) {
    runs = collect(model);
    runsByModel.set(model, runs);
  }
  return runs;
}
function runBodies(model) {
  return modelRuns(model).all;
}
function stageRunBodies(model, stage) {
  return modelRuns(model).byStage.get(typeof stage === "number" ? stage : stage.index) ?? [];
}
function runBodyOf(model, instruction) {
  return modelRuns(model).byInstruction.get(instruction);
}
function runCommandsOf(model, instruction) {
  return runBodyOf(model, instruction)?.commands ?? [];
}
function commandsNamed(run, ...names) {
  if (!run.byName) {
    run.byName = /* @__PURE__ */ new Map();
    for (const command of run.commands) {
      const name = commandName(command);
      const list3 = run.byName.get(name);
      if (list3) list3.push(command);
      else run.byName.set(name, [command]);
    }
  }
  if (names.length === 1) return run.byName.get(names[0]) ?? [];
  return run.commands.filter((command) => names.includes(commandName(command)));
}
function runScripts(model) {
  const lines2 = sourceLines(model);
  const escape2 = model.directives.find((d) => d.name === "escape")?.value === "`" ? "`" : "\\";
  const scripts = [];
  for (const run of runBodies(model)) {
    const instruction = run.instruction;
    if (run.stage < 0) continue;
    if (run.onbuild ? !isOnbuildShellRun(instruction) : instruction.jsonForm) continue;
    const body = scriptLines(instruction, lines2, escape2, run.onbuild ? 2 : 1);
    if (!body) continue;
    scripts.push({
      line: instruction.line,
      stage: run.stage,
      lines: body.lines,
      lineMap: body.lines.map((_line, index) => body.firstLine + index),
      shellVariables: variablesInScope(model, instruction),
      shell: run.shell
    });
  }
  return scripts;
}
function isOnbuildShellRun(instruction) {
  const [trigger, next2] = instruction.argv;
  return trigger?.toUpperCase() === "RUN" && next2 !== void 0 && !next2.startsWith("[") && !next2.startsWith("<<");
}
function scriptLines(instruction, lines2, escape2, keywords = 1) {
  const first = instruction.argv[0] ?? "";
  if (keywords === 1 && instruction.heredocs.length > 0 && first.startsWith("<<")) {
    const heredoc = instruction.heredocs[0];
    if (!heredoc) return void 0;
    const start = heredoc.line + 1;
    const end = Math.max(start - 1, heredoc.endLine - 1);
    return { firstLine: start, lines: lines2.slice(start - 1, end) };
  }
  const raw = lines2.slice(instruction.line - 1, instruction.endLine);
  const out = [];
  let inFlags = true;
  const continuation = escape2 === "`" ? /`[ \t]*$/ : /\\[ \t]+$/;
  raw.forEach((line, index) => {
    let text = line;
    const heredocLine = inHeredocBody(instruction, instruction.line + index);
    const trimmed = text.trim();
    if (index > 0 && (trimmed === "" || trimmed.startsWith("#")) && !heredocLine) {
      out.push("\\");
      return;
    }
    if (index === 0)
      text = text.replace(keywords === 2 ? /^\s*\S+\s+\S+/ : /^\s*\S+/, (keyword) => " ".repeat(keyword.length));
    if (inFlags) {
      const flags = /^(\s*)((?:--\S+\s*)*)/.exec(text);
      const consumed = flags ? flags[2] : "";
      text = text.replace(/^(\s*)((?:--\S+\s*)*)/, (_m, space) => space + " ".repeat(consumed.length));
      const rest = text.trim();
      if (rest !== "" && rest !== escape2) inFlags = false;
    }
    if (!heredocLine && continuation.test(text)) text = text.replace(continuation, "\\");
    out.push(text);
  });
  return { firstLine: instruction.line, lines: out };
}
function inHeredocBody(instruction, line) {
  return instruction.heredocs.some((heredoc) => line > heredoc.line && line <= heredoc.endLine);
}
var PREDEFINED_ARGS = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy"
];
function variablesInScope(model, instruction) {
  const stage = model.stages[instruction.stage];
  const names = /* @__PURE__ */ new Set();
  if (!stage) {
    for (const arg of model.globalArgs) if (arg.line < instruction.line) names.add(arg.name);
    return [...names];
  }
  const chain = [];
  for (let current = stage; current && !chain.includes(current); ) {
    chain.unshift(current);
    current = current.baseStage !== void 0 ? model.stages[current.baseStage] : void 0;
  }
  for (const name of PREDEFINED_ARGS) names.add(name);
  for (const current of chain) {
    for (const other of current.instructions) {
      if (current === stage && other.line >= instruction.line) break;
      const isEnv = other.keyword === "ENV";
      if (!isEnv && !(other.keyword === "ARG" && current === stage)) continue;
      if (isEnv && other.argv.length > 1 && !other.argv[0].includes("=")) {
        names.add(other.argv[0]);
        continue;
      }
      for (const word of other.argv) {
        const key = splitKeyValue(word).key;
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) names.add(key);
      }
    }
  }
  return [...names];
}
function collect(model) {
  const runs = { all: [], byInstruction: /* @__PURE__ */ new Map(), byStage: /* @__PURE__ */ new Map(), parsed: /* @__PURE__ */ new Map() };
  const parse = (script) => {
    let commands = runs.parsed.get(script);
    if (!commands) {
      commands = parseShell(script);
      runs.parsed.set(script, commands);
    }
    return commands;
  };
  const add = (body) => {
    runs.all.push(body);
    runs.byInstruction.set(body.instruction, body);
    const list3 = runs.byStage.get(body.stage);
    if (list3) list3.push(body);
    else runs.byStage.set(body.stage, [body]);
  };
  for (const instruction of model.preamble) {
    const body = readRun(instruction, DEFAULT_SHELL2, parse);
    if (body) add(body);
  }
  for (const stage of model.stages) {
    const base = stage.baseStage !== void 0 ? model.stages[stage.baseStage] : void 0;
    let shell = base ? base.shell : DEFAULT_SHELL2;
    for (const instruction of stage.instructions) {
      if (setsShell(instruction)) {
        shell = instruction.argv;
        continue;
      }
      const body = readRun(instruction, shell, parse);
      if (body) add(body);
    }
  }
  return runs;
}
function readRun(instruction, shell, parse) {
  if (instruction.keyword === "RUN") return readBody(instruction, instruction, false, shell, parse);
  if (instruction.keyword !== "ONBUILD") return void 0;
  const match = /^RUN(\s+|$)/i.exec(instruction.args);
  if (!match) return void 0;
  const { flags, rest } = splitFlags(instruction.args.slice(match[0].length));
  const argv = execFormArgv(rest);
  const trigger = {
    ...instruction,
    keyword: "RUN",
    args: rest,
    argv: argv ?? [],
    jsonForm: argv !== void 0,
    flags
  };
  return readBody(instruction, trigger, true, shell, parse);
}
function readBody(instruction, run, onbuild, shell, parse) {
  const body = (form, script, lineMap, commands2, bodyShell, posix) => ({
    instruction,
    stage: instruction.stage,
    flags: run.flags,
    onbuild,
    form,
    script,
    lineMap,
    commands: commands2,
    shell: bodyShell,
    posix,
    byName: void 0
  });
  if (run.jsonForm) {
    const argv = run.argv;
    const dashC = argv.indexOf("-c");
    if (POSIX_SHELLS.has(basename3(argv[0] ?? "")) && dashC > 0 && argv[dashC + 1] !== void 0) {
      const script2 = argv[dashC + 1];
      return body(
        "exec",
        script2,
        script2.split("\n").map(() => instruction.line),
        parse(script2),
        argv.slice(0, dashC + 1),
        true
      );
    }
    const script = argv.map(shellQuote).join(" ");
    const commands2 = argv.length > 0 ? [shellCommand([...argv], [], argv.join(" "))] : [];
    return body("exec", script, [instruction.line], commands2, argv, !isNonPosixShell(argv));
  }
  if (isNonPosixShell(shell)) return body("shell", run.args, [instruction.line], [], shell, false);
  const commands = parse(run.args);
  if (run.heredocs.length > 0) {
    const only = commands.length === 1 ? commands[0] : void 0;
    const bodyIsScript = commands.length === 0 || only !== void 0 && POSIX_SHELLS.has(commandName(only)) && effectiveArgv(only).length === 1;
    if (bodyIsScript) {
      const script = run.heredocs.map((heredoc) => heredoc.body).join("\n");
      const lineMap = [];
      for (const heredoc of run.heredocs) {
        const count = heredoc.body === "" ? 0 : heredoc.body.split("\n").length - 1;
        for (let i = 0; i < count; i++) lineMap.push(heredoc.line + 1 + i);
        lineMap.push(heredoc.endLine);
      }
      const interpreter = shebangArgv(script);
      if (interpreter) {
        const posix = POSIX_SHELLS.has(basename3(interpreter[0]));
        return body("heredoc", script, lineMap, posix ? parse(script) : [], interpreter, posix);
      }
      return body("heredoc", script, lineMap, parse(script), shell, true);
    }
  }
  return body("shell", run.args, [instruction.line], commands, shell, true);
}
function shebangArgv(script) {
  if (!script.startsWith("#!")) return void 0;
  const end = script.indexOf("\n");
  const words = script.slice(2, end < 0 ? script.length : end).trim().split(/\s+/).filter((word) => word !== "");
  if (words.length > 1 && basename3(words[0]) === "env") words.shift();
  if (words[0] === "-S") words.shift();
  return words.length > 0 ? words : void 0;
}
function execFormArgv(text) {
  if (!text.trim().startsWith("[")) return void 0;
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function mountsOf(flags) {
  const mounts = [];
  for (const flag of flags) {
    if (flag.name !== "mount" || flag.value === void 0) continue;
    const options = parseMountOptions(flag.value);
    const target = options.get("target") ?? options.get("dst") ?? options.get("destination") ?? "";
    mounts.push({ type: options.get("type") ?? "bind", target: target.replace(/(.)\/+$/, "$1"), options });
  }
  return mounts;
}
function hasCacheMount(flags, ...dirs2) {
  return mountsOf(flags).some(
    (mount) => (mount.type === "cache" || mount.type === "tmpfs") && mount.target !== "" && dirs2.some((written) => {
      const dir = written.replace(/(.)\/+$/, "$1");
      return dir === mount.target || mount.target === "/" || dir.startsWith(mount.target + "/");
    })
  );
}

// src/lint/kit.ts
function defineRule(spec, check) {
  return {
    id: spec.id,
    aliases: spec.aliases ?? [],
    severity: spec.severity,
    phase: "dockerfile",
    summary: spec.summary,
    offByDefault: spec.offByDefault === true,
    experimental: spec.experimental === true,
    readsRunBodies: spec.readsRunBodies === true,
    check
  };
}
function flatMapOf(items, map) {
  const out = [];
  for (const item of items) for (const value of map(item)) out.push(value);
  return out;
}
function hitAt(instruction, message, evidence) {
  const hit2 = { line: instruction.line, message };
  if (instruction.endLine !== instruction.line) hit2.endLine = instruction.endLine;
  if (instruction.stage >= 0) hit2.stage = instruction.stage;
  if (evidence !== void 0) hit2.evidence = evidence;
  return hit2;
}
function baseChain(model, stage) {
  const chain = [];
  for (let current = stage; current && !chain.includes(current); ) {
    chain.unshift(current);
    current = current.baseStage !== void 0 ? model.stages[current.baseStage] : void 0;
  }
  return chain;
}
function baseStagesHave(model, stage, test) {
  return baseChain(model, stage).some((link) => link !== stage && link.instructions.some(test));
}
function derivedStages(model, stage) {
  return model.stages.filter(
    (other) => other !== stage && baseChain(model, other).some((link) => link.index === stage.index)
  );
}
function feedsAnotherStage(model, stage) {
  return model.edges.some(
    (edge) => edge.from === stage.index && edge.to !== stage.index && (edge.kind === "copy" || edge.kind === "mount")
  );
}
var modelLists = /* @__PURE__ */ new WeakMap();
function listsOf(model) {
  let lists = modelLists.get(model);
  if (!lists) {
    lists = { instructions: {}, triggered: {} };
    modelLists.set(model, lists);
  }
  return lists;
}
function finalImageStages(model) {
  const lists = listsOf(model);
  if (!lists.finalImageStages) {
    const final = model.stages[model.finalStage];
    lists.finalImageStages = new Set(final ? baseChain(model, final).map((stage) => stage.index) : []);
  }
  return lists.finalImageStages;
}
function stagesIn(model, scope) {
  if (scope !== "final-image") return model.stages;
  const shipped = finalImageStages(model);
  return model.stages.filter((stage) => shipped.has(stage.index));
}
var triggerCache = /* @__PURE__ */ new WeakMap();
function triggerOf(model, instruction) {
  if (instruction.keyword !== "ONBUILD") return void 0;
  let trigger = triggerCache.get(instruction);
  if (trigger === void 0) {
    const escape2 = model.directives.find((d) => d.name === "escape")?.value === "`" ? "`" : "\\";
    trigger = onbuildTrigger(instruction, escape2) ?? null;
    triggerCache.set(instruction, trigger);
  }
  return trigger ?? void 0;
}
function withTriggers(model, instructions2) {
  return instructions2.map((instruction) => triggerOf(model, instruction) ?? instruction);
}
function instructionsWithTriggers(model, scope = "all") {
  const lists = listsOf(model);
  let list3 = lists.triggered[scope];
  if (!list3) {
    const all = instructionsIn(model, scope);
    list3 = all.some((instruction) => instruction.keyword === "ONBUILD") ? withTriggers(model, all) : all;
    lists.triggered[scope] = list3;
  }
  return list3;
}
function instructionsIn(model, scope = "all") {
  const lists = listsOf(model);
  let list3 = lists.instructions[scope];
  if (!list3) {
    const inStages = flatMapOf(stagesIn(model, scope), (stage) => stage.instructions);
    list3 = scope === "final-image" ? inStages : [...model.preamble, ...inStages];
    lists.instructions[scope] = list3;
  }
  return list3;
}
function stageRuns(model, stage, includeOnbuild = true) {
  const runs = stageRunBodies(model, stage);
  return includeOnbuild ? runs : runs.filter((run) => !run.onbuild);
}
function runsIn(model, scope = "all") {
  if (scope === "all") return runBodies(model);
  const lists = listsOf(model);
  if (!lists.runs) {
    const shipped = finalImageStages(model);
    lists.runs = runBodies(model).filter((run) => run.stage < 0 || run.onbuild || shipped.has(run.stage));
  }
  return lists.runs;
}
function perRun(spec, check, scope = "all") {
  return defineRule({ ...spec, readsRunBodies: true }, ({ model }) => {
    const hits = [];
    for (const run of runsIn(model, scope)) {
      if (!run.posix) continue;
      const message = check(run, { model, stage: model.stages[run.stage] });
      if (message !== void 0) hits.push(hitAt(run.instruction, message));
    }
    return hits;
  });
}
function perCommand(spec, check, scope = "all") {
  return perRun(
    spec,
    (run) => {
      for (const command of run.commands) {
        const message = check(command, run);
        if (message !== void 0) return message;
      }
      return void 0;
    },
    scope
  );
}
function perInstruction(spec, keywords, check, scope = "all") {
  return defineRule(spec, ({ model }) => {
    const hits = [];
    for (const instruction of keywords.includes("ONBUILD") ? instructionsIn(model, scope) : instructionsWithTriggers(model, scope)) {
      if (!keywords.includes(instruction.keyword)) continue;
      const message = check(instruction, model);
      if (message !== void 0) hits.push(hitAt(instruction, message));
    }
    return hits;
  });
}
function hasCacheMount2(run, ...dirs2) {
  return hasCacheMount(Array.isArray(run) ? run : run.flags, ...dirs2);
}
var VALUE_FLAGS = /* @__PURE__ */ new Set(["from", "chown", "chmod", "mount", "network", "security", "exclude", "checksum"]);
function isMissingValue(flag) {
  return flag.value === void 0 && VALUE_FLAGS.has(flag.name);
}
function hasMisreadFlag(instruction) {
  return instruction.flags.some(isMissingValue);
}
function mountTargets(flags, types) {
  return mountsOf(flags).filter((mount) => types.includes(mount.type)).map((mount) => mount.target);
}
function subcommandOf(command, valueOptions = []) {
  return positionalArgs(effectiveArgv(command).slice(1), valueOptions)[0];
}
function operandsAfterSubcommand(command, valueOptions = []) {
  return positionalArgs(effectiveArgv(command).slice(1), valueOptions).slice(1);
}
function isDynamicWord(word) {
  return /^(\$|`)/.test(word);
}
function installCommand(command, tools, subcommands, valueOptions = []) {
  if (!tools.includes(commandName(command))) return void 0;
  const args = subcommandArgs(command, ...subcommands);
  if (args === void 0) return void 0;
  return { args, packages: positionalArgs(args, valueOptions) };
}
function perUnpinnedPackage(spec, packagesOf, isPinned2, message) {
  return perCommand(spec, (command) => {
    const packages = packagesOf(command);
    const unpinned2 = packages && firstUnpinned(packages, isPinned2);
    return unpinned2 === void 0 ? void 0 : message(unpinned2);
  });
}
function firstUnpinned(packages, isPinned2) {
  return packages.find((word) => !isDynamicWord(word) && !isPinned2(word));
}
function cleanedAfter(run, isInstall, isClean) {
  let installed = false;
  let cleaned = false;
  for (const command of run.commands) {
    if (isInstall(command)) {
      installed = true;
      cleaned = false;
    } else if (installed && isClean(command)) cleaned = true;
  }
  return cleaned;
}
function splitRawWords(text, escape2 = "\\") {
  const words = [];
  let word = "";
  let quote;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      word += ch;
      if (ch === escape2 && quote === '"' && i + 1 < text.length) word += text[++i];
      else if (ch === quote) quote = void 0;
      continue;
    }
    if (/\s/.test(ch)) {
      if (word !== "") words.push(word);
      word = "";
      continue;
    }
    word += ch;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === escape2 && i + 1 < text.length) word += text[++i];
  }
  if (word !== "") words.push(word);
  return words;
}
function unquoteRaw(raw, escape2 = "\\") {
  let out = "";
  let quote;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote) {
      if (ch === quote) quote = void 0;
      else if (ch === escape2 && quote === '"' && i + 1 < raw.length) out += raw[++i];
      else out += ch;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === escape2 && i + 1 < raw.length) out += raw[++i];
    else out += ch;
  }
  return out;
}
var pairCache = /* @__PURE__ */ new WeakMap();
function keyValuePairs(instruction) {
  let pairs = pairCache.get(instruction);
  if (!pairs) {
    pairs = splitPairs(instruction.args);
    pairCache.set(instruction, pairs);
  }
  return pairs;
}
function definitionsBefore(model, stage, line) {
  const pairs = [];
  if (!stage) {
    for (const instruction of model.preamble) {
      if (instruction.line >= line) break;
      if (instruction.keyword === "ARG" || instruction.keyword === "ENV")
        pairs.push(...keyValuePairs(instruction));
    }
    return pairs;
  }
  for (const current of baseChain(model, stage)) {
    for (const instruction of current.instructions) {
      if (current === stage && instruction.line >= line) break;
      if (instruction.keyword === "ENV" || instruction.keyword === "ARG" && current === stage)
        pairs.push(...keyValuePairs(instruction));
    }
  }
  return pairs;
}
function splitPairs(args) {
  const words = splitRawWords(args);
  const first = words[0];
  if (first === void 0) return [];
  if (!first.includes("=")) {
    const rest = args.trim().slice(first.length).trim();
    return [{ key: unquoteRaw(first), rawValue: rest }];
  }
  return words.map((word) => {
    const eq = word.indexOf("=");
    return eq < 0 ? { key: unquoteRaw(word) } : { key: unquoteRaw(word.slice(0, eq)), rawValue: word.slice(eq + 1) };
  });
}
function instructions(stages, keyword) {
  return flatMapOf(stages, (stage) => stage.instructions.filter((instruction) => instruction.keyword === keyword));
}
function keywordInstructions(model, keyword) {
  const lists = listsOf(model);
  if (!lists.byKeyword) {
    const byKeyword = /* @__PURE__ */ new Map();
    const add = (instruction) => {
      const same = byKeyword.get(instruction.keyword);
      if (same) same.push(instruction);
      else byKeyword.set(instruction.keyword, [instruction]);
    };
    for (const instruction of instructionsWithTriggers(model))
      if (instruction.keyword !== "ONBUILD") add(instruction);
    for (const instruction of instructionsIn(model)) if (instruction.keyword === "ONBUILD") add(instruction);
    lists.byKeyword = byKeyword;
  }
  return lists.byKeyword.get(keyword) ?? [];
}
function list2(words, max = 4) {
  const shown = words.slice(0, max).map((word) => `\`${word}\``);
  const more = words.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}
function requiresPinnedVersions(spec, unpinnedOf, message) {
  return perRun(spec, (run) => {
    const unpinned2 = unpinnedOf(run);
    return unpinned2.length > 0 ? message(list2(unpinned2), run) : void 0;
  });
}

// src/finding.ts
var SEVERITIES = ["error", "warning", "note"];
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}
function countFindings(findings) {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function failsPolicy(counts, failOn) {
  if (failOn === "never") return false;
  const limit = severityRank(failOn);
  return SEVERITIES.some((severity, rank) => rank <= limit && counts[severity] > 0);
}
function compareFindings(a, b) {
  return severityRank(a.severity) - severityRank(b.severity) || compareText(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || compareRuleIds(a.ruleId, b.ruleId) || compareText(a.path ?? "", b.path ?? "");
}
var defaultCollator;
function compareText(a, b) {
  if (a === b) return 0;
  defaultCollator ??= new Intl.Collator();
  return defaultCollator.compare(a, b);
}
var ALPHANUMERIC = /^[A-Za-z0-9]*$/;
function compareRuleIds(a, b) {
  if (a === b) return 0;
  if (!ALPHANUMERIC.test(a) || !ALPHANUMERIC.test(b)) return compareText(a, b);
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === lowerA[i] ? -1 : 1;
  return 0;
}

// src/lint/rules/apk.ts
var apk_exports = {};
__export(apk_exports, {
  APK_VALUE_OPTIONS: () => APK_VALUE_OPTIONS,
  DL3018: () => DL3018,
  DL3019: () => DL3019
});
var APK_VALUE_OPTIONS = [
  "-t",
  "--virtual",
  "-X",
  "--repository",
  "--repositories-file",
  "-p",
  "--root",
  "--arch",
  "--cache-dir",
  "--keys-dir",
  "--cache-max-age"
];
function apkAdd(command) {
  return installCommand(command, ["apk"], ["add"], APK_VALUE_OPTIONS);
}
function apkPinned(word) {
  return /[=~<>]/.test(word) || word.endsWith(".apk");
}
var DL3018 = perUnpinnedPackage(
  { id: "DL3018", severity: "warning", summary: "Pin versions in apk add." },
  (command) => apkAdd(command)?.packages,
  apkPinned,
  (unpinned2) => `Pin the version of \`${unpinned2}\` in apk add (\`${unpinned2}=<version>\`).`
);
var APK_CACHE = ["/var/cache/apk", "/etc/apk/cache"];
var DL3019 = perRun(
  {
    id: "DL3019",
    severity: "note",
    summary: "Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/* when done."
  },
  (run) => {
    if (hasCacheMount2(run.flags, ...APK_CACHE)) return void 0;
    const offending = run.commands.find((command) => apkAdd(command) && !hasFlag2(command, "--no-cache"));
    return offending ? "Add `--no-cache` to apk add so the package index stays out of the layer (no --update or cache cleanup needed)." : void 0;
  }
);

// src/lint/rules/apt.ts
var apt_exports = {};
__export(apt_exports, {
  APT_GET_VALUE_OPTIONS: () => APT_GET_VALUE_OPTIONS,
  DL3008: () => DL3008,
  DL3009: () => DL3009,
  DL3014: () => DL3014,
  DL3015: () => DL3015,
  DL3027: () => DL3027
});
var APT_GET_VALUE_OPTIONS = [
  "-t",
  "--target-release",
  "--default-release",
  "-o",
  "--option",
  "-c",
  "--config-file"
];
function aptGetInstall(command) {
  return installCommand(command, ["apt-get"], ["install"], APT_GET_VALUE_OPTIONS);
}
function aptPinned(word) {
  return word.includes("=") || word.includes("/") || word.endsWith(".deb");
}
var DL3008 = perUnpinnedPackage(
  { id: "DL3008", severity: "warning", summary: "Pin versions in apt-get install." },
  (command) => aptGetInstall(command)?.packages,
  aptPinned,
  (unpinned2) => `Pin the version of \`${unpinned2}\` in apt-get install (\`${unpinned2}=<version>\`).`
);
function isAptUpdate(command) {
  return installCommand(command, ["apt-get", "apt"], ["update"]) !== void 0;
}
function removesAptLists(command) {
  return commandName(command) === "rm" && effectiveArgv(command).some((word) => word.startsWith("/var/lib/apt/lists"));
}
function mountsAptCaches(run) {
  const onLists = mountTargets(run.flags, ["cache", "tmpfs"]).some(
    (target) => target === "/var/lib/apt/lists" || target.startsWith("/var/lib/apt/lists/")
  );
  return onLists || hasCacheMount2(run, "/var/lib/apt") && hasCacheMount2(run, "/var/cache/apt");
}
var DL3009 = perRun(
  { id: "DL3009", severity: "note", summary: "Delete the apt-get lists after installing something." },
  (run) => run.commands.some(isAptUpdate) && !run.commands.some(removesAptLists) && !mountsAptCaches(run) ? "Remove the apt lists in the same RUN (`rm -rf /var/lib/apt/lists/*`) or mount a cache on /var/lib/apt/lists." : void 0,
  "final-image"
);
function aptAssumesYes(command) {
  if (hasFlag2(command, "-y", "--yes", "--assume-yes")) return true;
  const args = effectiveArgv(command).slice(1);
  let quiet = 0;
  for (const word of args) {
    if (word === "--") break;
    if (word === "-q=2" || word === "--quiet=2") return true;
    if (word === "--quiet") quiet++;
    else if (/^-[A-Za-z]+$/.test(word)) quiet += [...word].filter((ch) => ch === "q").length;
  }
  return quiet >= 2;
}
var DL3014 = perCommand(
  { id: "DL3014", severity: "warning", summary: "Use the -y switch with apt-get install." },
  (command) => aptGetInstall(command) && !aptAssumesYes(command) ? "Add `-y` to apt-get install so the build never waits for a confirmation." : void 0
);
function disablesRecommends(command) {
  if (hasFlag2(command, "--no-install-recommends")) return true;
  const args = effectiveArgv(command).slice(1);
  return args.some((word, i) => {
    const value = word === "-o" || word === "--option" ? args[i + 1] : word.startsWith("-o") ? word.slice(2) : void 0;
    return value !== void 0 && /^APT::Install-Recommends=(false|0|no)$/i.test(value.replace(/^=/, ""));
  });
}
var DL3015 = perCommand(
  {
    id: "DL3015",
    severity: "note",
    summary: "Avoid additional packages by specifying --no-install-recommends."
  },
  (command) => aptGetInstall(command) && !disablesRecommends(command) ? "Add `--no-install-recommends` to apt-get install to keep recommended packages out of the image." : void 0
);
var DL3027 = perCommand(
  {
    id: "DL3027",
    severity: "warning",
    summary: "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead."
  },
  (command) => commandName(command) === "apt" ? "Use apt-get or apt-cache instead of apt, whose interface is meant for people and may change." : void 0
);

// src/lint/rules/buildkit.ts
var buildkit_exports = {};
__export(buildkit_exports, {
  OFFICIAL_IMAGE_ENV: () => OFFICIAL_IMAGE_ENV,
  PLATFORM_ARGS: () => PLATFORM_ARGS,
  consistentInstructionCasing: () => consistentInstructionCasing,
  copyIgnoredFile: () => copyIgnoredFile,
  exposeInvalidFormat: () => exposeInvalidFormat,
  exposeProtoCasing: () => exposeProtoCasing,
  fromAsCasing: () => fromAsCasing,
  fromPlatformFlagConstDisallowed: () => fromPlatformFlagConstDisallowed,
  invalidBaseImagePlatform: () => invalidBaseImagePlatform,
  invalidDefaultArgInFrom: () => invalidDefaultArgInFrom,
  invalidDefinitionDescription: () => invalidDefinitionDescription,
  isCredentialName: () => isCredentialName,
  isSecretName: () => isSecretName,
  keysOf: () => keysOf,
  knownImageEnv: () => knownImageEnv,
  legacyKeyValueFormat: () => legacyKeyValueFormat,
  noEmptyContinuation: () => noEmptyContinuation,
  reservedStageName: () => reservedStageName,
  stageNameCasing: () => stageNameCasing,
  undefinedArgInFrom: () => undefinedArgInFrom,
  undefinedVar: () => undefinedVar
});

// src/dockerfile/dockerignore.ts
function parseDockerignore(text) {
  const patterns = [];
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\r$/, "").trim();
    if (line === "" || line.startsWith("#")) continue;
    patterns.push(line);
  }
  return patterns;
}
var compiledCache = /* @__PURE__ */ new Map();
var COMPILED_CACHE_LIMIT = 2e4;
function compile(pattern) {
  const cached = compiledCache.get(pattern);
  if (cached) return cached;
  if (compiledCache.size >= COMPILED_CACHE_LIMIT) compiledCache.clear();
  let text = pattern;
  const negate = text.startsWith("!");
  if (negate) text = text.slice(1).trim();
  text = cleanPath(text);
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "*") {
      if (text[i + 1] === "*") {
        if (text[i + 2] === "/") {
          source += "(?:.*/)?";
          i += 2;
        } else {
          source += ".*";
          i += 1;
        }
      } else source += "[^/]*";
    } else if (ch === "?") source += "[^/]";
    else if (ch === "[") {
      const close = text.indexOf("]", i + 1);
      if (close < 0) source += "\\[";
      else {
        let body = text.slice(i + 1, close);
        if (body.startsWith("^")) body = "^" + body.slice(1);
        else if (body.startsWith("!")) body = "^" + body.slice(1);
        source += `[${body.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (ch === "\\" && i + 1 < text.length) {
      source += escapeRegex(text[i + 1]);
      i++;
    } else source += escapeRegex(ch);
  }
  let regex;
  try {
    regex = new RegExp(`^${source}(?:/.*)?$`);
  } catch {
    regex = /^\0never$/;
  }
  const compiled = { negate, regex };
  compiledCache.set(pattern, compiled);
  return compiled;
}
function escapeRegex(ch) {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
function cleanPath(path) {
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
function isIgnored(path, patterns) {
  const clean = cleanPath(path);
  if (clean === "") return false;
  let ignored = false;
  for (const pattern of patterns) {
    const compiled = compile(pattern);
    if (compiled.negate === ignored && compiled.regex.test(clean)) ignored = !compiled.negate;
  }
  return ignored;
}

// src/lint/rules/buildkit.ts
function experimental(id, severity, summary, check) {
  return defineRule({ id, severity, summary, experimental: true }, check);
}
function writtenKeyword(model, instruction) {
  const match = /^\s*(\S+)/.exec(sourceLine(model, instruction.line));
  return match ? match[1] : instruction.keyword;
}
var stageNameCasing = defineRule(
  { id: "StageNameCasing", severity: "note", summary: "Stage names should be lowercase." },
  ({ model }) => model.stages.filter((stage) => stage.name !== void 0 && stage.name !== stage.name.toLowerCase()).map(
    (stage) => hitAt(stage.instructions[0], `Stage name '${stage.name}' should be lowercase.`)
  )
);
var RESERVED_STAGE_NAMES = /* @__PURE__ */ new Set(["scratch", "context"]);
var reservedStageName = defineRule(
  {
    id: "ReservedStageName",
    severity: "warning",
    summary: "Reserved words should not be used as stage names (`scratch`, `context`)."
  },
  ({ model }) => model.stages.filter((stage) => stage.name !== void 0 && RESERVED_STAGE_NAMES.has(stage.name.toLowerCase())).map(
    (stage) => hitAt(
      stage.instructions[0],
      `Rename the stage \`${stage.name}\`: it is a reserved word in FROM and --from.`
    )
  )
);
var fromAsCasing = defineRule(
  {
    id: "FromAsCasing",
    severity: "note",
    summary: "The 'AS' keyword should match the case of the 'FROM' keyword."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      if (stage.name === void 0) continue;
      const from = stage.instructions[0];
      const fromWord = writtenKeyword(model, from);
      const asMatch = /\s(as)\s/i.exec(
        sourceLines(model).slice(from.line - 1, from.endLine).join(" ")
      );
      const asWord = asMatch ? asMatch[1] : "AS";
      const fromUpper = fromWord === fromWord.toUpperCase();
      const fromLower = fromWord === fromWord.toLowerCase();
      if (fromUpper && asWord !== "AS" || fromLower && asWord !== "as")
        hits.push(
          hitAt(
            from,
            `'${asWord}' and '${fromWord}' keywords' casing do not match: write them in the same case.`
          )
        );
    }
    return hits;
  }
);
var noEmptyContinuation = defineRule(
  {
    id: "NoEmptyContinuation",
    severity: "warning",
    summary: "Empty continuation lines will become errors in a future release."
  },
  ({ model }) => {
    const lines2 = sourceLines(model);
    const hits = [];
    for (const instruction of allInstructions(model)) {
      const headerEnd = instruction.heredocs.length > 0 ? instruction.heredocs[0]?.line ?? instruction.line : instruction.endLine;
      for (let line = instruction.line + 1; line < headerEnd; line++) {
        if ((lines2[line - 1] ?? "").trim() === "") {
          hits.push({
            ...hitAt(
              instruction,
              `Remove the empty continuation line ${line}: it will be an error in a future release.`
            ),
            line: headerEnd,
            endLine: headerEnd
          });
          break;
        }
      }
    }
    return hits;
  }
);
var consistentInstructionCasing = defineRule(
  {
    id: "ConsistentInstructionCasing",
    severity: "note",
    summary: "All instructions within the Dockerfile should use the same casing (either upper or lower)."
  },
  ({ model }) => {
    const instructions2 = allInstructions(model);
    const written = instructions2.map((instruction) => writtenKeyword(model, instruction));
    let upper = 0;
    let lower = 0;
    for (const word of written) {
      if (word === word.toUpperCase()) upper++;
      else if (word === word.toLowerCase()) lower++;
    }
    const majorityLower = lower > upper;
    const hits = [];
    written.forEach((word, i) => {
      const ok = majorityLower ? word === word.toLowerCase() : word === word.toUpperCase();
      if (!ok) {
        const expected = majorityLower ? "lowercase" : "uppercase";
        hits.push(
          hitAt(
            instructions2[i],
            `Instruction '${word}' should match the case of the majority (${expected}).`
          )
        );
      }
    });
    return hits;
  }
);
function globalArgNames(model) {
  const names = new Set(PLATFORM_ARGS);
  for (const arg of model.globalArgs) names.add(arg.name);
  return names;
}
var undefinedArgInFrom = defineRule(
  {
    id: "UndefinedArgInFrom",
    severity: "warning",
    summary: "FROM must use ARGs declared before the first FROM."
  },
  ({ model }) => {
    const declared = globalArgNames(model);
    const hits = [];
    for (const stage of model.stages) {
      const from = stage.instructions[0];
      const used = [...referencedVariables(stage.baseRaw), ...referencedVariables(stage.platform ?? "")];
      for (const name of new Set(used)) {
        if (declared.has(name)) continue;
        const guess = suggest(name, declared);
        hits.push(
          hitAt(
            from,
            `FROM argument '${name}' is not declared: add \`ARG ${name}\` before the first FROM${guess ? ` (did you mean ${guess}?)` : ""}.`
          )
        );
      }
    }
    return hits;
  }
);
var invalidDefaultArgInFrom = defineRule(
  {
    id: "InvalidDefaultArgInFrom",
    severity: "warning",
    summary: "The default value of a global ARG gives an empty or invalid base image name."
  },
  ({ model }) => {
    const declared = globalArgNames(model);
    const platformValue = (name) => PLATFORM_ARGS.has(name) ? "amd64" : void 0;
    const defaults = resolveGlobalArgs(model.globalArgs, platformValue);
    const hits = [];
    for (const stage of model.stages) {
      if (!stage.baseRaw.includes("$")) continue;
      const used = referencedVariables(stage.baseRaw);
      if (!used.every((name) => declared.has(name))) continue;
      const base = expandVariables(stage.baseRaw, (name) => defaults.get(name) ?? platformValue(name));
      const isEarlierStage = () => model.stages.slice(0, stage.index).some((s) => s.name?.toLowerCase() === base.toLowerCase());
      if (base === "" || !isScratch(base) && !parseImageRef(base) && !isEarlierStage())
        hits.push(
          hitAt(
            stage.instructions[0],
            `Give the ARG used in '${stage.baseRaw}' a default value: with the defaults the base image name is ${base === "" ? "empty" : `'${base}', which is invalid`}.`
          )
        );
    }
    return hits;
  }
);
var JAVA_ENV = ["JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL"];
var OFFICIAL_IMAGE_ENV = {
  alpine: [],
  busybox: [],
  debian: [],
  ubuntu: [],
  golang: ["GOPATH", "GOLANG_VERSION", "GOTOOLCHAIN"],
  python: [
    "PYTHON_VERSION",
    "PYTHON_SHA256",
    "GPG_KEY",
    "LANG",
    // Older tags (3.11 and before) also set these.
    "PYTHON_PIP_VERSION",
    "PYTHON_SETUPTOOLS_VERSION",
    "PYTHON_GET_PIP_URL",
    "PYTHON_GET_PIP_SHA256"
  ],
  node: ["NODE_VERSION", "YARN_VERSION"],
  "eclipse-temurin": JAVA_ENV,
  openjdk: JAVA_ENV,
  amazoncorretto: JAVA_ENV,
  ruby: [
    "RUBY_VERSION",
    "RUBY_DOWNLOAD_SHA256",
    "RUBY_DOWNLOAD_URL",
    "RUBY_MAJOR",
    "GEM_HOME",
    "BUNDLE_SILENCE_ROOT_WARNING",
    "BUNDLE_APP_CONFIG",
    "LANG"
  ],
  php: [
    "PHP_INI_DIR",
    "PHP_VERSION",
    "PHPIZE_DEPS",
    "PHP_CFLAGS",
    "PHP_CPPFLAGS",
    "PHP_LDFLAGS",
    "GPG_KEYS",
    "PHP_URL",
    "PHP_ASC_URL",
    "PHP_SHA256",
    // The apache variants.
    "APACHE_CONFDIR",
    "APACHE_ENVVARS"
  ],
  rust: ["RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION"],
  nginx: ["NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE", "DYNPKG_RELEASE"],
  httpd: ["HTTPD_PREFIX", "HTTPD_VERSION", "HTTPD_SHA256", "HTTPD_PATCHES"],
  postgres: ["PGDATA", "PG_MAJOR", "PG_VERSION", "PG_SHA256", "GOSU_VERSION", "LANG"],
  maven: ["MAVEN_HOME", "MAVEN_CONFIG", ...JAVA_ENV],
  gradle: ["GRADLE_HOME", "GRADLE_VERSION", ...JAVA_ENV]
};
var DOTNET_ENV = [
  "DOTNET_VERSION",
  "ASPNET_VERSION",
  "DOTNET_RUNNING_IN_CONTAINER",
  "APP_UID",
  "ASPNETCORE_HTTP_PORTS",
  "ASPNETCORE_URLS",
  // The sdk images.
  "DOTNET_SDK_VERSION",
  "DOTNET_GENERATE_ASPNET_CERTIFICATE",
  "DOTNET_NOLOGO",
  "DOTNET_USE_POLLING_FILE_WATCHER",
  "NUGET_XMLDOC_MODE",
  "POWERSHELL_DISTRIBUTION_CHANNEL"
];
var OFFICIAL_IMAGE_ENV_SETS = new Map(
  Object.entries(OFFICIAL_IMAGE_ENV).map(([image, names]) => [
    image,
    new Set(names)
  ])
);
var DOTNET_ENV_SET = new Set(DOTNET_ENV);
function knownImageEnv(base) {
  const ref = parseImageRef(base);
  if (!ref) return void 0;
  const repository = ref.repository.toLowerCase();
  if (ref.registry === "mcr.microsoft.com" && repository.startsWith("dotnet/")) return DOTNET_ENV_SET;
  if (ref.registry !== "docker.io" || !repository.startsWith("library/")) return void 0;
  return OFFICIAL_IMAGE_ENV_SETS.get(repository.slice("library/".length));
}
var COMMON_IMAGE_ENV = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "HOSTNAME",
  "LANG",
  "LC_ALL",
  "TERM",
  "USER",
  "PWD",
  "SHELL"
]);
var PROXY_ARGS = ["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"];
var ALWAYS_DEFINED = /* @__PURE__ */ new Set([
  ...COMMON_IMAGE_ENV,
  ...PROXY_ARGS,
  ...PROXY_ARGS.map((name) => name.toLowerCase())
]);
var EXPANDING_KEYWORDS = /* @__PURE__ */ new Set([
  "ADD",
  "COPY",
  "ENV",
  "EXPOSE",
  "LABEL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
  "ARG"
]);
var MAX_GUESSED_NAME = 128;
var GUESS_BUDGET = 25e4;
function* guessCandidates(name, defined) {
  for (const source of [...defined, COMMON_IMAGE_ENV])
    for (const candidate of source)
      if (Math.abs(candidate.length - name.length) <= 2 && candidate.length <= MAX_GUESSED_NAME && !(name.length - candidate.length >= 2 && name.endsWith(candidate)))
        yield candidate;
}
var undefinedVar = defineRule(
  { id: "UndefinedVar", severity: "warning", summary: "Variables should be defined before their use." },
  ({ model }) => {
    const hits = [];
    const definedAtEnd = /* @__PURE__ */ new Map();
    const readersLeft = /* @__PURE__ */ new Map();
    for (const stage of model.stages)
      if (stage.baseStage !== void 0)
        readersLeft.set(stage.baseStage, (readersLeft.get(stage.baseStage) ?? 0) + 1);
    const rootOf = /* @__PURE__ */ new Map();
    let budget = GUESS_BUDGET;
    const guess = (name, defined) => {
      if (name.length > MAX_GUESSED_NAME || budget <= 0) return void 0;
      const candidates = [...guessCandidates(name, defined)];
      budget -= candidates.length;
      return suggest(name, candidates);
    };
    for (const stage of model.stages) {
      const base = stage.baseStage;
      const inherited = base !== void 0 ? definedAtEnd.get(base) : void 0;
      let inheritable;
      if (inherited && base !== void 0) {
        const left = (readersLeft.get(base) ?? 1) - 1;
        readersLeft.set(base, left);
        if (left === 0) definedAtEnd.delete(base);
        inheritable = left === 0 ? inherited : new Set(inherited);
      } else inheritable = /* @__PURE__ */ new Set();
      const root = (base !== void 0 ? rootOf.get(base) : void 0) ?? rootBase(model, stage);
      rootOf.set(stage.index, root);
      const imageEnv = isScratch(root) ? /* @__PURE__ */ new Set() : knownImageEnv(root);
      const complete = imageEnv !== void 0;
      const argLine = /* @__PURE__ */ new Map();
      for (const instruction of stage.instructions)
        if (instruction.keyword === "ARG") {
          for (const key of keysOf(instruction)) if (!argLine.has(key)) argLine.set(key, instruction.line);
        }
      for (const instruction of stage.instructions.slice(1)) {
        if (EXPANDING_KEYWORDS.has(instruction.keyword)) {
          const text = instruction.keyword === "ARG" || instruction.keyword === "ENV" ? valuesOf(instruction) : instruction.args;
          for (const name of new Set(referencedVariables(text, "\\", false))) {
            if (inheritable.has(name) || ALWAYS_DEFINED.has(name) || imageEnv?.has(name)) continue;
            const guessed = guess(name, [inheritable, imageEnv ?? /* @__PURE__ */ new Set()]);
            const declaredLater = (argLine.get(name) ?? 0) > instruction.line;
            if (!complete && guessed === void 0 && !declaredLater) continue;
            hits.push(
              hitAt(
                instruction,
                `Define '$${name}' before using it${guessed ? ` (did you mean $${guessed}?)` : ""}.`
              )
            );
          }
        }
        if (instruction.keyword === "ARG" || instruction.keyword === "ENV") {
          for (const key of keysOf(instruction)) inheritable.add(key);
        }
      }
      definedAtEnd.set(stage.index, inheritable);
    }
    return hits;
  }
);
function keysOf(instruction) {
  if (instruction.keyword !== "ARG" && !instruction.argv[0]?.includes("=")) {
    return instruction.argv[0] !== void 0 ? [instruction.argv[0]] : [];
  }
  return instruction.argv.map((word) => splitKeyValue(word).key).filter((key) => key !== "");
}
function valuesOf(instruction) {
  if (instruction.keyword !== "ARG" && !instruction.argv[0]?.includes("="))
    return instruction.argv.slice(1).join(" ");
  return instruction.argv.map((word) => splitKeyValue(word).value ?? "").join(" ");
}
var legacyKeyValueFormat = defineRule(
  {
    id: "LegacyKeyValueFormat",
    severity: "warning",
    summary: "Use `key=value` in ENV and LABEL, not the legacy whitespace-separated `key value`."
  },
  ({ model }) => allInstructions(model).filter(
    (instruction) => (instruction.keyword === "ENV" || instruction.keyword === "LABEL") && instruction.argv.length > 1
  ).filter((instruction) => !instruction.argv[0].includes("=")).map(
    (instruction) => hitAt(
      instruction,
      `Write "${instruction.keyword} key=value" instead of the legacy "${instruction.keyword} key value" format.`
    )
  )
);
var invalidBaseImagePlatform = defineRule(
  {
    id: "InvalidBaseImagePlatform",
    severity: "warning",
    summary: "Base image platform does not match the target platform (reported by BuildKit during the build)."
  },
  // Needs the pulled image's platform: BuildKit reports it at build time; nothing to see statically.
  () => []
);
var SECRET_KEY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
var PUBLIC_KEY = /(?:_|^)public(?:_|$)/i;
var NOT_A_CREDENTIAL = /(?:_|^)(?:version|url|uri|host|port|path|file|dir|name|type|enabled|mode|id|user|username|header)$/i;
function isCredentialName(name) {
  return isSecretName(name) && !NOT_A_CREDENTIAL.test(name);
}
function isSecretName(name) {
  return SECRET_KEY.test(name) && !PUBLIC_KEY.test(name);
}
var fromPlatformFlagConstDisallowed = defineRule(
  {
    id: "FromPlatformFlagConstDisallowed",
    severity: "warning",
    summary: "FROM --platform should not use a constant value."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      const platform = stage.platform;
      if (platform === void 0 || platform.includes("$")) continue;
      const name = stage.name?.toLowerCase() ?? "";
      const parts = platform.toLowerCase().split("/");
      if (name !== "" && parts.some((part) => part !== "" && name.includes(part))) continue;
      hits.push(
        hitAt(
          stage.instructions[0],
          `Do not pin FROM --platform to the constant "${platform}": use $BUILDPLATFORM or $TARGETPLATFORM.`
        )
      );
    }
    return hits;
  }
);
var copyIgnoredFile = experimental(
  "CopyIgnoredFile",
  "note",
  "COPY or ADD of a file that .dockerignore excludes.",
  ({ model, dockerignore }) => {
    if (!dockerignore || dockerignore.length === 0) return [];
    const hits = [];
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") continue;
        if (instruction.flags.some((flag) => flag.name === "from")) continue;
        for (const source of copyPaths(instruction).sources) {
          if (/^[a-z]+:\/\//i.test(source) || source.startsWith("git@") || source.includes("$") || /[*?[]/.test(source))
            continue;
          if (isIgnored(source, dockerignore))
            hits.push(
              hitAt(
                instruction,
                `"${source}" is excluded by .dockerignore, so ${instruction.keyword} will not find it.`
              )
            );
        }
      }
    }
    return hits;
  }
);
var invalidDefinitionDescription = experimental(
  "InvalidDefinitionDescription",
  "note",
  "A comment right above a named stage or ARG should start with its name (`# name description`).",
  ({ model }) => {
    const hits = [];
    const commentAt = new Map(model.comments.map((comment) => [comment.line, comment.text]));
    const directiveLines = new Set(model.directives.map((d) => d.line));
    const isDescription = (line) => (commentAt.get(line) ?? "").replace(/^#/, "").trim() !== "" && !directiveLines.has(line);
    const check = (instruction, names, kind) => {
      const above = instruction.line - 1;
      const text = commentAt.get(above);
      if (text === void 0 || !isDescription(above) || /^(stagegate|hadolint)\s/i.test(text)) return;
      let first = above;
      while (commentAt.has(first - 1) && isDescription(first - 1)) first--;
      const firstWord2 = (commentAt.get(first) ?? "").split(/\s+/)[0];
      if (firstWord2 !== void 0 && names.includes(firstWord2)) return;
      const name = names.length === 1 ? names[0] : "<arg_key>";
      const what = names.length === 1 ? `${kind} '${name}'` : `ARG ${names.map((key) => `'${key}'`).join(", ")}`;
      hits.push(
        hitAt(
          instruction,
          `Start the comment for ${what} with its name (\`# ${name} <description>\`), or separate it with an empty line.`
        )
      );
    };
    const checkArg = (instruction) => {
      const keys = instruction.keyword === "ARG" ? keysOf(instruction) : [];
      if (keys.length > 0) check(instruction, keys, "ARG");
    };
    for (const instruction of model.preamble) checkArg(instruction);
    for (const stage of model.stages) {
      if (stage.name !== void 0) check(stage.instructions[0], [stage.name], "stage");
      for (const instruction of stage.instructions) checkArg(instruction);
    }
    return hits;
  }
);
function exposedPorts(instruction) {
  return instruction.argv.filter((word) => word !== "");
}
var exposeProtoCasing = defineRule(
  { id: "ExposeProtoCasing", severity: "note", summary: "The protocol in EXPOSE should be lowercase." },
  ({ model }) => {
    const hits = [];
    for (const instruction of allInstructions(model)) {
      if (instruction.keyword !== "EXPOSE") continue;
      for (const port of exposedPorts(instruction)) {
        const proto = port.split("/")[1];
        if (proto !== void 0 && proto !== proto.toLowerCase())
          hits.push(
            hitAt(instruction, `Write the protocol in '${port}' in lowercase ('${port.toLowerCase()}').`)
          );
      }
    }
    return hits;
  }
);
var exposeInvalidFormat = defineRule(
  {
    id: "ExposeInvalidFormat",
    severity: "warning",
    summary: "EXPOSE should not define an IP address or a host-port mapping."
  },
  ({ model }) => {
    const hits = [];
    for (const instruction of allInstructions(model)) {
      if (instruction.keyword !== "EXPOSE") continue;
      for (const port of exposedPorts(instruction)) {
        if (port.split("/")[0]?.includes(":"))
          hits.push(
            hitAt(
              instruction,
              `EXPOSE only the container port, not an IP address or host mapping ('${port}'): publish ports at run time.`
            )
          );
      }
    }
    return hits;
  }
);

// src/lint/rules/copy-add.ts
var copy_add_exports = {};
__export(copy_add_exports, {
  DL3010: () => DL3010,
  DL3020: () => DL3020,
  DL3021: () => DL3021,
  DL3022: () => DL3022,
  DL3023: () => DL3023,
  DL3045: () => DL3045,
  DL3067: () => DL3067
});
var TAR_ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|lz|lzma|z|zst)|tgz|tbz2?|tb2|tpz|txz|tlz|tz|tzst)$/i;
var COMPRESSED = /\.(gz|bz2|xz|lz|lzma|zst)$/i;
function pathBasename(path) {
  const trimmed = path.replace(/[\\/]+$/, "");
  return trimmed.slice(Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\")) + 1);
}
function isTarExtraction(command) {
  if (commandName(command) !== "tar") return false;
  const args = effectiveArgv(command).slice(1);
  const first = args[0] ?? "";
  if (/^[A-Za-z]+$/.test(first) && first.includes("x")) return true;
  return args.some((word) => word === "--extract" || word === "--get" || /^-[A-Za-z]*x[A-Za-z]*$/.test(word));
}
function rawCopyWords(copy) {
  if (copy.jsonForm) return copy.argv;
  return splitRawWords(copy.args, "\0").map((word) => word.replace(/^(["'])(.*)\1$/, "$2"));
}
var DL3010 = defineRule(
  { id: "DL3010", severity: "note", summary: "Use ADD for extracting archives into an image." },
  ({ model }) => {
    const hits = [];
    const copies2 = keywordInstructions(model, "COPY").filter(
      (copy) => !copy.flags.some((flag) => flag.name === "from") && copy.argv.length >= 2
    );
    for (const copy of copies2) {
      const words = rawCopyWords(copy);
      const sources = words.slice(0, -1).filter((source) => TAR_ARCHIVE.test(source) && !source.includes("$"));
      if (sources.length === 0) continue;
      const dest = words[words.length - 1];
      const names = new Set(sources.map(pathBasename));
      if (TAR_ARCHIVE.test(dest)) names.add(pathBasename(dest));
      const extracted = runBodies(model).some(
        (run) => run.stage === copy.stage && run.instruction.line > copy.line && run.commands.some(
          (command) => isTarExtraction(command) && effectiveArgv(command).some((word) => names.has(pathBasename(word)))
        )
      );
      if (extracted)
        hits.push(
          hitAt(copy, "Use ADD to copy and extract the archive in one step instead of COPY then `tar -x`.")
        );
    }
    return hits;
  }
);
function isRemote(source) {
  return /^(https?|ftp|git):\/\//i.test(source) || /^git@/.test(source) || /\.git(#.*)?$/.test(source);
}
var DL3020 = defineRule(
  { id: "DL3020", severity: "error", summary: "Use COPY instead of ADD for files and folders." },
  ({ model }) => flatMapOf(keywordInstructions(model, "ADD"), (add) => {
    const sources = add.argv.slice(0, -1);
    const plain = sources.filter(
      (source) => !isRemote(source) && !TAR_ARCHIVE.test(source) && !COMPRESSED.test(source) && !source.includes("$") && !source.startsWith("<<")
    );
    return plain.length === 0 ? [] : [
      hitAt(
        add,
        `Use COPY instead of ADD for \`${plain[0]}\`; keep ADD for URLs and archives to extract.`
      )
    ];
  })
);
var DL3021 = defineRule(
  {
    id: "DL3021",
    severity: "error",
    summary: "COPY with more than 2 arguments requires the last argument to end with /."
  },
  ({ model }) => flatMapOf(keywordInstructions(model, "COPY"), (copy) => {
    if (copy.argv.length <= 2 || hasMisreadFlag(copy)) return [];
    const dest = copy.argv[copy.argv.length - 1];
    if (dest.endsWith("/") || dest.endsWith("\\") || dest.includes("$")) return [];
    return [
      hitAt(copy, `End the COPY destination with a slash (\`${dest}/\`) when copying several sources.`)
    ];
  })
);
function copyFrom(instruction) {
  return instruction.keyword === "COPY" ? instruction.flags.find((flag) => flag.name === "from")?.value : void 0;
}
function looksLikeImage(reference) {
  return /[:/@$]/.test(reference);
}
var DL3022 = defineRule(
  {
    id: "DL3022",
    severity: "warning",
    summary: "COPY --from should reference a previously defined FROM alias."
  },
  ({ model }) => {
    const hits = [];
    const firstStage = /* @__PURE__ */ new Map();
    for (const stage of model.stages) {
      const key = stage.name?.toLowerCase();
      if (key !== void 0 && !firstStage.has(key)) firstStage.set(key, stage.index);
    }
    for (const instruction of instructionsIn(model)) {
      const from = copyFrom(instruction);
      if (from === void 0 || from === "" || looksLikeImage(from)) continue;
      if ((firstStage.get(from.toLowerCase()) ?? Infinity) <= instruction.stage) continue;
      if (/^\d+$/.test(from) && Number(from) <= instruction.stage) continue;
      hits.push(
        hitAt(
          instruction,
          `Define the stage \`${from}\` (FROM … AS ${from}) before this COPY --from, or name an image with its tag.`
        )
      );
    }
    return hits;
  }
);
var DL3023 = defineRule(
  { id: "DL3023", severity: "error", summary: "COPY --from cannot reference its own FROM alias." },
  ({ model }) => flatMapOf(model.stages, (stage) => {
    if (stage.name === void 0) return [];
    const own = stage.name.toLowerCase();
    return stage.instructions.filter((instruction) => copyFrom(instruction)?.toLowerCase() === own).map(
      (instruction) => hitAt(
        instruction,
        `Copy from an earlier stage: COPY --from cannot reference its own stage \`${stage.name}\`.`
      )
    );
  })
);
function isAbsoluteDestination(dest) {
  return dest.startsWith("/") || dest.startsWith("$") || /^[A-Za-z]:[\\/]/.test(dest);
}
var DL3045 = defineRule(
  {
    id: "DL3045",
    severity: "warning",
    summary: "`COPY` to a relative destination without `WORKDIR` set"
  },
  ({ model }) => {
    const hits = [];
    const scopes = [
      { base: void 0, instructions: model.preamble },
      ...model.stages.map((stage) => ({
        base: stage.baseStage !== void 0 ? model.stages[stage.baseStage] : void 0,
        instructions: stage.instructions
      }))
    ];
    for (const { base, instructions: instructions2 } of scopes) {
      let workdirSet = base?.workdir !== void 0;
      for (const instruction of instructions2) {
        if (instruction.keyword === "WORKDIR") workdirSet = true;
        if (instruction.keyword !== "COPY" || workdirSet || instruction.argv.length < 2) continue;
        const dest = instruction.argv[instruction.argv.length - 1];
        const rawDest = instruction.jsonForm ? dest : splitRawWords(instruction.args).at(-1) ?? dest;
        if (!isAbsoluteDestination(dest) && !isAbsoluteDestination(rawDest.replace(/^["']/, ""))) {
          hits.push(
            hitAt(
              instruction,
              `Set a WORKDIR before this COPY or give an absolute destination instead of \`${dest}\`.`
            )
          );
        }
      }
    }
    return hits;
  }
);
function isRootPath(path) {
  return /^["']?\/\.?["']?$/.test(path);
}
var DL3067 = defineRule(
  {
    id: "DL3067",
    severity: "warning",
    summary: "Do not copy an entire filesystem (`/`) from another stage or image"
  },
  ({ model }) => {
    const hits = [];
    for (const copy of keywordInstructions(model, "COPY")) {
      const from = copyFrom(copy);
      if (from === void 0 || from === "" || copy.argv.length < 2) continue;
      const sources = copy.argv.slice(0, -1);
      if (!sources.some(isRootPath) || !isRootPath(copy.argv[copy.argv.length - 1])) continue;
      const index = findStageIndex(model.stages, from);
      const stage = index !== void 0 && index < Math.max(copy.stage, 0) ? model.stages[index] : void 0;
      if (stage && stage.base.toLowerCase() === "scratch") continue;
      const origin = stage ? `stage \`${stage.name ?? stage.index}\`` : `\`${from}\``;
      hits.push(hitAt(copy, `Copy only the files you need from ${origin}, not its whole filesystem \`/\`.`));
    }
    return hits;
  }
);

// src/lint/rules/gem.ts
var gem_exports = {};
__export(gem_exports, {
  DL3028: () => DL3028
});
var GEM_VALUE_OPTIONS = [
  "-v",
  "--version",
  "-i",
  "--install-dir",
  "-n",
  "--bindir",
  "-s",
  "--source",
  "-P",
  "--trust-policy",
  "--platform",
  "-g",
  "--file",
  "--build-root"
];
function gemNames(args) {
  const names = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === "--") break;
    if (word.startsWith("-")) {
      if (GEM_VALUE_OPTIONS.includes(word) || /^(true|false)$/.test(args[i + 1] ?? "")) i++;
      continue;
    }
    names.push(word);
  }
  return names;
}
var DL3028 = perUnpinnedPackage(
  { id: "DL3028", severity: "warning", summary: "Pin versions in gem install." },
  (command) => {
    const install = installCommand(command, ["gem"], ["install", "i"], GEM_VALUE_OPTIONS);
    if (!install || flagValue2(command, "-v", "--version") !== void 0) return void 0;
    return gemNames(install.args);
  },
  (word) => word.includes(":") || word.endsWith(".gem"),
  (unpinned2) => `Pin the version of \`${unpinned2}\` in gem install (\`${unpinned2}:<version>\` or \`-v <version>\`).`
);

// src/lint/rules/hardening.ts
var hardening_exports = {};
__export(hardening_exports, {
  HARDENING_RULES: () => HARDENING_RULES,
  SG1017: () => SG1017,
  SG1018: () => SG1018,
  SG1019: () => SG1019,
  SG1020: () => SG1020,
  isSensitiveVolume: () => isSensitiveVolume,
  isSystemWorkdir: () => isSystemWorkdir
});
var SYSTEM_ETC = /* @__PURE__ */ new Set([
  "passwd",
  "shadow",
  "group",
  "gshadow",
  "sudoers",
  "sudoers.d",
  "pam.d",
  "security",
  "ssh",
  "ssl",
  "pki",
  "ca-certificates",
  "systemd",
  "init.d",
  "cron.d",
  "crontab",
  "ld.so.conf.d",
  "ld.so.preload",
  "profile.d",
  "hosts",
  "resolv.conf",
  "nsswitch.conf",
  "apt",
  "yum.repos.d",
  "apk",
  "docker"
]);
function isSensitiveVolume(path) {
  const normal = `/${path.replace(/^["']|["']$/g, "").replace(/\/+$/, "").replace(/^\/+/, "")}`;
  if (/^\/(proc|sys|dev)(\/|$)/.test(normal) || normal === "/etc") return true;
  const etc = /^\/etc\/([^/]+)/.exec(normal);
  if (etc && SYSTEM_ETC.has(etc[1])) return true;
  return /^\/(var\/)?run\/docker\.sock$/.test(normal) || normal === "/";
}
function isSystemWorkdir(path) {
  const normal = `/${path.replace(/^["']|["']$/g, "").replace(/^\/+/, "")}`;
  return /^\/(proc|sys|dev|boot)(\/|$)/.test(normal);
}
function hit(instruction, message, evidence) {
  return {
    line: instruction.line,
    endLine: instruction.endLine,
    ...instruction.stage >= 0 ? { stage: instruction.stage } : {},
    message,
    ...evidence !== void 0 ? { evidence } : {}
  };
}
function volumePaths(instruction) {
  return instruction.argv.filter((word) => word !== "");
}
var SG1017 = defineRule(
  {
    id: "SG1017",
    severity: "error",
    summary: "VOLUME on a host-sensitive path (/proc, /sys, /dev, /etc or the system's files in it, the docker socket)"
  },
  ({ model }) => flatMapOf(
    allInstructions(model).filter((instruction) => instruction.keyword === "VOLUME"),
    (instruction) => volumePaths(instruction).filter(isSensitiveVolume).map(
      (path) => hit(
        instruction,
        `Do not declare VOLUME ${path}: a volume there shadows what the kernel, the devices or the system configuration provide, and invites mounting the host's; keep volumes to application data (e.g. /data)`,
        path
      )
    )
  )
);
function upgradeCommand(argv) {
  const [tool, ...rest] = argv;
  if (tool === void 0) return void 0;
  const name = tool.slice(tool.lastIndexOf("/") + 1);
  const sub = rest.find((word) => !word.startsWith("-"));
  if (sub === void 0) return void 0;
  if ((name === "apt-get" || name === "apt") && ["upgrade", "dist-upgrade", "full-upgrade"].includes(sub))
    return `${name} ${sub}`;
  if (name === "apk" && sub === "upgrade") return `${name} ${sub}`;
  if (["yum", "dnf", "microdnf"].includes(name) && ["upgrade", "update", "distro-sync"].includes(sub)) {
    const operands = rest.slice(rest.indexOf(sub) + 1).filter((word) => !word.startsWith("-"));
    return operands.length === 0 ? `${name} ${sub}` : void 0;
  }
  if (name === "zypper" && ["update", "up", "dist-upgrade", "dup"].includes(sub)) return `${name} ${sub}`;
  return void 0;
}
var SG1018 = defineRule(
  {
    id: "SG1018",
    severity: "warning",
    summary: "A distribution upgrade (apt-get upgrade / dist-upgrade, apk upgrade ...) in a RUN"
  },
  ({ model }) => {
    const hits = [];
    for (const instruction of allInstructions(model)) {
      if (instruction.keyword !== "RUN") continue;
      for (const command of runCommandsOf(model, instruction)) {
        const upgrade = upgradeCommand(effectiveArgv(command));
        if (upgrade === void 0) continue;
        hits.push(
          hit(
            instruction,
            `Do not run \`${upgrade}\` in the image: it makes the build unreproducible and hides that the base is outdated; use a newer (digest-pinned) base image and install pinned packages`,
            command.raw
          )
        );
        break;
      }
    }
    return hits;
  }
);
var SG1019 = defineRule(
  {
    id: "SG1019",
    severity: "warning",
    summary: "EXPOSE 22: an SSH server in the container"
  },
  ({ model }) => allInstructions(model).filter((instruction) => instruction.keyword === "EXPOSE").filter((instruction) => instruction.argv.some((word) => /^22(\/tcp)?$/i.test(word))).map(
    (instruction) => hit(
      instruction,
      "Do not expose port 22: a container should not run an SSH server; use `docker exec` (or kubectl exec) to get a shell",
      instruction.args
    )
  )
);
var SG1020 = defineRule(
  {
    id: "SG1020",
    severity: "error",
    summary: "WORKDIR under /proc, /sys, /dev or /boot"
  },
  ({ model }) => allInstructions(model).filter((instruction) => instruction.keyword === "WORKDIR" && isSystemWorkdir(instruction.args.trim())).map(
    (instruction) => hit(
      instruction,
      `Do not use ${instruction.args.trim()} as WORKDIR: the kernel or boot loader owns it, and at run time it is a mount point that hides what the build put there; use an application directory such as /app`,
      instruction.args.trim()
    )
  )
);
var HARDENING_RULES = [SG1017, SG1018, SG1019, SG1020];

// src/lint/rules/go.ts
var go_exports = {};
__export(go_exports, {
  DL3062: () => DL3062
});
var GO_VALUE_OPTIONS = [
  "-C",
  "-o",
  "-p",
  "-tags",
  "-ldflags",
  "-gcflags",
  "-asmflags",
  "-mod",
  "-modfile",
  "-overlay",
  "-pkgdir",
  "-exec",
  "-toolexec",
  "-buildmode",
  "-compiler",
  "-gccgoflags",
  "-installsuffix",
  "-pgo",
  "-covermode",
  "-coverpkg"
];
function isLocalOrDynamic(word) {
  return word.startsWith(".") || word.startsWith("/") || word.startsWith("$");
}
function isPinned(word) {
  const at = word.lastIndexOf("@");
  return at > 0 && at < word.length - 1 && word.slice(at + 1) !== "latest";
}
function fetchedPackages(command) {
  const args = effectiveArgv(command).slice(1);
  const subcommand = fetchingSubcommand(command);
  if (subcommand === void 0) return [];
  const afterSubcommand = args.slice(args.indexOf(subcommand) + 1);
  if (subcommand === "run") {
    for (let i = 0; i < afterSubcommand.length; i++) {
      const word = afterSubcommand[i];
      if (word === "--") return afterSubcommand.slice(i + 1, i + 2);
      if (!word.startsWith("-")) return word.endsWith(".go") ? [] : [word];
      if (GO_VALUE_OPTIONS.includes(word)) i++;
    }
    return [];
  }
  const packages = positionalArgs(afterSubcommand, GO_VALUE_OPTIONS);
  return subcommand === "install" ? packages.filter((word) => word !== "tool") : packages;
}
function fetchingSubcommand(command) {
  const subcommand = positionalArgs(effectiveArgv(command).slice(1), GO_VALUE_OPTIONS)[0];
  return subcommand === "install" || subcommand === "get" || subcommand === "run" ? subcommand : void 0;
}
var unpinned = (word) => !isLocalOrDynamic(word) && !isPinned(word);
var DL3062 = requiresPinnedVersions(
  {
    id: "DL3062",
    aliases: [],
    severity: "warning",
    summary: "Pin versions in `go install` (`<package>@<version>`)"
  },
  (run) => flatMapOf(commandsNamed(run, "go"), fetchedPackages).filter(unpinned),
  (packages, run) => {
    const commands = new Set(
      commandsNamed(run, "go").filter((command) => fetchedPackages(command).some(unpinned)).map((command) => `\`go ${fetchingSubcommand(command) ?? "install"}\``)
    );
    return `Pin the version of ${packages} in ${[...commands].join(" and ")} (\`<package>@<version>\`, not \`@latest\`).`;
  }
);

// src/lint/rules/instructions.ts
var instructions_exports = {};
__export(instructions_exports, {
  DL1001: () => DL1001,
  DL3000: () => DL3000,
  DL3011: () => DL3011,
  DL3012: () => DL3012,
  DL3025: () => DL3025,
  DL3043: () => DL3043,
  DL3044: () => DL3044,
  DL3061: () => DL3061,
  DL3064: () => DL3064,
  DL3066: () => DL3066,
  DL4000: () => DL4000,
  DL4003: () => DL4003,
  DL4004: () => DL4004,
  expandedNames: () => expandedNames,
  isSensitiveName: () => isSensitiveName,
  looksSensitive: () => looksSensitive
});
function isAbsolutePath(path) {
  return path.startsWith("/") || path.startsWith("$") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\");
}
function dropQuotes(text) {
  const quote = text[0];
  if ((quote === '"' || quote === "'") && text.length >= 2 && text.endsWith(quote)) return text.slice(1, -1);
  return text.replace(/^["']/, "");
}
var DL3000 = defineRule(
  { id: "DL3000", severity: "error", summary: "Use absolute WORKDIR." },
  ({ model }) => {
    const hits = [];
    const judge = (workdir) => {
      if (workdir.argv.length > 0 && !isAbsolutePath(dropQuotes(workdir.args.trim())))
        hits.push(
          hitAt(
            workdir,
            `Use an absolute path in WORKDIR (e.g. \`/${workdir.argv.join(" ")}\`) so it does not depend on the previous WORKDIR.`
          )
        );
    };
    const scopes = [
      [void 0, model.preamble],
      ...model.stages.map((stage) => [stage, stage.instructions])
    ];
    for (const [stage, instructions2] of scopes) {
      let workdirSet = stage !== void 0 && baseStagesHave(model, stage, (instruction) => instruction.keyword === "WORKDIR");
      for (const instruction of instructions2) {
        const trigger = triggerOf(model, instruction);
        if (trigger?.keyword === "WORKDIR") judge(trigger);
        if (instruction.keyword !== "WORKDIR") continue;
        if (!workdirSet) judge(instruction);
        workdirSet = true;
      }
    }
    return hits;
  }
);
function invalidPort(word) {
  if (word.includes("$") || word.includes(":")) return void 0;
  const spec = word.replace(/\/(tcp|udp|sctp)$/i, "");
  const parts = spec.split("-");
  if (parts.length > 2) return word;
  for (const part of parts) {
    if (!/^\d+$/.test(part) || Number(part) > 65535) return word;
  }
  return void 0;
}
var DL3011 = defineRule(
  { id: "DL3011", severity: "error", summary: "Valid UNIX ports range from 0 to 65535." },
  ({ model }) => flatMapOf(keywordInstructions(model, "EXPOSE"), (expose) => {
    const bad = expose.argv.map(invalidPort).find((port) => port !== void 0);
    return bad === void 0 ? [] : [hitAt(expose, `Use a port from 0 to 65535 in EXPOSE instead of \`${bad}\`.`)];
  })
);
var DL3012 = defineRule(
  { id: "DL3012", severity: "error", summary: "Multiple HEALTHCHECK instructions." },
  ({ model }) => flatMapOf(
    model.stages,
    (stage) => instructions([stage], "HEALTHCHECK").slice(1).map((extra) => hitAt(extra, "Keep one HEALTHCHECK per stage: only the last one takes effect."))
  )
);
var DL3025 = defineRule(
  {
    id: "DL3025",
    severity: "warning",
    summary: "Use arguments JSON notation for CMD and ENTRYPOINT arguments."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      let shellSet = baseStagesHave(model, stage, setsShell);
      for (const instruction of stage.instructions) {
        if (setsShell(instruction)) shellSet = true;
        if (!shellSet && (instruction.keyword === "CMD" || instruction.keyword === "ENTRYPOINT") && !instruction.jsonForm && // `CMD --help`: the words may have been read as flags.
        (instruction.args.trim() !== "" || instruction.flags.length > 0))
          hits.push(
            hitAt(
              instruction,
              `Write ${instruction.keyword} in JSON notation (${instruction.keyword} ["executable", "arg"]) so signals reach the process.`
            )
          );
      }
    }
    return hits;
  }
);
var INLINE_IGNORE = /^(hadolint|stagegate)[ \t]+ignore[ \t]*=/i;
var DL1001 = defineRule(
  {
    id: "DL1001",
    severity: "note",
    summary: "Refrain from inline ignore pragmas (`# hadolint ignore=DLxxxx`)",
    offByDefault: true
  },
  ({ model }) => {
    return model.comments.filter((comment) => INLINE_IGNORE.test(comment.text)).map((comment) => {
      const hit2 = {
        line: comment.line,
        message: "Fix the finding or ignore the rule in the config file instead of an inline ignore pragma."
      };
      const stage = stageAtLine(model, comment.line);
      if (stage !== void 0) hit2.stage = stage;
      return hit2;
    });
  }
);
var ONBUILD_FORBIDDEN = /* @__PURE__ */ new Set(["ONBUILD", "FROM", "MAINTAINER"]);
var DL3043 = perInstruction(
  {
    id: "DL3043",
    aliases: [],
    severity: "error",
    summary: "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD`"
  },
  ["ONBUILD"],
  (instruction) => {
    const trigger = (/^\S+/.exec(instruction.args)?.[0] ?? "").toUpperCase();
    return ONBUILD_FORBIDDEN.has(trigger) ? `Remove \`ONBUILD ${trigger}\`: ${trigger} is not allowed as an ONBUILD trigger.` : void 0;
  },
  "with-preamble"
);
function expandedNames(raw, escape2 = "\\") {
  const names = [];
  let quote;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === "'") {
      if (ch === "'") quote = void 0;
      continue;
    }
    if (ch === escape2) {
      i++;
      continue;
    }
    if (ch === '"') quote = quote === '"' ? void 0 : '"';
    else if (ch === "'" && quote === void 0) quote = "'";
    else if (ch === "$") {
      const braced = raw[i + 1] === "{";
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + (braced ? 2 : 1)));
      if (match) names.push(match[0]);
    }
  }
  return names;
}
function definedBefore(model, stage, line) {
  return /* @__PURE__ */ new Set([
    ...model.globalArgs.map((arg) => arg.name),
    ...definitionsBefore(model, stage, line).map((pair) => pair.key)
  ]);
}
var DL3044 = perInstruction(
  {
    id: "DL3044",
    aliases: [],
    severity: "error",
    summary: "Do not refer to an environment variable within the same `ENV` statement where it is defined"
  },
  ["ENV"],
  (instruction, model) => {
    const pairs = keyValuePairs(instruction);
    const stage = model.stages[instruction.stage];
    if (pairs.length < 2) return void 0;
    const earlier = definedBefore(model, stage, instruction.line);
    const selfReferenced = [];
    pairs.forEach((pair, index) => {
      for (const name of expandedNames(pair.rawValue ?? "")) {
        const definedHere = pairs.some((other, j) => j !== index && other.key === name);
        if (definedHere && !earlier.has(name) && !selfReferenced.includes(name)) selfReferenced.push(name);
      }
    });
    return selfReferenced.length > 0 ? `Define ${selfReferenced.map((n) => `\`${n}\``).join(", ")} in an earlier ENV: a value cannot use a variable set in the same ENV.` : void 0;
  }
);
var DL3061 = defineRule(
  {
    id: "DL3061",
    severity: "error",
    summary: "Invalid instruction order: a Dockerfile must begin with `FROM`, `ARG` or a comment"
  },
  ({ model }) => {
    return model.preamble.filter((instruction) => instruction.keyword !== "ARG").map(
      (instruction) => (
        // Before the first FROM: hitAt gives the hit no stage.
        hitAt(
          instruction,
          `Move \`${instruction.keyword}\` after the first FROM: only ARG may come before it.`
        )
      )
    );
  }
);
function nameWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== "");
}
var SECRET_WORDS = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "credential",
  "credentials",
  "privatekey"
]);
var SECRET_KEY_QUALIFIERS = /* @__PURE__ */ new Set([
  "api",
  "private",
  "client",
  "access",
  "secret",
  "auth",
  "signing",
  "encryption"
]);
var POINTER_SUFFIXES = /* @__PURE__ */ new Set(["file", "path", "dir", "url"]);
function isPointerName(words) {
  return words.length === 0 || POINTER_SUFFIXES.has(words[words.length - 1]);
}
function looksSensitive(name) {
  const words = nameWords(name);
  return !isPointerName(words) && hasSensitiveWord(words);
}
function hasSensitiveWord(words) {
  return words.some(
    (word, i) => SECRET_WORDS.has(word) || word === "key" && i > 0 && SECRET_KEY_QUALIFIERS.has(words[i - 1])
  );
}
function isSensitiveName(name) {
  const words = nameWords(name);
  if (isPointerName(words) || words.includes("public")) return false;
  if (hasSensitiveWord(words)) return true;
  if (words[words.length - 1] === "key" && PUBLIC_KEY_QUALIFIERS.has(words[words.length - 2] ?? ""))
    return false;
  return isSecretName(name);
}
var PUBLIC_KEY_QUALIFIERS = /* @__PURE__ */ new Set([
  "gpg",
  "pgp",
  "gnupg",
  "public",
  "pub",
  "server",
  "host",
  "repo",
  "apt"
]);
var DL3064 = perInstruction(
  {
    id: "DL3064",
    aliases: [],
    severity: "warning",
    summary: "Potentially sensitive data should not be used in `ARG` or `ENV`"
  },
  ["ARG", "ENV"],
  (instruction) => {
    const names = keyValuePairs(instruction).filter(
      (pair) => isSensitiveName(pair.key) && !(pair.rawValue !== void 0 && isFilePathValue(unquoteRaw(pair.rawValue)))
    ).map((pair) => pair.key);
    return names.length > 0 ? `Pass ${names.map((n) => `\`${n}\``).join(", ")} with \`RUN --mount=type=secret\` instead of ${instruction.keyword}: ${instruction.keyword} values stay in the image metadata.` : void 0;
  },
  "with-preamble"
);
var DL3066 = perInstruction(
  {
    id: "DL3066",
    aliases: [],
    severity: "note",
    summary: "A non-numeric user id may not be resolvable by the host system"
  },
  ["USER"],
  (instruction) => {
    const user = instruction.argv[0] ?? "";
    const uid = user.split(":")[0];
    if (uid === "" || uid === "root" || uid.includes("$") || /^\d+$/.test(uid)) return void 0;
    return `Use a numeric UID (e.g. \`USER 10001\`) instead of \`${uid}\` so the runtime can verify a non-root user.`;
  }
);
var DL4000 = perInstruction(
  {
    id: "DL4000",
    aliases: [],
    severity: "error",
    summary: "`MAINTAINER` is deprecated"
  },
  ["MAINTAINER"],
  () => 'Replace MAINTAINER with `LABEL org.opencontainers.image.authors="..."`.',
  "with-preamble"
);
function repeatedPerStage(model, keyword, message) {
  const hits = [];
  for (const stage of model.stages) {
    const found = stage.instructions.filter((instruction) => instruction.keyword === keyword);
    for (const instruction of found.slice(1)) hits.push(hitAt(instruction, message));
  }
  return hits;
}
var DL4003 = defineRule(
  {
    id: "DL4003",
    severity: "warning",
    summary: "Multiple `CMD` instructions in one stage"
  },
  ({ model }) => {
    return repeatedPerStage(model, "CMD", "Keep one CMD per stage: only the last one takes effect.");
  }
);
var DL4004 = defineRule(
  {
    id: "DL4004",
    severity: "error",
    summary: "Multiple `ENTRYPOINT` instructions in one stage"
  },
  ({ model }) => {
    return repeatedPerStage(
      model,
      "ENTRYPOINT",
      "Keep one ENTRYPOINT per stage: only the last one takes effect."
    );
  }
);

// src/lint/rules/labels.ts
var labels_exports = {};
__export(labels_exports, {
  DL3048: () => DL3048,
  DL3049: () => DL3049,
  DL3050: () => DL3050,
  DL3051: () => DL3051,
  DL3052: () => DL3052,
  DL3053: () => DL3053,
  DL3054: () => DL3054,
  DL3055: () => DL3055,
  DL3056: () => DL3056,
  DL3058: () => DL3058,
  isEmail: () => isEmail,
  isGitHash: () => isGitHash,
  isRfc3339: () => isRfc3339,
  isSemver: () => isSemver,
  isSpdxExpression: () => isSpdxExpression,
  isUrl: () => isUrl,
  isValidLabelKey: () => isValidLabelKey
});
var import_spdx_expression_parse = __toESM(require_spdx_expression_parse(), 1);
function labelsOf(instructions2) {
  const labels = [];
  for (const instruction of instructions2) {
    if (instruction.keyword !== "LABEL") continue;
    for (const pair of keyValuePairs(instruction)) {
      labels.push({ key: pair.key, value: unquoteRaw(pair.rawValue ?? ""), instruction });
    }
  }
  return labels;
}
function allLabels(model) {
  return labelsOf(keywordInstructions(model, "LABEL"));
}
var RESERVED_NAMESPACES = ["com.docker.", "io.docker.", "org.dockerproject."];
function isValidLabelKey(key) {
  return /^[a-z]([a-z0-9.-]*[a-z0-9])?$/.test(key) && !key.includes("..") && !key.includes("--") && !RESERVED_NAMESPACES.some((namespace) => key.startsWith(namespace));
}
var DL3048 = defineRule(
  {
    id: "DL3048",
    severity: "note",
    summary: "Invalid label key"
  },
  ({ model }) => {
    return allLabels(model).filter((label) => !isValidLabelKey(label.key)).map(
      (label) => hitAt(
        label.instruction,
        `Rename label \`${label.key}\` to lower-case letters, digits, dots and dashes (reverse-DNS, e.g. \`org.example.name\`), outside Docker's namespaces.`
      )
    );
  }
);
var DL3049 = defineRule(
  {
    id: "DL3049",
    severity: "note",
    summary: "A label required by the label schema is missing"
  },
  ({ model, config }) => {
    const required = Object.keys(config.labelSchema);
    if (required.length === 0) return [];
    const keysOf2 = (stage) => new Set(labelsOf(withTriggers(model, stage.instructions)).map((label) => label.key));
    const hits = [];
    for (const stage of model.stages) {
      if (stage.index > model.finalStage) break;
      if (feedsAnotherStage(model, stage)) continue;
      const own = new Set(flatMapOf(baseChain(model, stage), (link) => [...keysOf2(link)]));
      const derived = new Set(flatMapOf(derivedStages(model, stage), (link) => [...keysOf2(link)]));
      for (const key of required) {
        if (own.has(key) || derived.has(key)) continue;
        hits.push(
          hitAt(
            stage.instructions[0],
            stage.final ? `Add \`LABEL ${key}=...\` to the final stage: the label schema requires it.` : `Add \`LABEL ${key}=...\` to this stage (or to a stage built FROM it): the label schema requires it.`
          )
        );
      }
    }
    return hits;
  }
);
var DL3050 = defineRule(
  {
    id: "DL3050",
    severity: "note",
    summary: "Superfluous label present (with `strictLabels`)"
  },
  ({ model, config }) => {
    if (!config.strictLabels) return [];
    return allLabels(model).filter((label) => !Object.hasOwn(config.labelSchema, label.key)).map(
      (label) => hitAt(
        label.instruction,
        `Remove label \`${label.key}\` or add it to the label schema: strict labels allow only schema labels.`
      )
    );
  }
);
function schemaLabels(model, config) {
  if (Object.keys(config.labelSchema).length === 0) return [];
  return flatMapOf(
    allLabels(model),
    (label) => Object.hasOwn(config.labelSchema, label.key) ? [{ ...label, type: config.labelSchema[label.key].toLowerCase() }] : []
  );
}
var DL3051 = defineRule(
  {
    id: "DL3051",
    severity: "warning",
    summary: "A label of the label schema is empty"
  },
  ({ model, config }) => {
    return schemaLabels(model, config).filter((label) => label.value.trim() === "").map(
      (label) => hitAt(label.instruction, `Give label \`${label.key}\` a value: the label schema requires it.`)
    );
  }
);
function isUrl(value) {
  if (/\s/.test(value) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
function isRfc3339(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(
    value
  );
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = match[9] === void 0 || Number(match[9]) <= 23 && Number(match[10]) <= 59;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}
function isSpdxExpression(value) {
  try {
    (0, import_spdx_expression_parse.default)(value);
    return true;
  } catch {
    return false;
  }
}
function isGitHash(value) {
  return /^[0-9a-fA-F]{7,40}$/.test(value) || /^[0-9a-fA-F]{64}$/.test(value);
}
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function isSemver(value) {
  return SEMVER.test(value);
}
function isEmail(value) {
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
    value
  ) && !value.split("@")[0]?.startsWith(".") && !value.includes("..");
}
function typedLabelRule(id, type, summary, severity, valid, what) {
  return defineRule({ id, severity, summary }, ({ model, config }) => {
    const hits = [];
    for (const label of schemaLabels(model, config)) {
      if (label.type !== type || label.value.trim() === "" || label.value.includes("$")) continue;
      if (!valid(label.value))
        hits.push(
          hitAt(label.instruction, `Set label \`${label.key}\` to ${what}; \`${label.value}\` is not.`)
        );
    }
    return hits;
  });
}
var DL3052 = typedLabelRule(
  "DL3052",
  "url",
  "A label of the schema is not a valid URL",
  "warning",
  isUrl,
  "an absolute URL (RFC 3986)"
);
var DL3053 = typedLabelRule(
  "DL3053",
  "rfc3339",
  "A label of the schema is not an RFC 3339 time",
  "warning",
  isRfc3339,
  "an RFC 3339 time such as `2024-05-01T12:00:00Z`"
);
var DL3054 = typedLabelRule(
  "DL3054",
  "spdx",
  "A label of the schema is not a valid SPDX license identifier",
  "warning",
  isSpdxExpression,
  "an SPDX license expression such as `Apache-2.0` or `MIT OR GPL-3.0-only`"
);
var DL3055 = typedLabelRule(
  "DL3055",
  "hash",
  "A label of the schema is not a valid git hash",
  "warning",
  isGitHash,
  "a git commit hash"
);
var DL3056 = typedLabelRule(
  "DL3056",
  "semver",
  "A label of the schema does not conform to semantic versioning",
  "warning",
  isSemver,
  "a semantic version such as `1.4.2`"
);
var DL3058 = typedLabelRule(
  "DL3058",
  "email",
  "A label of the schema is not a valid email address",
  "warning",
  isEmail,
  "an email address (RFC 5322)"
);

// src/lint/rules/npm.ts
var npm_exports = {};
__export(npm_exports, {
  DL3016: () => DL3016,
  DL3060: () => DL3060
});
var NPM_VALUE_OPTIONS = [
  "--registry",
  "--prefix",
  "-w",
  "--workspace",
  "--tag",
  "--cache",
  "--omit",
  "--include",
  "--userconfig",
  "--globalconfig",
  "--loglevel",
  "--install-strategy",
  "--before",
  "--location",
  "--script-shell",
  "--fetch-retries",
  "--fetch-timeout",
  "--fetch-retry-mintimeout",
  "--fetch-retry-maxtimeout",
  "--otp",
  "--proxy",
  "--https-proxy",
  "--noproxy",
  "--cafile",
  "--ca",
  "--cert",
  "--key",
  "--os",
  "--cpu",
  "--libc",
  "--auth-type",
  "--scope",
  "--audit-level",
  "--maxsockets",
  "--node-options"
];
function npmPinned(word) {
  const isGit = /^(git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(word) || /^[^@./~][^:]*\/[^/]+$/.test(word);
  if (isGit) return word.includes("#");
  if (/^(https?:|file:|\.|\/|~)/.test(word) || /\.(tgz|tar\.gz|tar)$/.test(word)) return true;
  const at = word.indexOf("@", 1);
  if (at < 0) return false;
  const version = word.slice(at + 1);
  return version !== "" && version !== "latest" && version !== "next";
}
var DL3016 = perUnpinnedPackage(
  { id: "DL3016", severity: "warning", summary: "Pin versions in npm." },
  (command) => installCommand(command, ["npm"], ["install", "i", "add"], NPM_VALUE_OPTIONS)?.packages,
  npmPinned,
  (unpinned2) => `Pin the version of \`${unpinned2}\` in npm install (\`${unpinned2.replace(/@[^@]*$/, "") || unpinned2}@<version>\`).`
);
function isYarnInstall(command) {
  if (commandName(command) !== "yarn") return false;
  const sub = subcommandOf(command, ["--cwd", "--modules-folder", "--cache-folder", "--network-timeout"]);
  return sub === void 0 || sub === "install";
}
function isYarnCacheClean(command) {
  if (commandName(command) !== "yarn") return false;
  const args = effectiveArgv(command).slice(1).filter((word) => !word.startsWith("-"));
  return args[0] === "cache" && args[1] === "clean";
}
var DL3060 = perRun(
  {
    id: "DL3060",
    aliases: [],
    severity: "note",
    summary: "`yarn cache clean` missing after `yarn install`"
  },
  (run) => {
    if (!run.commands.some(isYarnInstall)) return void 0;
    if (cleanedAfter(run, isYarnInstall, isYarnCacheClean)) return void 0;
    const cacheMounted = hasCacheMount2(run, "/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/root/.yarn") || mountsOf(run.flags).some(
      (mount) => (mount.type === "cache" || mount.type === "tmpfs") && [...mount.options.values()].some((value) => /yarn/.test(value))
    );
    return cacheMounted ? void 0 : "Run `yarn cache clean` in the same RUN as `yarn install` so the cache stays out of the final image.";
  },
  "final-image"
);

// src/lint/rules/pip.ts
var pip_exports = {};
__export(pip_exports, {
  DL3013: () => DL3013,
  DL3042: () => DL3042
});
var PIP_VALUE_OPTIONS = [
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-e",
  "--editable",
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--src",
  "--upgrade-strategy",
  "--progress-bar",
  "--trusted-host",
  "--platform",
  "--python-version",
  "--implementation",
  "--abi",
  "--no-binary",
  "--only-binary",
  "--global-option",
  "--install-option",
  "-C",
  "--config-settings",
  "--cache-dir",
  "--log",
  "--proxy",
  "--retries",
  "--timeout",
  "--exists-action",
  "--cert",
  "--client-cert",
  "--report",
  "--python",
  "--keyring-provider"
];
var PIP = /^pip(\d+(\.\d+)?)?$/;
var PYTHON = /^python(\d+(\.\d+)?)?$/;
function pipInstallArgs(command) {
  let argv = effectiveArgv(command);
  const name = commandName(command);
  if (PYTHON.test(name)) {
    const m = argv.indexOf("-m");
    if (m < 0 || !PIP.test(argv[m + 1] ?? "")) return void 0;
    argv = argv.slice(m + 1);
  } else if (!PIP.test(name)) return void 0;
  const install = argv.indexOf("install");
  return install < 0 ? void 0 : argv.slice(install + 1);
}
var VCS_URL = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;
function vcsPinned(word) {
  const url = word.replace(/#.*$/, "");
  const afterScheme = url.replace(/^[^:]*:(\/\/)?/, "");
  const slash = afterScheme.indexOf("/");
  return slash >= 0 && afterScheme.slice(slash).includes("@");
}
function pipPinned(word) {
  if (VCS_URL.test(word)) return vcsPinned(word);
  return /[=<>~!]/.test(word) || word.includes("@") || word.includes("/") || /^[.~]/.test(word) || /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(word);
}
function pinsThroughFiles(args) {
  return args.some(
    (word) => word === "." || /^(-r|--requirement|-c|--constraint)(=|$)/.test(word) || /^-[rc]\S/.test(word)
  );
}
var DL3013 = perUnpinnedPackage(
  { id: "DL3013", severity: "warning", summary: "Pin versions in pip." },
  (command) => {
    const args = pipInstallArgs(command);
    if (!args || pinsThroughFiles(args)) return void 0;
    return positionalArgs(args, PIP_VALUE_OPTIONS);
  },
  pipPinned,
  (unpinned2) => VCS_URL.test(unpinned2) ? `Pin \`${unpinned2}\` to a tag or commit (\`…@<tag>\`) so pip installs the same code every build.` : `Pin the version of \`${unpinned2}\` in pip install (\`${unpinned2}==<version>\`) or install from a requirements file.`
);
var TRUTHY = /* @__PURE__ */ new Set(["1", "true", "on", "yes"]);
function isTruthy(value) {
  return value !== void 0 && TRUTHY.has(value.trim().toLowerCase());
}
var FALSY = /* @__PURE__ */ new Set(["0", "false", "off", "no", "n", "f"]);
function isFalsy(value) {
  return value !== void 0 && FALSY.has(value.trim().toLowerCase());
}
function isPipInstall(command) {
  const name = commandName(command);
  const argv = effectiveArgv(command);
  if (/^pip[0-9.]*$/.test(name))
    return subcommandOf(command, ["--python", "--log", "--proxy", "--cache-dir"]) === "install";
  if (/^python[0-9.]*$/.test(name)) {
    const m = argv.indexOf("-m");
    return m >= 0 && argv[m + 1] === "pip" && argv.slice(m + 2).find((word) => !word.startsWith("-")) === "install";
  }
  return false;
}
function envPipNoCacheDir(model, stage, line) {
  const setting = definitionsBefore(model, stage, line).filter((pair) => pair.key === "PIP_NO_CACHE_DIR").pop();
  return setting === void 0 ? void 0 : unquoteRaw(setting.rawValue ?? "");
}
function scriptPipNoCacheDirs(run) {
  const values = [];
  for (const command of run.commands) {
    for (const assignment of command.env)
      if (assignment.name === "PIP_NO_CACHE_DIR") values.push(assignment.value);
    if (commandName(command) === "export") {
      for (const word of effectiveArgv(command))
        if (word.startsWith("PIP_NO_CACHE_DIR=")) values.push(word.slice("PIP_NO_CACHE_DIR=".length));
    }
  }
  return values;
}
function pipCacheOff(run, command) {
  if (hasFlag2(command, "--no-cache-dir")) return true;
  if (command.env.some((assignment) => assignment.name === "PIP_NO_CACHE_DIR" && isTruthy(assignment.value)))
    return true;
  return run.commands.some(
    (other) => commandName(other) === "export" && effectiveArgv(other).some((word) => /^PIP_NO_CACHE_DIR=/.test(word) && isTruthy(word.split("=")[1])) || other.argv.length === 0 && other.env.some((a) => a.name === "PIP_NO_CACHE_DIR" && isTruthy(a.value))
  );
}
var DL3042 = perRun(
  {
    id: "DL3042",
    aliases: [],
    severity: "warning",
    summary: "Avoid the pip cache directory: `pip install --no-cache-dir`"
  },
  (run, { model, stage }) => {
    if (hasCacheMount2(run, "/root/.cache/pip", "/root/.cache")) return void 0;
    if (!run.commands.some((command) => isPipInstall(command) && !pipCacheOff(run, command))) return void 0;
    const envValue2 = run.onbuild ? void 0 : envPipNoCacheDir(model, stage, run.instruction.line);
    if (isTruthy(envValue2)) return void 0;
    const falsy = [envValue2, ...scriptPipNoCacheDirs(run)].find(isFalsy);
    if (falsy !== void 0)
      return `Write \`PIP_NO_CACHE_DIR=1\` (or use \`pip install --no-cache-dir\`): pip does turn its cache off for \`PIP_NO_CACHE_DIR=${falsy.trim()}\` too, but only by a historical quirk, and the value reads as the opposite.`;
    return "Use `pip install --no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`) to keep the pip cache out of the layer.";
  }
);

// src/lint/rules/rpm.ts
var rpm_exports = {};
__export(rpm_exports, {
  DL3030: () => DL3030,
  DL3031: () => DL3031,
  DL3032: () => DL3032,
  DL3033: () => DL3033,
  DL3034: () => DL3034,
  DL3035: () => DL3035,
  DL3036: () => DL3036,
  DL3037: () => DL3037,
  DL3038: () => DL3038,
  DL3039: () => DL3039,
  DL3040: () => DL3040,
  DL3041: () => DL3041,
  RPM_VALUE_OPTIONS: () => RPM_VALUE_OPTIONS,
  ZYPPER_VALUE_OPTIONS: () => ZYPPER_VALUE_OPTIONS
});
var DL3030 = perCommand(
  {
    id: "DL3030",
    severity: "warning",
    summary: "Use the -y switch to avoid manual input: yum install -y <package>."
  },
  (command) => installCommand(command, ["yum"], ["install", "groupinstall", "localinstall", "reinstall"]) && !hasFlag2(command, "-y", "--assumeyes") ? "Add `-y` to yum install so the build never waits for a confirmation." : void 0
);
var RPM_VALUE_OPTIONS = [
  "-c",
  "--config",
  "-d",
  "--debuglevel",
  "-e",
  "--errorlevel",
  "--installroot",
  "--enablerepo",
  "--disablerepo",
  "--repo",
  "--repoid",
  "-x",
  "--exclude",
  "--releasever",
  "--setopt",
  "--forcearch",
  "--downloaddir",
  "--destdir"
];
var ZYPPER_VALUE_OPTIONS = [
  "-R",
  "--root",
  "-c",
  "--config",
  "-D",
  "--reposd-dir",
  "-C",
  "--cache-dir",
  "-r",
  "--repo",
  "--from",
  "-t",
  "--type",
  "--installroot"
];
function rpmPinned(word) {
  return /-\d/.test(word) || word.endsWith(".rpm");
}
function zypperPinned(word) {
  return /[=<>]/.test(word) || word.endsWith(".rpm");
}
var YUM = { tools: ["yum"], valueOptions: RPM_VALUE_OPTIONS, isPinned: rpmPinned, modules: true };
var DNF = {
  tools: ["dnf", "microdnf"],
  valueOptions: RPM_VALUE_OPTIONS,
  isPinned: rpmPinned,
  modules: true
};
var ZYPPER = {
  tools: ["zypper"],
  valueOptions: ZYPPER_VALUE_OPTIONS,
  isPinned: zypperPinned,
  modules: false
};
function invocations(run, family, subcommands) {
  return commandsNamed(run, ...family.tools).filter(
    (command) => subcommands.includes(subcommandOf(command, family.valueOptions) ?? "")
  );
}
var INSTALL = ["install", "in"];
function isUnpinnable(word) {
  return /^[$@/]/.test(word) || word.includes("*") || word.includes("(");
}
function unpinnedPackages(run, family) {
  const unpinned2 = [];
  for (const command of commandsNamed(run, ...family.tools)) {
    const sub = subcommandOf(command, family.valueOptions);
    const operands = operandsAfterSubcommand(command, family.valueOptions);
    if (family.modules && sub === "module") {
      if (operands[0] !== "install") continue;
      for (const module of operands.slice(1))
        if (!isUnpinnable(module) && !module.includes(":")) unpinned2.push(module);
      continue;
    }
    if (!INSTALL.includes(sub ?? "")) continue;
    for (const word of operands) if (!isUnpinnable(word) && !family.isPinned(word)) unpinned2.push(word);
  }
  return unpinned2;
}
function forbidsSubcommands(meta, family, subcommands, message) {
  return perRun(meta, (run) => invocations(run, family, subcommands).length > 0 ? message : void 0);
}
function requiresNonInteractive(meta, family, prompting, yesFlags, message) {
  return perRun(
    meta,
    (run) => invocations(run, family, prompting).some((command) => !hasFlag2(command, ...yesFlags)) ? message : void 0
  );
}
function removesCacheDir(command, dirs2) {
  return commandName(command) === "rm" && effectiveArgv(command).slice(1).some((word) => dirs2.some((dir) => word === dir || word.startsWith(dir.replace(/\/?$/, "/"))));
}
function requiresCacheCleanup(meta, family, cleanup, message) {
  return perRun(meta, (run) => {
    if (invocations(run, family, INSTALL).length === 0) return void 0;
    const { clean, cleanArgument, cacheDirs } = cleanup;
    const installs = new Set(invocations(run, family, INSTALL));
    const cleans = new Set(
      invocations(run, family, clean).filter(
        (command) => cleanArgument === void 0 || effectiveArgv(command).includes(cleanArgument)
      )
    );
    if (hasCacheMount2(run, ...cacheDirs)) return void 0;
    const tools = new Set([...installs].map((command) => commandName(command)));
    for (const tool of tools) {
      const cleaned = cleanedAfter(
        run,
        (command) => installs.has(command) && commandName(command) === tool,
        (command) => cleans.has(command) && commandName(command) === tool || removesCacheDir(command, cacheDirs)
      );
      if (!cleaned) return message;
    }
    return void 0;
  });
}
var DL3031 = forbidsSubcommands(
  {
    id: "DL3031",
    aliases: [],
    severity: "error",
    summary: "Do not use `yum update` or `yum upgrade` (retired by hadolint; off unless enabled)",
    offByDefault: true
  },
  YUM,
  ["update", "update-to", "upgrade", "upgrade-to"],
  "Do not run `yum update`/`yum upgrade` in the build; rebuild from an updated base image instead."
);
var DL3032 = requiresCacheCleanup(
  {
    id: "DL3032",
    aliases: [],
    severity: "warning",
    summary: "`yum clean all` missing after `yum install`"
  },
  YUM,
  { clean: ["clean"], cleanArgument: "all", cacheDirs: ["/var/cache/yum"] },
  "Run `yum clean all` in the same RUN as `yum install` so the cache stays out of the layer."
);
var DL3033 = requiresPinnedVersions(
  {
    id: "DL3033",
    aliases: [],
    severity: "warning",
    summary: "Pin versions in `yum install` (`<package>-<version>`)"
  },
  (run) => unpinnedPackages(run, YUM),
  (packages) => `Pin the version of ${packages} in \`yum install\` (\`<package>-<version>\`).`
);
var ZYPPER_PROMPTING = [
  "install",
  "in",
  "remove",
  "rm",
  "source-install",
  "si",
  "patch",
  "update",
  "up",
  "dist-upgrade",
  "dup"
];
var DL3034 = requiresNonInteractive(
  {
    id: "DL3034",
    aliases: [],
    severity: "warning",
    summary: "Non-interactive switch missing from a `zypper` command"
  },
  ZYPPER,
  ZYPPER_PROMPTING,
  ["-n", "--non-interactive", "-y", "--no-confirm"],
  "Run `zypper` non-interactively: `zypper --non-interactive install` or `zypper install -y`."
);
var DL3035 = forbidsSubcommands(
  {
    id: "DL3035",
    aliases: [],
    severity: "warning",
    summary: "Do not use `zypper dist-upgrade`"
  },
  ZYPPER,
  ["dist-upgrade", "dup"],
  "Do not run `zypper dist-upgrade` in the build; rebuild from an updated base image instead."
);
var DL3036 = requiresCacheCleanup(
  {
    id: "DL3036",
    aliases: [],
    severity: "warning",
    summary: "`zypper clean` missing after `zypper install`"
  },
  ZYPPER,
  { clean: ["clean", "cc"], cacheDirs: ["/var/cache/zypp"] },
  "Run `zypper clean` in the same RUN as `zypper install` so the cache stays out of the layer."
);
var DL3037 = requiresPinnedVersions(
  {
    id: "DL3037",
    aliases: [],
    severity: "warning",
    summary: "Pin versions in `zypper install` (`<package>=<version>`)"
  },
  (run) => unpinnedPackages(run, ZYPPER),
  (packages) => `Pin the version of ${packages} in \`zypper install\` (\`<package>=<version>\`).`
);
var DNF_PROMPTING = [
  "install",
  "in",
  "groupinstall",
  "reinstall",
  "downgrade",
  "remove",
  "erase",
  "autoremove",
  "upgrade",
  "update",
  "distro-sync"
];
var DL3038 = requiresNonInteractive(
  {
    id: "DL3038",
    aliases: [],
    severity: "warning",
    summary: "Use the `-y` switch with `dnf install` (and microdnf)"
  },
  // microdnf prompts too, and hadolint's DL3038 covers it.
  DNF,
  DNF_PROMPTING,
  ["-y", "--assumeyes"],
  "Add `-y` to the `dnf` command so it never waits for an answer."
);
var DL3039 = forbidsSubcommands(
  {
    id: "DL3039",
    aliases: [],
    severity: "error",
    summary: "Do not use `dnf upgrade` or `dnf update` (retired by hadolint; off unless enabled)",
    offByDefault: true
  },
  DNF,
  ["upgrade", "update", "upgrade-minimal", "update-minimal"],
  "Do not run `dnf upgrade` in the build; rebuild from an updated base image instead."
);
var DL3040 = requiresCacheCleanup(
  {
    id: "DL3040",
    aliases: [],
    severity: "warning",
    summary: "`dnf clean all` missing after `dnf install`"
  },
  DNF,
  { clean: ["clean"], cleanArgument: "all", cacheDirs: ["/var/cache/dnf", "/var/cache/yum"] },
  "Run `dnf clean all` in the same RUN as `dnf install` so the cache stays out of the layer."
);
var DL3041 = requiresPinnedVersions(
  {
    id: "DL3041",
    aliases: [],
    severity: "warning",
    summary: "Pin versions in `dnf install` (`<package>-<version>`)"
  },
  (run) => unpinnedPackages(run, DNF),
  (packages, run) => {
    const tools = DNF.tools.filter((tool) => unpinnedPackages(run, { ...DNF, tools: [tool] }).length > 0);
    const shown = tools.map((tool) => `\`${tool} install\``).join(" and ");
    return `Pin the version of ${packages} in ${shown} (\`<package>-<version>\`).`;
  }
);

// src/lint/rules/shell.ts
var shell_exports = {};
__export(shell_exports, {
  DL3001: () => DL3001,
  DL3003: () => DL3003,
  DL3004: () => DL3004,
  DL3046: () => DL3046,
  DL3047: () => DL3047,
  DL3059: () => DL3059,
  DL4001: () => DL4001,
  DL4005: () => DL4005,
  DL4006: () => DL4006
});
var POINTLESS_IN_CONTAINER = /* @__PURE__ */ new Set([
  "ssh",
  "vim",
  "shutdown",
  "service",
  "ps",
  "free",
  "top",
  "kill",
  "mount",
  "ifconfig"
]);
var DL3001 = perCommand(
  {
    id: "DL3001",
    severity: "note",
    summary: "For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig."
  },
  (command) => {
    const name = commandName(command);
    return POINTLESS_IN_CONTAINER.has(name) ? `Remove \`${name}\` from the RUN: it makes no sense while building a container image.` : void 0;
  }
);
var DL3003 = perCommand(
  { id: "DL3003", severity: "warning", summary: "Use WORKDIR to switch to a directory." },
  (command) => commandName(command) === "cd" ? "Use WORKDIR to switch to a directory instead of `cd` in RUN." : void 0
);
var DL3004 = perCommand(
  {
    id: "DL3004",
    severity: "error",
    summary: "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root."
  },
  (command) => usesWrapper(command, "sudo") || commandName(command) === "sudo" ? "Remove sudo: RUN already runs as the current USER; switch with USER, or use gosu at runtime." : void 0
);
var DL3059 = defineRule(
  {
    id: "DL3059",
    severity: "note",
    summary: "Multiple consecutive `RUN` instructions; consider consolidation"
  },
  ({ model }) => {
    const hits = [];
    for (const instructions2 of [model.preamble, ...model.stages.map((stage) => stage.instructions)]) {
      let previous;
      for (const instruction of instructions2) {
        if (instruction.keyword !== "RUN") {
          previous = void 0;
          continue;
        }
        const current = {
          flags: JSON.stringify(instruction.flags),
          commands: runBodyOf(model, instruction)?.commands.length ?? 0
        };
        if (previous && previous.flags === current.flags && previous.commands <= 1 && current.commands <= 1) {
          hits.push(hitAt(instruction, "Merge this RUN into the previous one (with `&&`) to save a layer."));
          continue;
        }
        previous = current;
      }
    }
    return hits;
  }
);
var DL3046 = perRun(
  {
    id: "DL3046",
    aliases: [],
    severity: "warning",
    summary: "`useradd` without `-l` and a high UID makes the image excessively large"
  },
  (run) => {
    const bad = commandsNamed(run, "useradd").filter((command) => {
      if (hasFlag2(command, "-l", "--no-log-init")) return false;
      const args = effectiveArgv(command).slice(1);
      for (let i = 0; i < args.length; i++) {
        const word = args[i];
        let uid;
        if (word === "-u" || word === "--uid") uid = args[i + 1];
        else if (word.startsWith("--uid=")) uid = word.slice(6);
        else if (/^-u\d/.test(word)) uid = word.slice(2);
        if (uid !== void 0 && /^\d+$/.test(uid) && uid.length > 5) return true;
      }
      return false;
    });
    return bad.length > 0 ? "Add `-l` (`--no-log-init`) to `useradd` with a high UID so lastlog does not bloat the image." : void 0;
  }
);
var DL3047 = perRun(
  {
    id: "DL3047",
    aliases: [],
    severity: "note",
    summary: "`wget` without `--progress` bloats the build log"
  },
  (run, { model, stage }) => {
    const noisy = commandsNamed(run, "wget").filter(
      (command) => !hasFlag2(
        command,
        "--progress",
        "--quiet",
        "-nv",
        "--no-verbose",
        "--output-file",
        "--append-output"
      ) && !hasShortOption(command, "q", "o", "a")
    );
    if (noisy.length === 0) return void 0;
    if (stage && hasBusyboxWget(model, stage))
      return "Use `wget -q` so large downloads do not flood the build log (busybox wget quiets its progress meter only with `-q`).";
    return "Use `wget --progress=dot:giga` (or `-q`/`-nv`) so large downloads do not flood the build log.";
  }
);
function hasBusyboxWget(model, stage) {
  const ref = baseRef(rootBase(model, stage));
  if (!ref) return false;
  if (!/^(alpine|busybox)$/.test(imageBasename(ref)) && !/(^|-)alpine/.test(ref.tag ?? "")) return false;
  return !stageChain(model, stage).some(
    (link) => link.instructions.some(
      (instruction) => instruction.keyword === "RUN" && runCommandsOf(model, instruction).some(
        (command) => commandName(command) === "apk" && effectiveArgv(command).includes("add") && effectiveArgv(command).includes("wget")
      )
    )
  );
}
var WGET_VALUE_SHORT = [
  "O",
  "o",
  "a",
  "P",
  "e",
  "U",
  "t",
  "T",
  "w",
  "Q",
  "i",
  "B",
  "l",
  "A",
  "R",
  "D",
  "I",
  "X"
];
function hasShortOption(command, ...letters) {
  for (const word of effectiveArgv(command).slice(1)) {
    if (word === "--") return false;
    const bundle = /^-([A-Za-z]+)/.exec(word)?.[1];
    if (bundle === void 0 || word.startsWith("--")) continue;
    for (const letter of bundle) {
      if (letters.includes(letter)) return true;
      if (WGET_VALUE_SHORT.includes(letter)) break;
    }
  }
  return false;
}
var DL4001 = defineRule(
  {
    id: "DL4001",
    severity: "warning",
    summary: "Use either wget or curl, not both"
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      const seen = /* @__PURE__ */ new Set();
      for (const run of stageRuns(model, stage)) {
        const tools = new Set(commandsNamed(run, "curl", "wget").map(commandName));
        if (tools.size === 0) continue;
        for (const tool of tools) seen.add(tool);
        if (seen.size === 2)
          hits.push(hitAt(run.instruction, "Use either `curl` or `wget` in this stage, not both."));
      }
    }
    return hits;
  }
);
var DL4005 = perRun(
  {
    id: "DL4005",
    aliases: [],
    severity: "warning",
    summary: "Use SHELL to change the default shell"
  },
  (run) => {
    const relinks = commandsNamed(run, "ln").some((command) => {
      const operands = effectiveArgv(command).slice(1).filter((word) => !word.startsWith("-"));
      return operands.length >= 2 && operands[operands.length - 1] === "/bin/sh";
    });
    return relinks ? "Use the `SHELL` instruction to change the default shell instead of relinking `/bin/sh`." : void 0;
  }
);
function hasPipefailOption(words) {
  return words.some((word, i) => /^-[a-z]*o$/.test(word) && words[i + 1] === "pipefail");
}
var PIPEFAIL_SHELLS = /* @__PURE__ */ new Set(["bash", "zsh", "ash"]);
function shellHasPipefail(shell) {
  const program = (shell[0] ?? "").replace(/^.*[\\/]/, "");
  if (isNonPosixShell(shell)) return true;
  return PIPEFAIL_SHELLS.has(program) && hasPipefailOption(shell.slice(1));
}
function scriptSetsPipefail(commands) {
  for (const command of commands) {
    if (command.pipesTo) return false;
    const argv = effectiveArgv(command);
    if (argv[0] === "set" && hasPipefailOption(argv.slice(1))) return true;
  }
  return false;
}
var DL4006 = defineRule(
  {
    id: "DL4006",
    severity: "warning",
    summary: "Set the SHELL option `-o pipefail` before a RUN with a pipe in it"
  },
  ({ model }) => {
    const hits = [];
    for (const run of runBodies(model)) {
      if (run.onbuild || !run.posix || !run.commands.some((command) => command.pipesTo)) continue;
      if (shellHasPipefail(run.shell) || scriptSetsPipefail(run.commands)) continue;
      hits.push(
        hitAt(
          run.instruction,
          'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail`) before this RUN so a failing command in the pipe fails the build.'
        )
      );
    }
    return hits;
  }
);

// src/lint/rules/stagegate-base.ts
var stagegate_base_exports = {};
__export(stagegate_base_exports, {
  SG1001: () => SG1001,
  SG1002: () => SG1002,
  SG1008: () => SG1008,
  SG1013: () => SG1013,
  heavyBaseReason: () => heavyBaseReason,
  stageHasNoShell: () => stageHasNoShell
});
var fromOf = (stage) => stage.instructions[0];
var SG1001 = defineRule(
  {
    id: "SG1001",
    severity: "warning",
    summary: "A FROM image is not pinned by digest (scratch and stage references excepted)."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      if (stage.baseStage !== void 0 || isScratch(stage.base)) continue;
      if (stage.base === "" || stage.base.includes("$") || !parseImageRef(stage.base)) continue;
      if (isDigestPinned(stage.base)) continue;
      hits.push(
        hitAt(
          fromOf(stage),
          `Pin '${stage.base}' by digest (${stage.base.split("@")[0]}@sha256:…) so every build uses the same bytes; let a bot update it.`
        )
      );
    }
    return hits;
  }
);
var TOOLCHAIN_IMAGES = /* @__PURE__ */ new Set([
  "golang",
  "rust",
  "gcc",
  "maven",
  "gradle",
  "buildpack-deps",
  "sbt",
  "clojure",
  "haskell",
  "swift",
  "elixir",
  "erlang",
  "dart",
  "sdk"
]);
var RUNTIME_SLIM_TOOLCHAINS = /* @__PURE__ */ new Set(["swift"]);
var RUNTIME_IMAGES = /* @__PURE__ */ new Set([
  "node",
  "python",
  "ruby",
  "php",
  "perl",
  "openjdk",
  "eclipse-temurin",
  "amazoncorretto",
  "julia",
  "r-base"
]);
var OS_IMAGES = /* @__PURE__ */ new Set([
  "ubuntu",
  "debian",
  "centos",
  "fedora",
  "rockylinux",
  "almalinux",
  "amazonlinux",
  "oraclelinux",
  "archlinux",
  "opensuse",
  "leap",
  "tumbleweed",
  "ubi",
  "ubi8",
  "ubi9"
]);
function heavyBaseReason(ref) {
  const name = imageBasename(ref);
  const tag = (ref.tag ?? "").toLowerCase();
  const path = ref.repository.toLowerCase();
  const shown = path.startsWith("library/") ? path.slice("library/".length) : path;
  if (path.includes("distroless") || path.includes("chainguard") || path.includes("wolfi")) return void 0;
  if (RUNTIME_SLIM_TOOLCHAINS.has(name) && /(^|-)slim($|-)/.test(tag)) return void 0;
  if (TOOLCHAIN_IMAGES.has(name) || name === "openjdk" && tag.includes("jdk") && !tag.includes("jre")) {
    return `'${shown}', a build toolchain image`;
  }
  if (RUNTIME_IMAGES.has(name)) {
    if (/slim|alpine|jre|distroless/.test(tag)) return void 0;
    return `'${shown}${tag ? ":" + tag : ""}', a full image with build tools (a -slim or -alpine variant or distroless would do)`;
  }
  if (OS_IMAGES.has(name)) {
    if (/slim|minimal|micro/.test(tag) || /minimal|micro/.test(name)) return void 0;
    return `'${shown}', a full operating system image`;
  }
  return void 0;
}
var SG1002 = defineRule(
  { id: "SG1002", severity: "warning", summary: "The final stage is based on a toolchain or full-OS image." },
  ({ model }) => {
    const final = model.stages[model.finalStage];
    if (!final) return [];
    const base = rootBase(model, final);
    const ref = parseImageRef(base);
    if (!ref) return [];
    const reason = heavyBaseReason(ref);
    if (!reason) return [];
    return [
      hitAt(
        fromOf(final),
        `The final stage is based on ${reason}: build in an earlier stage and copy the artifact onto a slim, distroless or scratch base.`
      )
    ];
  }
);
function defaultsToNonRoot(ref) {
  if (!ref) return false;
  const tag = (ref.tag ?? "").toLowerCase();
  return tag.includes("nonroot") || tag.includes("rootless") || ref.registry === "cgr.dev";
}
var SG1008 = defineRule(
  {
    id: "SG1008",
    severity: "warning",
    summary: "The final stage sets no USER, so the container runs as root."
  },
  ({ model }) => {
    const final = model.stages[model.finalStage];
    if (!final || final.user !== void 0) return [];
    if (defaultsToNonRoot(parseImageRef(rootBase(model, final)))) return [];
    return [
      hitAt(
        fromOf(final),
        "Add a USER instruction (e.g. `USER 10001:10001`) to the final stage: without it the container runs as root."
      )
    ];
  }
);
function stageHasNoShell(model, stage) {
  const base = rootBase(model, stage);
  const ref = parseImageRef(base);
  const shellless = isScratch(base) || ref !== void 0 && ref.repository.includes("distroless") && !(ref.tag ?? "").includes("debug") || ref !== void 0 && ref.registry === "cgr.dev" && /static/.test(ref.repository);
  if (!shellless) return false;
  for (const link of stageChain(model, stage)) {
    for (const instruction of link.instructions) {
      if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") continue;
      const { sources, dest } = copyPaths(instruction);
      if ([...sources, dest ?? ""].some((path) => /busybox|\/bin\/(ba)?sh$|^\/bin\/?$/.test(path))) return false;
    }
  }
  return true;
}
var SG1013 = defineRule(
  {
    id: "SG1013",
    severity: "error",
    summary: "Shell-form CMD or ENTRYPOINT in a final stage that has no shell (scratch, distroless)."
  },
  ({ model }) => {
    const final = model.stages[model.finalStage];
    if (!final || !stageHasNoShell(model, final)) return [];
    const hits = [];
    for (const keyword of ["CMD", "ENTRYPOINT"]) {
      const last = [...final.instructions].reverse().find((instruction) => instruction.keyword === keyword);
      if (last && !last.jsonForm && last.args !== "") {
        const example = /[|&;<>$`*?()]/.test(last.args) ? '["/app", "--flag"]' : JSON.stringify(last.argv);
        hits.push(
          hitAt(
            last,
            `Write ${keyword} in JSON form (${keyword} ${example}): the final image has no /bin/sh to run the shell form, so the container cannot start.`
          )
        );
      }
    }
    return hits;
  }
);

// src/lint/rules/stagegate-copy.ts
var stagegate_copy_exports = {};
__export(stagegate_copy_exports, {
  SG1004: () => SG1004,
  SG1005: () => SG1005,
  SG1007: () => SG1007,
  SG1009: () => SG1009,
  SG1011: () => SG1011,
  SG1014: () => SG1014,
  SG1015: () => SG1015,
  SG1030: () => SG1030,
  looksLikeSecretFile: () => looksLikeSecretFile
});
function copies(stage) {
  return stage.instructions.filter(
    (instruction) => instruction.keyword === "COPY" || instruction.keyword === "ADD"
  );
}
function normalizeDir(path) {
  return "/" + cleanPath(path);
}
var WORKTREE_DIRS = /* @__PURE__ */ new Set([
  "/app",
  "/src",
  "/usr/src/app",
  "/usr/src",
  "/go/src",
  "/workspace",
  "/code",
  "/project",
  "/opt/app-root/src",
  "/home/app",
  "/srv/app"
]);
var BUILD_TOOLS = /* @__PURE__ */ new Set([
  "make",
  "gmake",
  "cmake",
  "ninja",
  "meson",
  "configure",
  "autoreconf",
  "go",
  "cargo",
  "rustc",
  "gcc",
  "cc",
  "g++",
  "clang",
  "npm",
  "npx",
  "yarn",
  "pnpm",
  "bun",
  "mvn",
  "mvnw",
  "gradle",
  "gradlew",
  "ant",
  "sbt",
  "dotnet",
  "pip",
  "pip3",
  "poetry",
  "uv",
  "bazel",
  "tsc",
  "composer",
  "bundle",
  "mix",
  "swift",
  "cabal",
  "stack",
  "zig"
]);
var OUTPUT_FLAGS = [
  "-o",
  "--output",
  "--out",
  "--outdir",
  "--out-dir",
  "--output-dir",
  "--prefix",
  "--bindir",
  "--sbindir",
  "--libdir",
  "--target-dir",
  "--root",
  "--destdir",
  "--dest",
  "--install-dir",
  "--wheel-dir",
  "--target",
  "--target-directory"
];
var TOOL_OUTPUT_FLAGS = {
  cp: ["-t"],
  mv: ["-t"],
  install: ["-t"],
  ln: ["-t"],
  pip: ["-t", "-w"],
  pip3: ["-t", "-w"],
  wget: ["-O", "-P", "--output-document", "--directory-prefix"]
};
var OUTPUT_FLAGS_OF = new Map(
  Object.entries(TOOL_OUTPUT_FLAGS).map(([tool, flags]) => [tool, [...OUTPUT_FLAGS, ...flags]])
);
var OUTPUT_VARIABLES = /* @__PURE__ */ new Set([
  "GOBIN",
  "PREFIX",
  "prefix",
  "DESTDIR",
  "BINDIR",
  "bindir",
  "CARGO_TARGET_DIR",
  "CARGO_INSTALL_ROOT"
]);
var COPY_VALUE_OPTIONS = ["-m", "--mode", "-o", "--owner", "-g", "--group", "-S", "--suffix"];
var GIT_CLONE_VALUE_OPTIONS = [
  "-b",
  "--branch",
  "-o",
  "--origin",
  "-c",
  "--config",
  "--depth",
  "--reference",
  "-j",
  "--jobs",
  "--filter",
  "-u",
  "--upload-pack",
  "--template",
  "--separate-git-dir",
  "--shallow-since",
  "--shallow-exclude"
];
function tarExtract(args) {
  let extract = false;
  let archive;
  let dir;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const bundle = /^-[A-Za-z]+$/.test(word) ? word.slice(1) : i === 0 && /^[A-Za-z]+$/.test(word) ? word : void 0;
    if (bundle !== void 0) {
      if (bundle.includes("x")) extract = true;
      if (bundle.endsWith("f")) archive = args[i + 1];
      if (bundle.endsWith("C")) dir = args[i + 1];
    } else if (word === "--extract" || word === "--get") extract = true;
    else if (word === "--file" || word === "--directory") {
      if (word === "--file") archive = args[i + 1];
      else dir = args[i + 1];
    } else if (word.startsWith("--file=")) archive = word.slice("--file=".length);
    else if (word.startsWith("--directory=")) dir = word.slice("--directory=".length);
  }
  if (!extract) return void 0;
  return { ...archive !== void 0 ? { archive } : {}, ...dir !== void 0 ? { dir } : {} };
}
function unzipExtract(args) {
  const archive = positionalArgs(args, ["-d", "-x"])[0];
  const d = args.indexOf("-d");
  const dir = d >= 0 ? args[d + 1] : void 0;
  return { ...archive !== void 0 ? { archive } : {}, ...dir !== void 0 ? { dir } : {} };
}
function resolveIn(cwd, path) {
  if (cwd === void 0 || path.includes("$") || path === "") return void 0;
  return normalizeDir(path.startsWith("/") ? path : `${cwd}/${path}`);
}
function within(path, dir) {
  return path !== void 0 && (path === dir || path.startsWith(dir + "/"));
}
function outputTargets(name, args) {
  const flags = OUTPUT_FLAGS_OF.get(name) ?? OUTPUT_FLAGS;
  const values = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === "--") break;
    if (word[0] !== "-" && !word.includes("=")) continue;
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(word);
    if (assignment && OUTPUT_VARIABLES.has(assignment[1])) values.push(assignment[2]);
    for (const flag of flags) {
      if (word === flag && i + 1 < args.length) values.push(args[i + 1]);
      else if (flag.startsWith("--") && word.startsWith(flag + "=")) values.push(word.slice(flag.length + 1));
      else if (flag === "-o" && word.startsWith("-o/")) values.push(word.slice(2));
    }
  }
  return values.filter((value) => !/[:=]/.test(value));
}
function dirEvidence(context, stage, dir) {
  const { model } = context;
  const evidence = {
    source: false,
    build: false,
    contextFiles: false,
    output: false,
    unpacked: false,
    downloads: /* @__PURE__ */ new Set()
  };
  let cwd = "/";
  for (const current of stageChain(model, stage).reverse()) {
    for (const instruction of current.instructions) {
      switch (instruction.keyword) {
        case "WORKDIR":
          cwd = resolveIn(cwd, instruction.argv.join(" "));
          break;
        case "ENV":
        case "ARG":
          for (const { key, rawValue } of keyValuePairs(instruction))
            if (OUTPUT_VARIABLES.has(key) && rawValue !== void 0 && within(resolveIn(cwd, unquoteRaw(rawValue, escapeOf(model))), dir))
              evidence.output = true;
          break;
        case "COPY":
        case "ADD":
          copyEvidence(context, instruction, cwd, dir, evidence);
          break;
        case "RUN":
          runEvidence(model, instruction, cwd, dir, evidence);
          break;
      }
    }
  }
  return evidence;
}
function copyEvidence(context, instruction, cwd, dir, evidence) {
  const { sources, dest } = copyPaths(instruction);
  if (dest === void 0) return;
  if (instruction.keyword === "ADD" && !hasFlag(instruction, "from"))
    for (const source of sources.filter(isDownload)) {
      const file = resolveIn(cwd, dest.endsWith("/") ? dest + basename4(source) : dest);
      if (file !== void 0) evidence.downloads.add(file);
    }
  if (!within(resolveIn(cwd, dest), dir)) return;
  if (!hasFlag(instruction, "from")) {
    if (sources.some((source) => isWholeTree(source) || /(\.git|\.git#.*)$|^git@/.test(source)))
      evidence.source = true;
    else evidence.contextFiles = true;
    return;
  }
  const from = copiedStage(context.model, instruction);
  if (from && sources.some((source) => copiesWorkingTree(context, from, source))) evidence.source = true;
  else evidence.output = true;
}
function runEvidence(model, instruction, workdir, dir, evidence) {
  let cwd = workdir;
  let previous;
  for (const command of runCommandsOf(model, instruction)) {
    const name = commandName(command);
    const args = effectiveArgv(command).slice(1);
    const fedByDownload = command.pipedFrom === true && previous !== void 0 && ["curl", "wget"].includes(commandName(previous));
    previous = command;
    if (name === "curl" || name === "wget") {
      const file = flagValue2(
        command,
        ...name === "curl" ? ["-o", "--output"] : ["-O", "--output-document"]
      );
      const resolved = file !== void 0 && file !== "-" ? resolveIn(cwd, file) : void 0;
      if (resolved !== void 0) evidence.downloads.add(resolved);
    }
    const unpacked = name === "tar" ? tarExtract(args) : name === "unzip" ? unzipExtract(args) : void 0;
    if (unpacked) {
      const archive = unpacked.archive !== void 0 ? resolveIn(cwd, unpacked.archive) : void 0;
      const downloaded = archive !== void 0 && evidence.downloads.has(archive) || fedByDownload && (unpacked.archive === void 0 || unpacked.archive === "-");
      const into = unpacked.dir !== void 0 ? resolveIn(cwd, unpacked.dir) : cwd;
      if (downloaded && within(into, dir)) evidence.unpacked = true;
      continue;
    }
    if (name === "cd") {
      cwd = args[0] === void 0 ? void 0 : resolveIn(cwd, args[0]);
      continue;
    }
    if (command.env.some(
      ({ name: key, value }) => OUTPUT_VARIABLES.has(key) && within(resolveIn(cwd, value), dir)
    ))
      evidence.output = true;
    if (outputTargets(name, args).some((target) => within(resolveIn(cwd, target), dir))) evidence.output = true;
    if (name === "git") {
      const cloned = subcommandArgs(command, "clone");
      if (cloned) {
        const [repo, target] = positionalArgs(cloned, GIT_CLONE_VALUE_OPTIONS);
        const into = target ?? repo?.replace(/\/+$/, "").replace(/\.git$/, "").split(/[/:]/).pop();
        if (into !== void 0 && within(resolveIn(cwd, into), dir)) evidence.source = true;
      }
    } else if (["cp", "mv", "install", "ln", "rsync"].includes(name)) {
      const paths = positionalArgs(args, COPY_VALUE_OPTIONS);
      if (paths.length >= 2 && within(resolveIn(cwd, paths[paths.length - 1]), dir))
        evidence.output = true;
    } else if (BUILD_TOOLS.has(name) && within(cwd, dir)) evidence.build = true;
  }
}
function holdsWorkingTree(context, stage, dir) {
  const key = `${stage.index}:${dir}`;
  const known = context.memo.get(key);
  if (known !== void 0) return known;
  context.memo.set(key, false);
  let verdict;
  if (context.depth > 8) verdict = WORKTREE_DIRS.has(dir);
  else {
    context.depth++;
    const evidence = dirEvidence(context, stage, dir);
    context.depth--;
    const workdir = stage.workdir !== void 0 ? normalizeDir(stage.workdir) : void 0;
    if (evidence.source || evidence.build) verdict = true;
    else if (evidence.unpacked) verdict = false;
    else if (workdir === dir && dir !== "/") verdict = !(evidence.output && !evidence.contextFiles);
    else if (evidence.output) verdict = false;
    else verdict = WORKTREE_DIRS.has(dir);
  }
  context.memo.set(key, verdict);
  return verdict;
}
function copiedStage(model, instruction) {
  const edge = model.edges.find((e) => e.kind === "copy" && e.line === instruction.line);
  return edge?.from !== void 0 ? model.stages[edge.from] : void 0;
}
function copiesWorkingTree(context, stage, path) {
  if (path.includes("$")) return false;
  const dir = isWholeTree(path) ? "/" : normalizeDir(path);
  if (dir === "/") return wholeFilesystemIsTree(context, stage);
  return holdsWorkingTree(context, stage, dir);
}
function wholeFilesystemIsTree(context, stage) {
  const { model } = context;
  if (!isScratch(rootBase(model, stage))) return true;
  const key = `${stage.index}:*`;
  const known = context.memo.get(key);
  if (known !== void 0) return known;
  context.memo.set(key, true);
  let verdict = false;
  if (context.depth > 8) verdict = true;
  else {
    context.depth++;
    for (const current of stageChain(model, stage)) {
      for (const instruction of current.instructions) {
        if (instruction.keyword === "RUN") verdict = true;
        if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") continue;
        const { sources } = copyPaths(instruction);
        if (!hasFlag(instruction, "from")) {
          const downloads = instruction.keyword === "ADD" && sources.every(isDownload);
          if (!downloads) verdict = true;
          continue;
        }
        const from = copiedStage(model, instruction);
        if (from && sources.some((source) => copiesWorkingTree(context, from, source))) verdict = true;
      }
      if (verdict) break;
    }
    context.depth--;
  }
  context.memo.set(key, verdict);
  return verdict;
}
function isDownload(source) {
  return /^https?:\/\//i.test(source) && !/\.git(#.*)?$/.test(source);
}
var SG1004 = defineRule(
  {
    id: "SG1004",
    severity: "warning",
    summary: "A COPY --from copies a whole working tree or directory where a named artifact should be copied."
  },
  ({ model }) => {
    const hits = [];
    const context = { model, memo: /* @__PURE__ */ new Map(), depth: 0 };
    for (const edge of model.edges) {
      if (edge.kind !== "copy" || edge.from === void 0) continue;
      const source = model.stages[edge.from];
      const target = model.stages[edge.to];
      const instruction = target ? instructionAt(model, edge.line) : void 0;
      if (!source || !instruction) continue;
      for (const path of edge.sources) {
        if (path === "/" || path.includes("$")) continue;
        const dir = isWholeTree(path) ? "/" : normalizeDir(path);
        if (dir === "/") {
          if (!wholeFilesystemIsTree(context, source)) continue;
          hits.push(
            hitAt(
              instruction,
              `Copy the built artifact by name instead of '${path}' (the whole filesystem of stage ${stageLabel(source)}).`
            )
          );
          continue;
        }
        if (holdsWorkingTree(context, source, dir)) {
          hits.push(
            hitAt(
              instruction,
              `Copy the built artifact by name instead of the whole working tree '${path}' of stage ${stageLabel(source)}: sources, caches and build tools come along.`
            )
          );
        }
      }
    }
    return hits;
  }
);
function stageLabel(stage) {
  return stage.name !== void 0 ? `'${stage.name}'` : String(stage.index);
}
var MUST_IGNORE = [
  { label: ".git", samples: [".git"] },
  { label: ".env", samples: [".env"] },
  { label: "key files (*.pem, *.key)", samples: ["server.key", "private.pem"] }
];
var SG1005 = defineRule(
  {
    id: "SG1005",
    severity: "warning",
    summary: "The whole build context is copied with no .dockerignore, or one that does not exclude .git, .env and key files."
  },
  ({ model, dockerignore }) => {
    if (dockerignore === void 0) return [];
    const hits = [];
    for (const stage of model.stages) {
      for (const instruction of copies(stage)) {
        if (hasFlag(instruction, "from")) continue;
        if (!copyPaths(instruction).sources.some(isWholeTree)) continue;
        if (dockerignore === null) {
          hits.push(
            hitAt(
              instruction,
              "Add a .dockerignore that excludes .git, .env and key files: this copies the whole build context."
            )
          );
          continue;
        }
        const missing = MUST_IGNORE.filter(
          (entry) => !entry.samples.some((sample) => isIgnored(sample, dockerignore))
        ).map((e) => e.label);
        if (missing.length > 0)
          hits.push(
            hitAt(
              instruction,
              `Exclude ${missing.join(", ")} in .dockerignore: this copies the whole build context into the image.`
            )
          );
      }
    }
    return hits;
  }
);
var SECRET_FILE = /^(id_(rsa|dsa|ecdsa|ed25519)|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.env(\..+)?|credentials(\.json)?|.*\.(pem|key|p12|pfx|jks|keystore)|.*secrets?\.(json|ya?ml|env|txt)|kubeconfig|\.dockercfg|config\.json)$/i;
function basename4(path) {
  const clean = path.replace(/\/+$/, "");
  return clean.slice(clean.lastIndexOf("/") + 1);
}
var PUBLIC_PART = /^(public|pub|pubkey|publickey|pubkeys|publickeys)$/;
var CERTIFICATE_PART = /^(cert|certs|certificate|certificates|crt|ca|cacert|cacerts|chain|fullchain|bundle)$/;
var PRIVATE_PART = /^(private|priv|privkey|privatekey|secret|secrets|key|keys)$/;
var TRUSTSTORE_PART = /^(truststore|cacerts)$/;
function isPublicKeyMaterial(name) {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const parts = (dot > 0 ? name.slice(0, dot) : name).toLowerCase().split(/[^a-z0-9]+/);
  const says = (pattern) => parts.some((part) => pattern.test(part));
  if (says(PUBLIC_PART))
    return !parts.some((part) => part !== "keys" && part !== "key" && PRIVATE_PART.test(part));
  if (says(PRIVATE_PART)) return false;
  if (extension === "pem") return says(CERTIFICATE_PART);
  if (extension === "jks" || extension === "keystore" || extension === "p12" || extension === "pfx")
    return says(TRUSTSTORE_PART);
  return false;
}
function looksLikeSecretFile(path) {
  const name = basename4(path);
  if (name === "config.json") return /(^|\/)\.docker\//.test(path);
  return SECRET_FILE.test(name) && !isPublicKeyMaterial(name);
}
var SG1007 = defineRule(
  {
    id: "SG1007",
    severity: "error",
    summary: "A secret-looking file is copied in one layer and deleted in a later one: it stays in the earlier layer."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      for (const copy of copies(stage)) {
        const { sources, dest } = copyPaths(copy);
        const secrets = sources.filter(looksLikeSecretFile);
        if (dest !== void 0 && !dest.endsWith("/") && looksLikeSecretFile(dest) && sources.length === 1)
          secrets.push(dest);
        if (secrets.length === 0) continue;
        const names = new Set(secrets.map(basename4));
        const later = laterInstructions(model, stage, copy);
        const deletion = later.find(
          (instruction) => instruction.keyword === "RUN" && runCommandsOf(model, instruction).some(
            (command) => commandName(command) === "rm" && positionalArgs(effectiveArgv(command).slice(1)).some((arg) => names.has(basename4(arg)))
          )
        );
        if (deletion)
          hits.push(
            hitAt(
              copy,
              `'${[...names].join("', '")}' stays in this ${copy.keyword} layer although line ${deletion.line} deletes it: use RUN --mount=type=secret instead of copying it.`
            )
          );
      }
    }
    return hits;
  }
);
function laterInstructions(model, stage, instruction) {
  const result = stage.instructions.filter((i) => i.line > instruction.line);
  for (const other of model.stages) {
    if (other.index !== stage.index && stageChain(model, other).includes(stage))
      result.push(...other.instructions.slice(1));
  }
  return result;
}
var SG1009 = defineRule(
  { id: "SG1009", severity: "warning", summary: "COPY --from refers to a stage by number." },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      for (const instruction of copies(stage)) {
        const from = flagValue(instruction, "from");
        if (from !== void 0 && /^\d+$/.test(from.trim())) {
          const target = model.stages[Number(from)];
          const suggestion = target?.name !== void 0 ? ` (--from=${target.name})` : ` (name it with FROM … AS <name>)`;
          hits.push(
            hitAt(
              instruction,
              `Refer to the stage by name instead of --from=${from}${suggestion}: numbers break when stages are added.`
            )
          );
        }
      }
    }
    return hits;
  }
);
var SG1011 = defineRule(
  { id: "SG1011", severity: "warning", summary: "ADD of a remote URL without --checksum." },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "ADD" || hasFlag(instruction, "checksum")) continue;
        const url = copyPaths(instruction).sources.find((source) => /^https?:\/\//i.test(source));
        if (url)
          hits.push(
            hitAt(
              instruction,
              `Add --checksum=sha256:… to verify ${url}: without it a changed or tampered download is used silently.`
            )
          );
      }
    }
    return hits;
  }
);
var NODE_INSTALLERS = {
  npm: ["install", "i", "ci", "add"],
  yarn: ["install", "add"],
  pnpm: ["install", "i", "add"]
};
var PRODUCTION_INSTALL = {
  npm: "`npm ci --omit=dev` (or `npm prune --omit=dev`)",
  yarn: "`yarn install --production` (Yarn 2+: `yarn workspaces focus --production`)",
  pnpm: "`pnpm install --prod` (or `pnpm prune --prod`)"
};
function devDependencyInstaller(model, stage) {
  let installer;
  const globals = globalArgDefaults(model);
  const escape2 = escapeOf(model);
  const env = /* @__PURE__ */ new Map();
  for (const link of [...stageChain(model, stage)].reverse()) {
    const args = /* @__PURE__ */ new Map();
    const lookup = (name) => env.get(name) ?? args.get(name);
    for (const instruction of link.instructions) {
      if (instruction.keyword === "ARG") {
        for (const word of instruction.argv) {
          const { key, value } = splitKeyValue(word);
          const resolved = value !== void 0 ? expandVariables(value, lookup, void 0, escape2) : globals.get(key);
          if (resolved !== void 0) args.set(key, resolved);
        }
        continue;
      }
      if (instruction.keyword === "ENV") {
        const pairs = keyValuePairs(instruction).map(({ key, rawValue }) => ({
          key,
          value: expandVariables(unquoteRaw(rawValue ?? "", escape2), lookup, void 0, escape2)
        }));
        for (const { key, value } of pairs) env.set(key, value);
        continue;
      }
      if (instruction.keyword !== "RUN") continue;
      const productionEnv = lookup("NODE_ENV") === "production";
      for (const command of runCommandsOf(model, instruction)) {
        const name = commandName(command);
        if (name === "rm" && removedPaths([command]).some((path) => /(^|\/)node_modules\/?$/.test(path))) {
          installer = void 0;
          continue;
        }
        const subcommands = NODE_INSTALLERS[name];
        if (!subcommands) continue;
        const production = productionEnv || hasFlag2(
          command,
          "--production",
          "--prod",
          "--omit=dev",
          "--only=production",
          "--only=prod",
          "-P"
        );
        if (name === "npm" && subcommandArgs(command, "prune") !== void 0) {
          if (production) installer = void 0;
          continue;
        }
        const isInstall = subcommandArgs(command, ...subcommands) !== void 0 || name === "yarn" && command.argv.length === 1;
        if (isInstall) installer = production ? void 0 : name;
      }
    }
  }
  return installer;
}
var SG1014 = defineRule(
  {
    id: "SG1014",
    severity: "warning",
    summary: "node_modules is copied into the final stage from a stage that installed dev dependencies."
  },
  ({ model }) => {
    const final = model.stages[model.finalStage];
    if (!final) return [];
    const hits = [];
    for (const edge of model.edges) {
      if (edge.kind !== "copy" || edge.to !== final.index || edge.from === void 0) continue;
      const source = model.stages[edge.from];
      if (!source) continue;
      const workdir = source.workdir !== void 0 ? normalizeDir(source.workdir) : void 0;
      const carriesModules = edge.sources.some(
        (path) => path.includes("node_modules") || workdir !== void 0 && normalizeDir(path) === workdir || isWholeTree(path)
      );
      if (!carriesModules) continue;
      const installer = devDependencyInstaller(model, source);
      if (installer === void 0) continue;
      const instruction = instructionAt(model, edge.line);
      if (instruction)
        hits.push(
          hitAt(
            instruction,
            `This copies node_modules with dev dependencies from stage ${stageLabel(source)}: install with ${PRODUCTION_INSTALL[installer] ?? "production dependencies only"} in that stage first.`
          )
        );
    }
    return hits;
  }
);
var SG1015 = defineRule(
  {
    id: "SG1015",
    severity: "warning",
    summary: "RUN chmod/chown right after a COPY in the final stage: use COPY --chmod/--chown."
  },
  ({ model }) => {
    const final = model.stages[model.finalStage];
    if (!final) return [];
    const hits = [];
    final.instructions.forEach((copy, i) => {
      if (copy.keyword !== "COPY" && copy.keyword !== "ADD") return;
      const next2 = final.instructions[i + 1];
      if (!next2 || next2.keyword !== "RUN") return;
      const dest = copyPaths(copy).dest;
      if (dest === void 0) return;
      const commands = runCommandsOf(model, next2);
      for (const [at, command] of commands.entries()) {
        const name = commandName(command);
        if (name !== "chmod" && name !== "chown") continue;
        const flag = name === "chmod" ? "chmod" : "chown";
        if (hasFlag(copy, flag)) continue;
        const targets = positionalArgs(effectiveArgv(command).slice(1)).slice(1);
        const removed = removedPaths(commands.slice(at + 1));
        const kept = (target) => !removed.some((path) => isSameOrUnder(target, path));
        if (targets.some((target) => changesAllCopied(target, copyPaths(copy).sources, dest) && kept(target))) {
          hits.push(
            hitAt(
              next2,
              `Use \`${copy.keyword} --${flag}=…\` on line ${copy.line} instead of a separate RUN ${name}: it duplicates the copied files in a new layer.`
            )
          );
          return;
        }
      }
    });
    return hits;
  }
);
function removedPaths(commands) {
  return commands.filter((command) => commandName(command) === "rm").flatMap((command) => positionalArgs(effectiveArgv(command).slice(1)));
}
var strip = (path) => path.length > 1 ? path.replace(/\/+$/, "") : path;
function isSameOrUnder(path, dir) {
  const a = strip(path);
  const b = strip(dir);
  return a === b || a.startsWith(b === "/" ? "/" : `${b}/`);
}
function changesAllCopied(target, sources, dest) {
  if (strip(target) === strip(dest)) return sources.length === 1 || dest.endsWith("/");
  if (sources.length !== 1 || !dest.endsWith("/")) return false;
  const source = sources[0];
  if (/[*?[]/.test(source) || isWholeTree(source)) return false;
  const name = strip(source).split("/").pop() ?? "";
  return name !== "" && strip(target) === `${strip(dest)}/${name}`;
}
var SG1030 = defineRule(
  {
    id: "SG1030",
    severity: "error",
    summary: "A COPY/ADD/RUN flag that takes a value is written without `=` (`--from build`): BuildKit refuses it."
  },
  ({ model }) => {
    const hits = [];
    for (const instruction of instructionsWithTriggers(model)) {
      if (!["COPY", "ADD", "RUN"].includes(instruction.keyword)) continue;
      for (const flag of instruction.flags) {
        if (!isMissingValue(flag)) continue;
        const next2 = instruction.argv[0];
        hits.push(
          hitAt(
            instruction,
            `Write \`--${flag.name}=${next2 ?? "VALUE"}\`: \`--${flag.name}\` takes its value after \`=\`, and BuildKit fails on \`--${flag.name} ${next2 ?? ""}\`.`.replace(
              " `.",
              "`."
            )
          )
        );
      }
    }
    return hits;
  }
);

// src/lint/rules/stagegate-run.ts
var stagegate_run_exports = {};
__export(stagegate_run_exports, {
  KNOWN_INSTRUCTIONS: () => KNOWN_INSTRUCTIONS,
  SG1000: () => SG1000,
  SG1003: () => SG1003,
  SG1006: () => SG1006,
  SG1010: () => SG1010,
  SG1012: () => SG1012,
  SG1016: () => SG1016,
  dependencyInstall: () => dependencyInstall,
  osInstallCommand: () => osInstallCommand
});
var OS_INSTALLS = {
  "apt-get": ["install"],
  apt: ["install"],
  aptitude: ["install"],
  apk: ["add"],
  yum: ["install", "groupinstall", "localinstall"],
  dnf: ["install", "groupinstall"],
  microdnf: ["install"],
  tdnf: ["install"],
  zypper: ["install", "in"],
  pacman: ["-S", "-Sy", "-Syu"],
  emerge: []
};
function osInstallCommand(command) {
  const name = commandName(command);
  const subcommands = OS_INSTALLS[name];
  if (subcommands === void 0) return void 0;
  if (name === "pacman") return effectiveArgv(command).some((word) => /^-S/.test(word)) ? name : void 0;
  if (subcommands.length === 0) return name;
  return subcommandArgs(command, ...subcommands) !== void 0 ? name : void 0;
}
var TOOLCHAIN = /^(gcc|g\+\+|cc|c\+\+|clang|llvm|make|cmake|ninja|ninja-build|autoconf|automake|libtool|pkg-?config|pkgconf|build-essential|build-base|alpine-sdk|binutils|golang|go|rustc|cargo|maven|gradle|openjdk-\d+-jdk|java-[\d.]+-openjdk-devel|gcc-c\+\+|musl-dev|linux-headers|kernel-headers)(?:[=<>~:].*)?$|-(dev|devel)(?:[=<>~:].*)?$/;
var REMOVES = {
  "apt-get": ["remove", "purge", "autoremove"],
  apt: ["remove", "purge", "autoremove"],
  apk: ["del"],
  yum: ["remove", "erase", "autoremove"],
  dnf: ["remove", "erase", "autoremove"],
  microdnf: ["remove"],
  zypper: ["remove", "rm"]
};
var VALUE_OPTIONS = {
  "apt-get": APT_GET_VALUE_OPTIONS,
  apt: APT_GET_VALUE_OPTIONS,
  aptitude: APT_GET_VALUE_OPTIONS,
  apk: APK_VALUE_OPTIONS,
  yum: RPM_VALUE_OPTIONS,
  dnf: RPM_VALUE_OPTIONS,
  microdnf: RPM_VALUE_OPTIONS,
  tdnf: RPM_VALUE_OPTIONS,
  zypper: ZYPPER_VALUE_OPTIONS
};
var APT_FAMILY = /* @__PURE__ */ new Set(["apt-get", "apt", "aptitude"]);
var packageName = (word) => word.replace(/[=<>~:].*$/, "");
var MATCHES_ALL = /^\^?(\.\*|\*|\.\+)\$?$/;
var SG1003 = defineRule(
  {
    id: "SG1003",
    severity: "note",
    summary: "Build toolchain or -dev packages are installed in the final stage and not removed."
  },
  ({ model }) => {
    const final = model.stages[model.finalStage];
    if (!final) return [];
    const hits = [];
    for (const instruction of final.instructions) {
      if (instruction.keyword !== "RUN") continue;
      const commands = runCommandsOf(model, instruction);
      const installed = /* @__PURE__ */ new Map();
      const markedAuto = /* @__PURE__ */ new Set();
      for (const command of commands) {
        const name = commandName(command);
        const valueOptions = VALUE_OPTIONS[name] ?? [];
        const manager = osInstallCommand(command);
        if (manager !== void 0) {
          for (const word of positionalArgs(effectiveArgv(command).slice(1), valueOptions).slice(1))
            if (TOOLCHAIN.test(word)) {
              installed.set(packageName(word), manager);
              markedAuto.delete(packageName(word));
            }
          continue;
        }
        if (name === "apt-mark") {
          const [sub, ...marks] = positionalArgs(effectiveArgv(command).slice(1));
          if (sub === "auto" || sub === "markauto") {
            for (const mark of marks)
              for (const pkg of installed.keys())
                if (MATCHES_ALL.test(mark) || mark === pkg) markedAuto.add(pkg);
          } else if (sub === "manual" || sub === "unmarkauto") {
            for (const mark of marks) markedAuto.delete(packageName(mark));
          }
          continue;
        }
        const removes = REMOVES[name];
        const removeArgs = removes ? subcommandArgs(command, ...removes) : void 0;
        if (removeArgs === void 0) continue;
        const removed = positionalArgs(removeArgs, valueOptions);
        for (const word of removed) installed.delete(packageName(word));
        if (APT_FAMILY.has(name)) {
          const autoRemove = effectiveArgv(command).includes("autoremove") || hasFlag2(command, "--auto-remove", "--autoremove") || effectiveArgv(command).some(
            (word) => /^(-o)?APT::Get::AutomaticRemove=(1|true|yes|on)$/i.test(word)
          );
          if (autoRemove) for (const pkg of markedAuto) installed.delete(pkg);
          continue;
        }
        if (removed.length === 0 || removed.some((word) => word.startsWith("."))) installed.clear();
      }
      if (installed.size === 0) continue;
      const names = [...installed.keys()];
      const shown = names.slice(0, 4).map((name) => `\`${name}\``).join(", ");
      const more = names.length > 4 ? ` and ${names.length - 4} more` : "";
      hits.push(
        hitAt(
          instruction,
          `${shown}${more} build software but ship in the final image: install them in a build stage and copy the result, or remove them in the same RUN.`
        )
      );
    }
    return hits;
  }
);
var SG1006 = defineRule(
  {
    id: "SG1006",
    severity: "error",
    summary: "A credential passed through ARG or ENV is used in a RUN (use RUN --mount=type=secret)."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      const secrets = /* @__PURE__ */ new Map();
      for (const instruction of stage.instructions) {
        if (instruction.keyword === "ARG" || instruction.keyword === "ENV") {
          for (const pair of keyValuePairs(instruction)) {
            const value = pair.rawValue === void 0 ? void 0 : unquoteRaw(pair.rawValue);
            if (isCredentialName(pair.key) && isSensitiveName(pair.key) && !isNotASecretValue(value))
              secrets.set(pair.key, instruction);
            else secrets.delete(pair.key);
          }
          continue;
        }
        if (instruction.keyword !== "RUN" || secrets.size === 0) continue;
        const run = runBodyOf(model, instruction);
        if (!run) continue;
        const used = /* @__PURE__ */ new Set();
        for (const command of run.commands) {
          if (NOT_A_CREDENTIAL_USE.has(commandName(command))) continue;
          for (const name of referencedVariables(command.raw)) if (secrets.has(name)) used.add(name);
        }
        for (const name of used) {
          const declared = secrets.get(name);
          hits.push(
            hitAt(
              instruction,
              `Pass ${name} with RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} instead of ${declared.keyword} (line ${declared.line}): build args and env stay in the image metadata and cache.`,
              `$${name}`
            )
          );
        }
      }
    }
    return hits;
  }
);
var NOT_A_CREDENTIAL_USE = /* @__PURE__ */ new Set([
  "gpg",
  "gpg2",
  "apt-key",
  "cat",
  "cp",
  "mv",
  "chmod",
  "chown",
  "test",
  "[",
  "ls",
  "rm"
]);
function isNotASecretValue(value) {
  if (value === void 0 || value === "" || value.includes("$")) return false;
  return /^(\/|\.\/|~\/)/.test(value) || /^(0x)?[0-9A-Fa-f]{8,}( [0-9A-Fa-f]{8,})*$/.test(value);
}
function dependencyInstall(command) {
  const name = commandName(command);
  const argv = effectiveArgv(command);
  const has = (...words) => subcommandArgs(command, ...words) !== void 0;
  switch (name) {
    case "npm":
      return has("install", "i", "ci") && !isGlobal(command) ? `npm ${argv[1] ?? "install"}` : void 0;
    case "yarn":
      return argv.length === 1 || has("install") ? "yarn install" : void 0;
    case "pnpm":
      return has("install", "i") && !isGlobal(command) ? "pnpm install" : void 0;
    case "pip":
    case "pip3":
      return has("install") && argv.some((word) => word === "-r" || word.startsWith("--requirement") || /^-r\S/.test(word)) ? `${name} install -r` : void 0;
    case "pipenv":
    case "poetry":
    case "bundle":
    case "composer":
      return has("install") ? `${name} install` : void 0;
    case "go":
      return has("mod") && argv.includes("download") ? "go mod download" : void 0;
    case "cargo":
      return has("fetch") ? "cargo fetch" : void 0;
    case "dotnet":
      return has("restore") ? "dotnet restore" : void 0;
    case "mvn":
    case "./mvnw":
    case "mvnw":
      return argv.some((word) => word.startsWith("dependency:")) ? "mvn dependency:…" : void 0;
    default:
      return void 0;
  }
}
function isGlobal(command) {
  return hasFlag2(command, "-g", "--global");
}
function globalToolInstall(command) {
  const name = commandName(command);
  if (name !== "npm" && name !== "pnpm" || !isGlobal(command)) return void 0;
  if (subcommandArgs(command, "install", "i", "add") === void 0) return void 0;
  const written = effectiveArgv(command).join(" ");
  return written.length <= 60 ? written : `${written.slice(0, 59)}…`;
}
var SG1010 = defineRule(
  {
    id: "SG1010",
    severity: "warning",
    summary: "Dependencies are installed after copying the whole source, which defeats the layer cache."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      let wholeCopy;
      for (const instruction of stage.instructions) {
        if ((instruction.keyword === "COPY" || instruction.keyword === "ADD") && !hasFlag(instruction, "from")) {
          if (copyPaths(instruction).sources.some(isWholeTree)) wholeCopy ??= instruction;
          continue;
        }
        if (instruction.keyword !== "RUN" || !wholeCopy) continue;
        const commands = runCommandsOf(model, instruction);
        const install = commands.map(dependencyInstall).find((found) => found !== void 0);
        if (install) {
          hits.push(
            hitAt(
              instruction,
              `Copy only the dependency manifests, run \`${install}\`, then copy the source: after the whole-source COPY on line ${wholeCopy.line} any change re-installs everything.`
            )
          );
          continue;
        }
        const tool = commands.map(globalToolInstall).find((found) => found !== void 0);
        if (tool)
          hits.push(
            hitAt(
              instruction,
              `Run \`${tool}\` before the whole-source COPY on line ${wholeCopy.line}: it does not need the source, and after that COPY any change re-installs it.`
            )
          );
      }
    }
    return hits;
  }
);
var DOWNLOADERS = /* @__PURE__ */ new Set(["curl", "wget", "fetch"]);
var SHELLS3 = /* @__PURE__ */ new Set([
  "sh",
  "bash",
  "zsh",
  "dash",
  "ash",
  "ksh",
  "fish",
  "python",
  "python3",
  "perl",
  "ruby",
  "node"
]);
function pipesToShell(commands) {
  for (let i = 0; i + 1 < commands.length; i++) {
    const left = commands[i];
    const right = commands[i + 1];
    if (!left.pipesTo || !right.pipedFrom) continue;
    const downloader = commandName(left);
    const shell = commandName(right);
    if (DOWNLOADERS.has(downloader) && SHELLS3.has(shell)) return `${downloader} … | ${shell}`;
  }
  for (const command of commands) {
    const shell = commandName(command);
    if (!SHELLS3.has(shell)) continue;
    if (command.argv.some((word) => /\$\(\s*(curl|wget)\b/.test(word) || /`\s*(curl|wget)\b/.test(word)))
      return `${shell} -c "$(curl …)"`;
  }
  return void 0;
}
var SG1012 = defineRule(
  {
    id: "SG1012",
    severity: "warning",
    summary: "A script downloaded with curl/wget is piped straight into a shell."
  },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "RUN") continue;
        const pattern = pipesToShell(runCommandsOf(model, instruction));
        if (pattern)
          hits.push(
            hitAt(
              instruction,
              `Download the installer to a file, verify its checksum or signature, then run it, instead of \`${pattern}\`.`
            )
          );
      }
    }
    return hits;
  }
);
var SG1000 = defineRule(
  { id: "SG1000", severity: "warning", summary: "An ignore pragma names a rule id that does not exist." },
  // The engine reports these while reading pragmas; the rule carries the metadata.
  () => []
);
var KNOWN_INSTRUCTIONS = /* @__PURE__ */ new Set([
  "FROM",
  "RUN",
  "CMD",
  "LABEL",
  "MAINTAINER",
  "EXPOSE",
  "ENV",
  "ADD",
  "COPY",
  "ENTRYPOINT",
  "VOLUME",
  "USER",
  "WORKDIR",
  "ARG",
  "ONBUILD",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "SHELL"
]);
var SG1016 = defineRule(
  {
    id: "SG1016",
    severity: "error",
    summary: "The Dockerfile cannot be built: it has no FROM, or an unknown instruction."
  },
  ({ model }) => dockerfileSyntaxHits(model)
);
function dockerfileSyntaxHits(model) {
  const hits = [];
  for (const instruction of allInstructions(model)) {
    if (!KNOWN_INSTRUCTIONS.has(instruction.keyword))
      hits.push(
        hitAt(
          instruction,
          `Unknown instruction '${instruction.keyword}': the build will fail to parse this line.`
        )
      );
  }
  if (model.stages.length === 0 && allInstructions(model).length > 0) {
    const first = allInstructions(model)[0];
    hits.push({
      line: first.line,
      message: "Add a FROM instruction: a Dockerfile needs at least one build stage."
    });
  }
  return hits;
}

// src/lint/rules/stages.ts
var stages_exports = {};
__export(stages_exports, {
  DL3002: () => DL3002,
  DL3006: () => DL3006,
  DL3007: () => DL3007,
  DL3024: () => DL3024,
  DL3026: () => DL3026,
  DL3029: () => DL3029,
  DL3057: () => DL3057,
  DL3063: () => DL3063,
  DL3065: () => DL3065
});
function fromInstruction2(stage) {
  return stage.instructions[0];
}
function externalBase(stage) {
  if (stage.baseStage !== void 0 || stage.baseRaw.includes("$")) return void 0;
  if (stage.baseRaw.toLowerCase() === "scratch") return void 0;
  return parseImageRef(stage.baseRaw);
}
function isRootUser(user) {
  const name = user.split(":")[0] ?? "";
  return name === "root" || name === "0";
}
function lastOwnUser(stage) {
  return stage.instructions.findLast(
    (instruction) => instruction.keyword === "USER" && instruction.argv.length > 0
  );
}
var DL3002 = defineRule(
  { id: "DL3002", severity: "warning", summary: "Last USER should not be root." },
  ({ model }) => {
    const hits = [];
    for (const stage of model.stages) {
      const user = lastOwnUser(stage);
      if (!user || !isRootUser(user.argv[0])) continue;
      hits.push(
        hitAt(
          user,
          stage.final ? "Switch to a non-root USER at the end of the final stage so the container does not run as root." : "Switch back to a non-root USER at the end of this stage: stages built FROM it, and what it runs, stay root."
        )
      );
    }
    return hits;
  }
);
var DL3006 = defineRule(
  { id: "DL3006", severity: "warning", summary: "Always tag the version of an image explicitly." },
  ({ model }) => flatMapOf(model.stages, (stage) => {
    const ref = externalBase(stage);
    if (!ref || ref.tag !== void 0 || ref.digest !== void 0) return [];
    return [
      hitAt(
        fromInstruction2(stage),
        `Tag the image explicitly (e.g. \`${familiarName(ref)}:<version>\`) so the base does not change under you.`
      )
    ];
  })
);
var DL3007 = defineRule(
  {
    id: "DL3007",
    severity: "warning",
    summary: "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag."
  },
  ({ model }) => flatMapOf(model.stages, (stage) => {
    const ref = externalBase(stage);
    if (!ref || ref.tag !== "latest" || ref.digest !== void 0) return [];
    return [
      hitAt(fromInstruction2(stage), `Pin \`${familiarName(ref)}\` to a release tag instead of \`latest\`.`)
    ];
  })
);
var DL3024 = defineRule(
  { id: "DL3024", severity: "error", summary: "FROM aliases (stage names) must be unique." },
  ({ model }) => {
    const seen = /* @__PURE__ */ new Map();
    const hits = [];
    for (const stage of model.stages) {
      if (stage.name === void 0) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first) {
        hits.push(
          hitAt(
            fromInstruction2(stage),
            `Rename this stage: \`${stage.name}\` is already the name of the stage on line ${first.line}.`
          )
        );
      } else seen.set(key, stage);
    }
    return hits;
  }
);
function registryTrusted(registry, trusted) {
  const host = registry.toLowerCase();
  return trusted.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (pattern === "*" || pattern === host) return true;
    if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1));
    const hub = ["docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com"];
    return hub.includes(pattern) && hub.includes(host);
  });
}
var DL3026 = defineRule(
  { id: "DL3026", severity: "error", summary: "Use only an allowed registry in the FROM image." },
  ({ model, config }) => {
    const trusted = config.trustedRegistries;
    if (trusted.length === 0) return [];
    return flatMapOf(model.stages, (stage) => {
      if (stage.baseStage !== void 0 || stage.base.toLowerCase() === "scratch") return [];
      const ref = parseImageRef(stage.base);
      if (!ref || registryTrusted(ref.registry, trusted)) return [];
      return [
        hitAt(
          fromInstruction2(stage),
          `Use a base image from a trusted registry (${trusted.join(", ")}) instead of \`${ref.registry}\`.`
        )
      ];
    });
  }
);
var BUILD_PLATFORM_VARIABLE = /^\$(\{(BUILDPLATFORM|TARGETPLATFORM)(:?[-+][^}]*)?\}|(BUILDPLATFORM|TARGETPLATFORM))$/;
var DL3029 = defineRule(
  { id: "DL3029", severity: "warning", summary: "Do not use --platform flag with FROM." },
  ({ model }) => flatMapOf(model.stages, (stage) => {
    if (stage.platform === void 0 || BUILD_PLATFORM_VARIABLE.test(stage.platform.trim())) return [];
    return [
      hitAt(
        fromInstruction2(stage),
        `Remove --platform=${stage.platform} from FROM and choose the platform at build time (or use $BUILDPLATFORM).`
      )
    ];
  })
);
var DL3063 = defineRule(
  {
    id: "DL3063",
    severity: "note",
    summary: "A USER instruction should be specified",
    offByDefault: true
  },
  ({ model }) => {
    const final = model.stages[model.finalStage];
    if (!final || final.user !== void 0) return [];
    return [
      hitAt(
        fromInstruction2(final),
        "Add a USER instruction so the image says which user it runs as, rather than the base image deciding."
      )
    ];
  }
);
var DL3065 = defineRule(
  {
    id: "DL3065",
    severity: "warning",
    summary: "`FROM --platform=$TARGETPLATFORM` is redundant: it is the default"
  },
  ({ model }) => {
    return model.stages.filter((stage) => stage.platform !== void 0 && /^\$\{?TARGETPLATFORM\}?$/.test(stage.platform.trim())).map(
      (stage) => hitAt(
        stage.instructions[0],
        "Remove `--platform=$TARGETPLATFORM` from FROM: stages build for the target platform by default."
      )
    );
  }
);
var DL3057 = defineRule(
  {
    id: "DL3057",
    severity: "note",
    summary: "`HEALTHCHECK` instruction missing",
    offByDefault: true
  },
  ({ model }) => {
    const hits = [];
    const hasHealthcheck = (stage) => stage.instructions.some((instruction) => instruction.keyword === "HEALTHCHECK");
    for (const stage of model.stages) {
      if (stage.index > model.finalStage) break;
      if (baseChain(model, stage).some(hasHealthcheck)) continue;
      if (derivedStages(model, stage).some(hasHealthcheck)) continue;
      hits.push(
        hitAt(
          fromInstruction2(stage),
          stage.final ? "Add a HEALTHCHECK to the final stage so the runtime can tell when the container is unhealthy." : "Add a HEALTHCHECK to this stage (or build it FROM a stage that has one) so a container of it can be checked."
        )
      );
    }
    return hits;
  }
);

// src/lint/rules/index.ts
var RULE_MODULES = [
  apt_exports,
  apk_exports,
  rpm_exports,
  pip_exports,
  npm_exports,
  gem_exports,
  go_exports,
  labels_exports,
  copy_add_exports,
  instructions_exports,
  stages_exports,
  shell_exports,
  buildkit_exports,
  stagegate_base_exports,
  stagegate_copy_exports,
  stagegate_run_exports,
  hardening_exports
];
function rulesOf(module) {
  return Object.values(module).filter(
    (value) => typeof value === "object" && value !== null && "id" in value && "check" in value && value.phase === "dockerfile"
  );
}
var REGISTERED_RULES = RULE_MODULES.flatMap(rulesOf).sort(
  (a, b) => group2(a.id) - group2(b.id) || compareRuleIds(a.id, b.id)
);
function group2(id) {
  if (/^DL\d/.test(id)) return 0;
  if (/^SG\d/.test(id)) return 2;
  return 1;
}

// src/lint/catalog.ts
function withBuildkitAliases(rule) {
  const extra = BUILDKIT_ALIASES[rule.id];
  if (!extra) return rule;
  const aliases = [...rule.aliases, ...extra.filter((alias) => !rule.aliases.includes(alias))];
  return defineRule({ ...rule, aliases }, rule.check);
}
var LINT_RULES = REGISTERED_RULES.map(withBuildkitAliases);
var KNOWN = /* @__PURE__ */ new Map();
for (const rule of LINT_RULES) {
  KNOWN.set(rule.id.toLowerCase(), rule.id);
  for (const alias of rule.aliases) KNOWN.set(alias.toLowerCase(), rule.id);
}
function isOffByDefault(rule) {
  return rule.offByDefault === true;
}

// src/rule-meta.ts
var DOCS_BASE_URL = "https://github.com/stagegate/stagegate/blob/main/docs/rules";
function helpUri(ruleId) {
  return `${DOCS_BASE_URL}/${ruleId}.md`;
}

// src/catalog.ts
var ALL_RULES = [...LINT_RULES, ...IMAGE_CHECKS];
var BY_NAME = /* @__PURE__ */ new Map();
for (const rule of ALL_RULES) {
  for (const name of [rule.id, ...rule.aliases]) BY_NAME.set(name.toLowerCase(), rule);
}
function findRule(idOrAlias) {
  return BY_NAME.get(idOrAlias.toLowerCase());
}
function isKnownRuleId(id) {
  return findRule(id) !== void 0 || /^SC\d{4}$/i.test(id);
}
function isDefaultOff(rule) {
  const flags = rule;
  return flags.offByDefault === true || flags.experimental === true;
}
function ruleListing() {
  return [...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true })).map((rule) => ({
    id: rule.id,
    aliases: [...rule.aliases],
    severity: rule.severity,
    phase: rule.phase,
    summary: rule.summary,
    helpUri: helpUri(rule.id),
    enabled: !isDefaultOff(rule),
    offByDefault: isDefaultOff(rule)
  }));
}

export {
  IMAGE_CAPTURE,
  parseImageRef,
  isDigestPinned,
  allInstructions,
  stageRefOf,
  stageAtLine,
  attributeHistory,
  attributeLayers,
  SG2012,
  parseUntrustedYaml,
  parseDiveCi,
  userWastedPercent,
  isAllowedPath,
  SG2013,
  analyseStartup,
  SG2043,
  SG2041,
  SG2040,
  SG2042,
  STARTUP_SCAN,
  SG2045,
  SG2044,
  IMAGE_CHECKS,
  isImageCheckName,
  SAME_LINE_OVERLAPS,
  BUILDKIT_CHECK_NAMES,
  parseDockerfile,
  findStageIndex,
  runScripts,
  severityRank,
  countFindings,
  failsPolicy,
  compareFindings,
  compareText,
  compareRuleIds,
  parseDockerignore,
  LINT_RULES,
  isOffByDefault,
  helpUri,
  ALL_RULES,
  findRule,
  isKnownRuleId,
  ruleListing
};
