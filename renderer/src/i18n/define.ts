/** The same shape with every string widened: what the English side of a message file must match. */
export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> };

/**
 * One domain's strings in both languages, kept beside the domain's screens. The English
 * side is checked against the Chinese one, so a string added to one and forgotten in the
 * other fails the typecheck.
 */
export function defineMessages<T extends object>(messages: { zhCN: T; en: MessageShape<T> }): { zhCN: T; en: MessageShape<T> } {
  return messages;
}
