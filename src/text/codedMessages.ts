/**
 * The shape every table of coded messages shares (parse warnings, import errors, form and profile problems):
 * a table maps each code to the function that words it in English from its parameters; a message is a code
 * with those parameters, as data a UI can word in its own language.
 */
export type MessageTable = Readonly<Record<string, (params: never) => string>>;

/** The parameters of a code: its wording function's argument, or none. */
type ParamsOf<F> = F extends (params: infer P) => string ? (unknown extends P ? Record<string, never> : P) : never;

/** One coded message of `T` (a union over its codes), with the fields `Extra` every message of the kind has. */
export type Coded<T extends MessageTable, Extra = unknown> = { [C in keyof T & string]: Extra & { code: C; params: ParamsOf<T[C]> } }[keyof T & string];

/** The English of a coded message, from its table. */
export const wordIn = <T extends MessageTable>(table: T, m: { code: keyof T & string; params: object }): string => (table[m.code] as unknown as (p: object) => string)(m.params);
