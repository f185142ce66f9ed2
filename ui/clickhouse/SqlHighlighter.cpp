#include "clickhouse/SqlHighlighter.h"

#include "itemmodels/StatusColors.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace ckstudio {

SqlHighlighter::SqlHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
    , m_keywords(
          QStringLiteral(
              "\\b(?:CREATE|TABLE|MATERIALIZED|VIEW|DATABASE|IF|NOT|EXISTS|TO|AS|SELECT|FROM|WHERE|AND|OR|"
              "ENGINE|ORDER|BY|PARTITION|PRIMARY|KEY|SETTINGS|INSERT|INTO|VALUES|FORMAT|DROP|ALTER|ADD|"
              "COLUMN|DEFAULT|ALIAS|CODEC|TTL|COMMENT|NULL|ON|CLUSTER|LIMIT|GROUP|UNION|ALL|REPLACE)\\b"),
          QRegularExpression::CaseInsensitiveOption) {
    const QPalette palette; // the application's, light or dark
    m_keyword.setForeground(sqlKeywordColor(palette));
    m_keyword.setFontWeight(QFont::Bold);
    m_identifier.setForeground(sqlIdentifierColor(palette));
    m_string.setForeground(successColor(palette));
    m_comment.setForeground(mutedColor(palette));
    m_comment.setFontItalic(true);
}

void SqlHighlighter::highlightBlock(const QString& text) {
    setCurrentBlockState(Normal);
    const qsizetype n = text.size();
    qsizetype i = 0;
    if (previousBlockState() == InBlockComment) {
        const qsizetype end = text.indexOf(QStringLiteral("*/"));
        if (end < 0) {
            setFormat(0, static_cast<int>(n), m_comment);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, static_cast<int>(end + 2), m_comment);
        i = end + 2;
    }
    // Keywords first; quoted spans and comments found by the scan below paint over them.
    for (auto it = m_keywords.globalMatch(text, i); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_keyword);
    }
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('-') && i + 1 < n && text.at(i + 1) == QLatin1Char('-')) {
            setFormat(static_cast<int>(i), static_cast<int>(n - i), m_comment);
            return;
        }
        if (c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = text.indexOf(QStringLiteral("*/"), i + 2);
            if (end < 0) {
                setFormat(static_cast<int>(i), static_cast<int>(n - i), m_comment);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(static_cast<int>(i), static_cast<int>(end + 2 - i), m_comment);
            i = end + 2;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('`') || c == QLatin1Char('"')) {
            // Backslash escapes and doubled quotes both stay inside the span.
            qsizetype j = i + 1;
            while (j < n) {
                if (text.at(j) == QLatin1Char('\\')) {
                    j += 2;
                    continue;
                }
                if (text.at(j) == c) {
                    if (j + 1 < n && text.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const qsizetype end = std::min(j + 1, n);
            setFormat(static_cast<int>(i), static_cast<int>(end - i),
                      c == QLatin1Char('\'') ? m_string : m_identifier);
            i = end;
            continue;
        }
        ++i;
    }
}

} // namespace ckstudio
