/**
 * The id of an agency: ASCII kebab-case of its Vietnamese name without diacritics.
 *
 * @example
 * agencyIdOf("Sở Khoa học và Công nghệ"); //=> "so-khoa-hoc-va-cong-nghe"
 */
export function agencyIdOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/gu, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
