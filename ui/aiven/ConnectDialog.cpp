#include "ConnectDialog.h"

#include "secrets/SecretStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ckstudio {

ConnectDialog::ConnectDialog(SecretStore* keychain, const AivenClient::Options& initial, QWidget* parent)
    : QDialog(parent)
    , m_keychain(keychain)
    , m_initial(initial)
    , m_url(new QLineEdit(initial.baseUrl.toString(), this))
    , m_token(new QLineEdit(initial.token, this))
    , m_remember(new QCheckBox(tr("&Remember in keychain"), this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_result(new QLabel(this)) {
    setWindowTitle(tr("Connect to Aiven"));
    m_url->setAccessibleName(tr("Aiven API address"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleName(tr("Aiven token"));
    m_remember->setEnabled(keychain != nullptr);
    m_remember->setToolTip(keychain ? tr("Store the token in the system keychain")
                                    : tr("No keychain is available"));
    m_result->setWordWrap(true);
    m_result->setAccessibleName(tr("Connection test result"));

    auto* form = new QFormLayout;
    form->addRow(tr("API &address:"), m_url);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), m_remember);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    connect(m_test, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
}

ConnectDialog::~ConnectDialog() = default;

AivenClient::Options ConnectDialog::clientOptions() const {
    AivenClient::Options options = m_initial;
    options.baseUrl = QUrl::fromUserInput(m_url->text().trimmed());
    options.token = m_token->text().trimmed();
    return options;
}

QString ConnectDialog::resultText() const {
    return m_result->text();
}

void ConnectDialog::showResult(bool ok, const QString& message) {
    m_result->setText(message);
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: red"));
}

void ConnectDialog::testConnection() {
    const AivenClient::Options options = clientOptions();
    if (options.token.isEmpty()) {
        showResult(false, tr("Enter a token first."));
        emit tested(false, m_result->text());
        return;
    }
    if (!options.baseUrl.isValid() || options.baseUrl.scheme().isEmpty()) {
        showResult(false, tr("The API address is not a URL."));
        emit tested(false, m_result->text());
        return;
    }
    // A new probe replaces (and thereby aborts, without callback) a test still running.
    m_probe = std::make_unique<AivenClient>(options);
    m_test->setEnabled(false);
    showResult(true, tr("Testing…"));
    m_probe->listProjects(this, [this](AivenResult<std::vector<AivenProject>> result) {
        m_test->setEnabled(true);
        if (result.ok())
            showResult(true, tr("Connected: %n project(s) visible.", nullptr,
                                static_cast<int>(result.value->size())));
        else
            showResult(false, tr("Connection failed: %1").arg(result.error.describe()));
        emit tested(result.ok(), m_result->text());
    });
}

void ConnectDialog::accept() {
    const QString token = m_token->text().trimmed();
    if (!m_remember->isChecked() || !m_keychain || token.isEmpty()) {
        QDialog::accept();
        return;
    }
    if (m_saving)
        return;
    m_saving = true;
    showResult(true, tr("Saving the token in the keychain…"));
    QPointer<ConnectDialog> self(this);
    m_keychain->write(aivenTokenSecretKey(), token, [self](const SecretResult& result) {
        auto* const me = self.data();
        if (!me)
            return;
        me->m_saving = false;
        if (result.ok())
            me->QDialog::accept();
        else
            me->showResult(false, tr("Could not store the token in the keychain: %1").arg(result.error));
    });
}

} // namespace ckstudio
