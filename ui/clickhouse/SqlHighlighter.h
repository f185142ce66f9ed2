#pragma once
// Colours ClickHouse SQL: keywords, `backticked` identifiers, 'strings', -- line and /* block */ comments.
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ckstudio {

class SqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument* document);

    // The formats, exposed so that tests can check which span got which.
    const QTextCharFormat& keywordFormat() const { return m_keyword; }
    const QTextCharFormat& identifierFormat() const { return m_identifier; }
    const QTextCharFormat& stringFormat() const { return m_string; }
    const QTextCharFormat& commentFormat() const { return m_comment; }

protected:
    void highlightBlock(const QString& text) override;

private:
    enum BlockState { Normal = 0, InBlockComment = 1 };

    QRegularExpression m_keywords;
    QTextCharFormat m_keyword;
    QTextCharFormat m_identifier;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
};

} // namespace ckstudio
