#include "xlsx_writer.h"

#include <xlsxwriter.h>

#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <map>
#include <functional>

namespace vnland::plugins {
namespace {

QByteArray colName(int col)
{
    QByteArray s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        s.prepend(static_cast<char>('A' + (c - 1) % 26));
    return s;
}

QByteArray cellName(int row, int col) { return colName(col) + QByteArray::number(row + 1); }

/// "E5:E9,E12" for the given sheet rows of one column (or columns of one row).
QByteArray ranges(QList<int> idx, const std::function<QByteArray(int)> &name)
{
    std::sort(idx.begin(), idx.end());
    QByteArrayList parts;
    for (int i = 0; i < idx.size();) {
        int j = i;
        while (j + 1 < idx.size() && idx[j + 1] == idx[j] + 1)
            ++j;
        parts << (i == j ? name(idx[i]) : name(idx[i]) + ':' + name(idx[j]));
        i = j + 1;
    }
    if (parts.size() > 250)
        return {}; // more arguments than SUM takes: the cached value stands alone
    return parts.join(',');
}

int decimalsOf(const QString &s)
{
    const int dot = s.indexOf(QLatin1Char('.'));
    return dot < 0 ? 0 : std::min<int>(static_cast<int>(s.size()) - dot - 1, 4);
}

QByteArray sheetName(const plugin::ReportTable &t, QSet<QString> &used)
{
    QString base = t.sheetName.isEmpty() ? t.title : t.sheetName;
    for (const QChar bad : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        base.replace(bad, QLatin1Char(' '));
    base = base.trimmed().left(28);
    if (base.isEmpty())
        base = QStringLiteral("Bao cao");
    QString name = base;
    for (int i = 2; used.contains(name.toLower()); ++i)
        name = base + QStringLiteral(" ") + QString::number(i);
    used.insert(name.toLower());
    return name.toUtf8();
}

} // namespace

bool XlsxWriter::writeReport(const QList<plugin::ReportTable> &tables, const QString &outPath, QString *error)
{
    const QByteArray path = QFileInfo(outPath).absoluteFilePath().toUtf8();
    lxw_workbook *wb = workbook_new(path.constData());
    if (!wb) {
        *error = outPath + QStringLiteral(": cannot create the workbook");
        return false;
    }
    lxw_format *title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 13);
    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_bg_color(head, 0xEBEBEB);
    std::map<std::pair<int, bool>, lxw_format *> numFormats; // (decimals, bold)
    std::map<bool, lxw_format *> textFormats;
    auto textFormat = [&](bool bold) {
        auto &f = textFormats[bold];
        if (!f) {
            f = workbook_add_format(wb);
            format_set_border(f, LXW_BORDER_THIN);
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            if (bold)
                format_set_bold(f);
        }
        return f;
    };
    auto numFormat = [&](int decimals, bool bold) {
        auto &f = numFormats[{decimals, bold}];
        if (!f) {
            f = workbook_add_format(wb);
            format_set_border(f, LXW_BORDER_THIN);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            const QByteArray fmt = decimals ? "#,##0." + QByteArray(decimals, '0') : QByteArray("#,##0");
            format_set_num_format(f, fmt.constData());
            if (bold)
                format_set_bold(f);
        }
        return f;
    };

    QSet<QString> used;
    for (const auto &t : tables) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, sheetName(t, used).constData());
        worksheet_set_landscape(ws);
        worksheet_set_paper(ws, 9); // A4
        worksheet_fit_to_pages(ws, 1, 0);
        int row = 0;
        for (const auto &h : t.headerLines)
            worksheet_write_string(ws, static_cast<lxw_row_t>(row++), 0, h.toUtf8().constData(), nullptr);
        worksheet_write_string(ws, static_cast<lxw_row_t>(row++), 0, t.title.toUtf8().constData(), title);
        ++row;
        std::vector<int> widths(static_cast<size_t>(t.columns.size()), 8);
        for (int c = 0; c < t.columns.size(); ++c) {
            worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c),
                                   t.columns[c].toUtf8().constData(), head);
            widths[static_cast<size_t>(c)] = std::max(widths[static_cast<size_t>(c)], std::min(18, static_cast<int>(t.columns[c].size()) / 2 + 2));
        }
        worksheet_set_row(ws, static_cast<lxw_row_t>(row), 45, nullptr);
        ++row;
        const int firstData = row;
        worksheet_freeze_panes(ws, static_cast<lxw_row_t>(firstData), 0);
        const QList<int> summed = t.summedColumns.isEmpty() ? t.numericColumns : t.summedColumns;
        for (int r = 0; r < t.rows.size(); ++r, ++row) {
            const bool bold = t.emphasisRows.contains(r);
            const auto &cells = t.rows[r];
            const bool isRowSum = t.rowSums.contains(r);
            for (int c = 0; c < cells.size() && c < t.columns.size(); ++c) {
                const QString &v = cells[c];
                auto &w = widths[static_cast<size_t>(c)];
                w = std::max(w, std::min(50, static_cast<int>(v.size()) + 2));
                const auto xr = static_cast<lxw_row_t>(row);
                const auto xc = static_cast<lxw_col_t>(c);
                if (v.isEmpty()) {
                    worksheet_write_blank(ws, xr, xc, textFormat(bold));
                    continue;
                }
                bool isNum = false;
                const double d = t.numericColumns.contains(c) ? v.toDouble(&isNum) : 0.0;
                if (!isNum) {
                    worksheet_write_string(ws, xr, xc, v.toUtf8().constData(), textFormat(bold));
                    continue;
                }
                lxw_format *nf = numFormat(t.integerColumns.contains(c) ? 0 : decimalsOf(v), bold);
                QByteArray formula;
                if (isRowSum && summed.contains(c)) {
                    QList<int> rows;
                    for (int k : t.rowSums.value(r))
                        rows << firstData + k;
                    const QByteArray rg = ranges(rows, [&](int sr) { return cellName(sr, c); });
                    if (!rg.isEmpty())
                        formula = "=SUM(" + rg + ")";
                } else if (!isRowSum && t.columnSums.contains(c)) {
                    QList<int> cols = t.columnSums.value(c);
                    const QByteArray rg = ranges(cols, [&](int sc) { return cellName(row, sc); });
                    if (!rg.isEmpty())
                        formula = "=SUM(" + rg + ")";
                }
                if (!formula.isEmpty())
                    worksheet_write_formula_num(ws, xr, xc, formula.constData(), nf, d);
                else
                    worksheet_write_number(ws, xr, xc, d, nf);
            }
        }
        ++row;
        for (const auto &l : t.footerLines)
            worksheet_write_string(ws, static_cast<lxw_row_t>(row++), 0, l.toUtf8().constData(), nullptr);
        for (size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    const lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR) {
        *error = outPath + QStringLiteral(": cannot write the workbook (") + QString::fromUtf8(lxw_strerror(rc)) +
                 QLatin1Char(')');
        return false;
    }
    return true;
}

} // namespace vnland::plugins
