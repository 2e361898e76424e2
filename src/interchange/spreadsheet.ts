// Cells a spreadsheet would run as formulas (OWASP "CSV Injection": a leading = + - @, or a tab or CR
// before one) are written with a leading apostrophe, which Excel, LibreOffice and Google Sheets show as
// text and do not display. The project's own CSV readers take the apostrophe off again.

const FORMULA = /^[=+\-@\t\r]/;

export const neutraliseFormula = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);

export const restoreFormula = (cell: string) => (cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell);

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only with it (else as the system code page, mojibake for Japanese). */
export const BOM = '\uFEFF';
