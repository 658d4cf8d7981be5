/**
 * Name and key rules shared by the OpenSLO and Sloth readers, with their sources.
 *
 * @internal
 */

/** RFC 1123 DNS label, ≤ 63 chars (OpenSLO `metadata.name`; go-sdk `rules.StringDNSLabel`). */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** OpenSLO label keys (OpenSLO/go-sdk:pkg/openslo/v1/objects.go `labelKeyRegexp`). */
export const OPENSLO_LABEL_KEY = /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

/** OpenSLO annotation keys: optional DNS-subdomain prefix and `/`, then a name (objects.go). */
export const OPENSLO_ANNOTATION_KEY =
  /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

/** Sloth service, SLO and ID names (slok/sloth:pkg/common/conventions `NameRegexp`). */
export const SLOTH_NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$/;

/** Sloth's `{{.window}}` placeholder, spaces allowed (pkg/common/conventions `TplWindowRegex`). */
export const WINDOW_TEMPLATE = /{{ *\.window *}}/;

/** Prometheus label names (Sloth labels end up on rules); `__` names are reserved by Prometheus. */
export const PROMETHEUS_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** OpenSLO text fields are limited to 1050 characters (README; go-sdk `StringMaxLength(1050)`). */
export const MAX_DESCRIPTION = 1050;

/** Longest `metadata.name` and `metadata.displayName` (RFC 1123; go-sdk `StringMaxLength(63)`). */
export const MAX_NAME = 63;

/**
 * Check an RFC 1123 name and explain what is wrong with it.
 *
 * @param name - the name
 * @returns `undefined` when valid, else the reason
 */
export function dnsLabelProblem(name: string): string | undefined {
  if (name.length > MAX_NAME)
    return `is ${name.length} characters long; at most ${MAX_NAME} are allowed`;
  if (!DNS_LABEL.test(name)) {
    return 'must be an RFC 1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit';
  }
  return undefined;
}

/**
 * Turn any text into an RFC 1123 label fragment (`"Internal objective"` → `"internal-objective"`).
 *
 * @param text - free text
 * @returns the slug, possibly empty
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
