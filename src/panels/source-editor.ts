// The Source tab's code editor: CodeMirror 6 (https://codemirror.net), loaded only when the
// tab opens (a lazy chunk: it and its languages stay out of the first load). A thin handle
// around an EditorView: the panel owns the text's meaning; this module only shows text,
// reports changes, and draws the diagnostics it is given.
import { EditorView, basicSetup } from 'codemirror';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { SourceFormat, SourceProblem } from '../scenario/source-text.ts';

export interface SourceEditor {
  /** Replaces the whole text (a change from outside: undo, a canvas edit); keeps the cursor where it can. */
  setText: (text: string) => void;
  setFormat: (format: SourceFormat) => void;
  setTheme: (dark: boolean) => void;
  /** Underlines each problem from its line and column to the end of that line. */
  showProblems: (problems: readonly SourceProblem[]) => void;
  destroy: () => void;
}

export interface SourceEditorOptions {
  parent: HTMLElement;
  text: string;
  format: SourceFormat;
  dark: boolean;
  /** Label for assistive technology. */
  label: string;
  /** The person changed the text (not called for `setText`). */
  onChange: (text: string) => void;
}

const language = (format: SourceFormat): Extension => (format === 'json' ? json() : yaml());

// basicSetup's highlighting is made for a light background; on a dark one these colours
// keep keys, strings and numbers readable (contrast ≥ 4.5:1 on the dark surface).
const darkHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#8cc4ff' },
    { tag: [tags.string, tags.special(tags.string)], color: '#a8e0a0' },
    { tag: [tags.number, tags.bool, tags.null], color: '#ffc47a' },
    { tag: [tags.keyword, tags.atom], color: '#f0a0d8' },
    { tag: tags.comment, color: '#9aa4b2', fontStyle: 'italic' },
    { tag: [tags.punctuation, tags.separator, tags.bracket], color: '#c8ced8' },
  ]),
);

// Colours come from the app's CSS variables, so light and dark follow the page.
const theme = (dark: boolean): Extension => [
  dark ? darkHighlighting : [],
  EditorView.theme(
    {
      '&': { backgroundColor: 'var(--surface, Canvas)', color: 'var(--text, CanvasText)', fontSize: '13px', height: '100%' },
      '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', caretColor: 'var(--text, CanvasText)' },
      '.cm-gutters': { backgroundColor: 'var(--surface-2, Canvas)', color: 'var(--text-muted, GrayText)', border: 'none' },
      '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: dark ? '#ffffff0d' : '#0000000a' },
      '&.cm-focused': { outline: '2px solid var(--focus, Highlight)', outlineOffset: '-2px' },
      '.cm-scroller': { overflow: 'auto' },
    },
    { dark },
  ),
];

/** Makes the editor inside `parent`. */
export function createSourceEditor(options: SourceEditorOptions): SourceEditor {
  const languageSlot = new Compartment();
  const themeSlot = new Compartment();
  let external = false;
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        basicSetup,
        lintGutter(),
        languageSlot.of(language(options.format)),
        themeSlot.of(theme(options.dark)),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !external) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    setText(text) {
      const current = view.state.doc.toString();
      if (text === current) return;
      const head = Math.min(view.state.selection.main.head, text.length);
      external = true;
      try {
        view.dispatch({ changes: { from: 0, to: current.length, insert: text }, selection: { anchor: head } });
      } finally {
        external = false;
      }
    },
    setFormat(format) {
      view.dispatch({ effects: languageSlot.reconfigure(language(format)) });
    },
    setTheme(dark) {
      view.dispatch({ effects: themeSlot.reconfigure(theme(dark)) });
    },
    showProblems(problems) {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
        const from = Math.min(line.from + Math.max(p.column - 1, 0), line.to);
        return { from, to: Math.max(line.to, from), severity: p.severity, message: p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    destroy() {
      view.destroy();
    },
  };
}
