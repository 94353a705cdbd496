/**
 * The one masking rule for personal identifiers (DOMAIN.md): ID numbers and mobiles show their first
 * three and last four characters, everything else is masked; free text is scrubbed before it is logged
 * or audited.
 */
package org.beatbook.shared.masking;
