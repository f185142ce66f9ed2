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
    const QTextCharFormat& keywordFormat() const { return mKeyword; }
    const QTextCharFormat& identifierFormat() const { return mIdentifier; }
    const QTextCharFormat& stringFormat() const { return mString; }
    const QTextCharFormat& commentFormat() const { return mComment; }

protected:
    void highlightBlock(const QString& text) override;

private:
    enum BlockState { Normal = 0, InBlockComment = 1 };

    QRegularExpression mKeywords;
    QTextCharFormat mKeyword;
    QTextCharFormat mIdentifier;
    QTextCharFormat mString;
    QTextCharFormat mComment;
};

} // namespace ckstudio
