package org.beatbook.shared.spreadsheet;

import java.util.List;

/**
 * What the pages of one xlsx import show: its upload page at {@code href} (template at {@code href/template.xlsx},
 * reports at {@code href/{id}} and {@code href/{id}/report.xlsx}), its texts and its template. Each module declares
 * one per import and hands it to {@link ImportPages}, which renders the shared form and report pages.
 *
 * @param kind          as in {@code /api/v1/imports/{kind}}, e.g. {@code vehicles}
 * @param href          the upload page, e.g. {@code /vehicles/import}
 * @param texts         message prefix of the page's texts: {@code .title}, {@code .step1}, {@code .step2},
 *                      {@code .step3} (argument: the row limit)
 * @param templateLabel message key of the template link's text
 * @param backHref      the page the crumbs lead back to, e.g. {@code /vehicles}
 * @param backLabel     message key of that page's name
 * @param maxRows       the row limit the page states
 * @param columns       the template's columns, listed on the page and naming the report's columns
 * @param template      how the template is built, or null when the module builds its own
 * @param reportFile    the report download's file name, or a message key giving it
 */
public record ImportPage(String kind, String href, String texts, String templateLabel, String backHref,
                         String backLabel, int maxRows, List<SheetColumn> columns, Template template,
                         String reportFile) {

    public ImportPage {
        columns = List.copyOf(columns);
    }

    /**
     * The template's data sheet name, instruction lines and example rows (message keys, examples as typed) and the
     * download's file name (or a message key giving it).
     */
    public record Template(String sheetName, List<String> helpLines, List<List<String>> examples, String fileName) {

        public Template {
            helpLines = List.copyOf(helpLines);
            examples = List.copyOf(examples);
        }
    }
}
