#include "ApplyDialog.h"

#include "aiven/ApplyWorkflow.h"
#include "itemmodels/ConfigDocument.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ckstudio {

namespace {

QPlainTextEdit* readOnlyText(const QString& accessibleName, QWidget* parent) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFont(QStringLiteral("monospace")));
    edit->setAccessibleName(accessibleName);
    return edit;
}

QString prettyJson(const Json& json) {
    return json.is_null() ? QString() : QString::fromStdString(json.dump(2));
}

} // namespace

ApplyDialog::ApplyDialog(AivenClient* client, ConfigDocument* document, const QString& project,
                         const QString& integrationId, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_workflow(new ApplyWorkflow(client, project, integrationId, this))
    , m_pages(new QStackedWidget(this)) {
    // Followed a little longer than the CLI's default: the dialog stays open and shows each status read.
    m_workflow->setStatusFollowing(std::chrono::seconds(20), std::chrono::seconds(2));
    setWindowTitle(tr("Apply to Aiven"));
    setAccessibleName(tr("Apply to Aiven"));

    // Busy page.
    auto* busy = new QWidget(m_pages);
    m_busyLabel = new QLabel(busy);
    m_progress = new QProgressBar(busy);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Progress"));
    auto* busyLayout = new QVBoxLayout(busy);
    busyLayout->addStretch();
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addWidget(m_progress);
    busyLayout->addStretch();
    m_pages->addWidget(busy);

    // Review page: the changes by table.
    auto* review = new QWidget(m_pages);
    m_reviewSummary = new QLabel(review);
    m_reviewSummary->setWordWrap(true);
    m_diff = readOnlyText(tr("Changes by table"), review);
    auto* reviewLayout = new QVBoxLayout(review);
    reviewLayout->addWidget(m_reviewSummary);
    reviewLayout->addWidget(m_diff);
    m_pages->addWidget(review);

    // Conflict page: three versions side by side.
    auto* conflictPage = new QWidget(m_pages);
    m_conflictSummary = new QLabel(conflictPage);
    m_conflictSummary->setWordWrap(true);
    m_base = readOnlyText(tr("Base: the configuration as opened"), conflictPage);
    m_remote = readOnlyText(tr("Remote: the configuration on Aiven now"), conflictPage);
    m_mine = readOnlyText(tr("Mine: the edited configuration"), conflictPage);
    auto* splitter = new QSplitter(Qt::Horizontal, conflictPage);
    splitter->addWidget(titled(tr("Base (as opened)"), m_base));
    splitter->addWidget(titled(tr("Remote (now)"), m_remote));
    splitter->addWidget(titled(tr("Mine"), m_mine));
    auto* conflictLayout = new QVBoxLayout(conflictPage);
    conflictLayout->addWidget(m_conflictSummary);
    conflictLayout->addWidget(splitter);
    m_pages->addWidget(conflictPage);

    // Result page: status and errors.
    auto* result = new QWidget(m_pages);
    m_status = new QLabel(result);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Integration status"));
    m_errors = new QListWidget(result);
    m_errors->setAccessibleName(tr("Integration errors"));
    auto* resultLayout = new QVBoxLayout(result);
    resultLayout->addWidget(m_status);
    resultLayout->addWidget(m_errors);
    m_pages->addWidget(result);

    auto* buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_overwrite = buttons->addButton(tr("&Overwrite remote"), QDialogButtonBox::DestructiveRole);
    m_takeRemote = buttons->addButton(tr("&Take remote"), QDialogButtonBox::ActionRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_apply->setAccessibleName(tr("Apply the changes"));
    m_overwrite->setAccessibleName(tr("Overwrite the remote changes with mine"));
    m_takeRemote->setAccessibleName(tr("Replace my configuration with the remote one"));
    m_apply->setVisible(false);
    m_overwrite->setVisible(false);
    m_takeRemote->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    resize(900, 560);

    // The button box would accept/reject on its own; each button does exactly its job instead.
    connect(m_apply, &QPushButton::clicked, m_workflow, &ApplyWorkflow::apply);
    connect(m_overwrite, &QPushButton::clicked, m_workflow, &ApplyWorkflow::apply);
    connect(m_takeRemote, &QPushButton::clicked, this, &ApplyDialog::takeRemote);
    connect(m_cancel, &QPushButton::clicked, this, &ApplyDialog::reject);

    connect(m_workflow, &ApplyWorkflow::progress, this, &ApplyDialog::showBusy);
    connect(m_workflow, &ApplyWorkflow::checked, this, &ApplyDialog::showCheck);
    connect(m_workflow, &ApplyWorkflow::landed, this, [this](const Json& newBase) {
        if (m_document)
            m_document->setRemoteBase(userConfigFromJson(newBase));
        emit applied();
    });
    connect(m_workflow, &ApplyWorkflow::statusChanged, this,
            [this](const QString& status, const QStringList& errors) {
                m_status->setText(
                    tr("Integration status: %1").arg(status.isEmpty() ? tr("unknown") : status));
                m_errors->clear();
                m_errors->addItems(errors);
            });
    connect(m_workflow, &ApplyWorkflow::finished, this,
            [this](const ApplyOutcome& outcome) { showFinished(ApplyWorkflow::describe(outcome)); });
}

ApplyDialog::~ApplyDialog() = default;

QWidget* ApplyDialog::titled(const QString& title, QWidget* content) {
    auto* box = new QWidget(this);
    auto* label = new QLabel(title, box);
    label->setBuddy(content);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(content);
    return box;
}

void ApplyDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    if (!m_started) {
        m_started = true;
        startCheck();
    }
}

void ApplyDialog::startCheck() {
    if (!m_document) {
        showFinished(tr("The document was closed."));
        return;
    }
    // The document keeps its base as a UserConfig; the workflow compares what the server holds, as JSON.
    const auto& base = m_document->remoteBase();
    m_workflow->check(toJson(m_document->config()), base ? std::optional<Json>(toJson(*base)) : std::nullopt);
}

void ApplyDialog::reject() {
    if (m_workflow->isBusy()) {
        m_workflow->cancel(); // the dialog stays to say what the cancellation left behind
        return;
    }
    QDialog::reject();
}

void ApplyDialog::takeRemote() {
    const Json remote = m_workflow->takeRemote();
    if (!m_document || remote.is_null())
        return;
    const UserConfig config = userConfigFromJson(remote);
    m_document->replaceConfig(config, tr("Take the remote configuration"));
    m_document->setRemoteBase(config);
    showFinished(tr("The document now holds the remote configuration; undo brings your edits back."));
}

void ApplyDialog::showCheck(const ApplyCheck& check) {
    if (check.needsOverwrite())
        showConflict(check);
    else
        showReview(check);
}

void ApplyDialog::showBusy(const QString& message) {
    m_busyLabel->setText(message);
    m_pages->setCurrentIndex(0);
    m_apply->setVisible(false);
    m_overwrite->setVisible(false);
    m_takeRemote->setVisible(false);
    m_cancel->setText(tr("Cancel"));
}

void ApplyDialog::showReview(const ApplyCheck& check) {
    const ConfigDiff& diff = check.changes;
    QStringList lines;
    for (const std::string& line : diff.toLines())
        lines.append(QString::fromStdString(line));
    m_diff->setPlainText(lines.join(QLatin1Char('\n')));
    m_reviewSummary->setText(diff.isEmpty()
                                 ? tr("The remote already holds this configuration: nothing to apply.")
                                 : tr("Applying changes: %1").arg(QString::fromStdString(diff.summary())));
    m_pages->setCurrentIndex(1);
    m_apply->setVisible(true);
    m_apply->setEnabled(!diff.isEmpty());
    m_apply->setDefault(true);
    m_cancel->setText(tr("Cancel"));
}

void ApplyDialog::showConflict(const ApplyCheck& check) {
    m_conflictSummary->setText(check.verdict == ApplyCheck::Verdict::NoBase
                                   ? tr("This document was not opened from the integration, so it "
                                        "is unknown whether applying would undo "
                                        "someone else's changes. Compare and choose.")
                                   : tr("Someone changed the integration on Aiven since you "
                                        "opened it. Applying now would undo their "
                                        "changes. Compare the three versions, then overwrite "
                                        "deliberately or take the remote version."));
    m_base->setPlainText(check.base ? prettyJson(*check.base) : QString());
    m_remote->setPlainText(prettyJson(check.remote));
    m_mine->setPlainText(prettyJson(check.mine));
    m_pages->setCurrentIndex(2);
    m_overwrite->setVisible(true);
    m_takeRemote->setVisible(true);
    m_cancel->setText(tr("Cancel"));
}

void ApplyDialog::showFinished(const QString& message) {
    const QString status = m_status->text();
    m_status->setText(status.isEmpty() ? message : status + QLatin1Char('\n') + message);
    m_pages->setCurrentIndex(3);
    m_apply->setVisible(false);
    m_overwrite->setVisible(false);
    m_takeRemote->setVisible(false);
    m_cancel->setText(tr("Close"));
}

QString ApplyDialog::diffText() const {
    return m_diff->toPlainText();
}
QString ApplyDialog::baseText() const {
    return m_base->toPlainText();
}
QString ApplyDialog::remoteText() const {
    return m_remote->toPlainText();
}
QString ApplyDialog::mineText() const {
    return m_mine->toPlainText();
}
QString ApplyDialog::statusText() const {
    return m_status->text();
}
QStringList ApplyDialog::statusErrors() const {
    QStringList errors;
    for (int i = 0; i < m_errors->count(); ++i)
        errors.append(m_errors->item(i)->text());
    return errors;
}

} // namespace ckstudio
