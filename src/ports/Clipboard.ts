/** The system clipboard: a template copied as formatted text (HTML) with plain text beside it, to paste anywhere. */
export interface Clipboard {
  copy(html: string, text: string): Promise<void>;
}
