#include "aiven/CreateIntegrationWizard.h"

#include "aiven/AivenClient.h"
#include "aiven/InferredColumnsDialog.h"
#include "aiven/KafkaSourceResolver.h"
#include "aiven/TopicPeek.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/StatusColors.h"
#include "kafka/MessageText.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizardPage>
#include <functional>

namespace ckstudio {

// A page whose completeness is a predicate of the wizard's state.
class CreateIntegrationWizard::Page : public QWizardPage {
public:
    Page(const QString& title, const QString& subTitle, std::function<bool()> complete)
        : m_complete(std::move(complete)) {
        setTitle(title);
        setSubTitle(subTitle);
    }
    bool isComplete() const override { return m_complete(); }
    void update() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

namespace {

// A table name ClickHouse accepts without quoting, from a topic name.
std::string tableNameFor(const QString& topic) {
    QString name = topic;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
    if (name.isEmpty() || name.front().isDigit())
        name.prepend(QLatin1Char('t'));
    return name.left(40).toStdString();
}

} // namespace

CreateIntegrationWizard::CreateIntegrationWizard(AivenClient* client, ConfigDocument* document,
                                                 const QString& project, QWidget* parent)
    : QWizard(parent)
    , m_client(client)
    , m_document(document)
    , m_kafkaSource(new KafkaSourceResolver(client, this))
    , m_peek(new TopicPeek(client, this))
    , m_projectBox(new QComboBox)
    , m_clickhouseBox(new QComboBox)
    , m_destinationStatus(new QLabel)
    , m_kafkaOption(new QRadioButton(tr("An Aiven for Apache &Kafka service of the project:")))
    , m_endpointOption(new QRadioButton(tr("An &external Kafka endpoint:")))
    , m_kafkaBox(new QComboBox)
    , m_endpointBox(new QComboBox)
    , m_emptyOption(new QRadioButton(tr("Start &empty (add tables in the editor later)")))
    , m_documentOption(new QRadioButton)
    , m_inferOption(new QRadioButton(tr("One table &inferred from a topic:")))
    , m_topicBox(new QComboBox)
    , m_inferLimit(new QSpinBox)
    , m_inferButton(new QPushButton(tr("&Peek and Infer")))
    , m_inferLabel(new QLabel)
    , m_summary(new QPlainTextEdit)
    , m_progress(new QProgressBar)
    , m_error(new QLabel) {
    setWindowTitle(tr("Create ClickHouse Kafka Integration"));
    setButtonText(QWizard::FinishButton, tr("&Create"));
    setOption(QWizard::NoBackButtonOnLastPage, false);

    // 1. Destination
    auto* destination = new Page(tr("ClickHouse service"), tr("The service that will read the topics."),
                                 [this] { return !isLoading() && m_clickhouseBox->currentIndex() >= 0; });
    auto* destForm = new QFormLayout(destination);
    destForm->addRow(tr("&Project:"), m_projectBox);
    destForm->addRow(tr("&ClickHouse service:"), m_clickhouseBox);
    destForm->addRow(m_destinationStatus);
    m_destinationStatus->setWordWrap(true);
    setPage(DestinationPage, destination);

    // 2. Source
    auto* sourcePage = new Page(tr("Kafka source"), tr("Where the messages come from."), [this] {
        return (m_kafkaOption->isChecked() && m_kafkaBox->currentIndex() >= 0) ||
               (m_endpointOption->isChecked() && m_endpointBox->currentIndex() >= 0);
    });
    auto* sourceLayout = new QVBoxLayout(sourcePage);
    sourceLayout->addWidget(m_kafkaOption);
    sourceLayout->addWidget(m_kafkaBox);
    sourceLayout->addWidget(m_endpointOption);
    sourceLayout->addWidget(m_endpointBox);
    sourceLayout->addStretch();
    auto* sourceGroup = new QButtonGroup(sourcePage);
    sourceGroup->addButton(m_kafkaOption);
    sourceGroup->addButton(m_endpointOption);
    m_kafkaOption->setChecked(true);
    setPage(SourcePage, sourcePage);

    // 3. Tables
    auto* tables = new Page(tr("Tables"), tr("The connector tables the integration starts with."),
                            [this] { return !m_inferOption->isChecked() || m_inferred.has_value(); });
    m_inferLimit->setRange(1, 1000);
    m_inferLimit->setValue(50);
    m_inferLimit->setAccessibleName(tr("Messages to infer from"));
    m_inferLabel->setWordWrap(true);
    auto* inferRow = new QHBoxLayout;
    inferRow->addWidget(m_topicBox, 1);
    inferRow->addWidget(new QLabel(tr("from the newest")));
    inferRow->addWidget(m_inferLimit);
    inferRow->addWidget(m_inferButton);
    auto* tablesLayout = new QVBoxLayout(tables);
    tablesLayout->addWidget(m_emptyOption);
    tablesLayout->addWidget(m_documentOption);
    tablesLayout->addWidget(m_inferOption);
    tablesLayout->addLayout(inferRow);
    tablesLayout->addWidget(m_inferLabel);
    tablesLayout->addStretch();
    auto* tablesGroup = new QButtonGroup(tables);
    tablesGroup->addButton(m_emptyOption);
    tablesGroup->addButton(m_documentOption);
    tablesGroup->addButton(m_inferOption);
    const int documentTables = document ? document->tableCount() : 0;
    m_documentOption->setText(tr("The %n table(s) of the edited &document", nullptr, documentTables));
    m_documentOption->setEnabled(documentTables > 0);
    (documentTables > 0 ? m_documentOption : m_emptyOption)->setChecked(true);
    setPage(TablesPage, tables);

    // 4. Confirm
    auto* confirm = new Page(tr("Create"), tr("Check and create the integration."), [] { return true; });
    m_summary->setReadOnly(true);
    m_summary->setAccessibleName(tr("What will be created"));
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Error from the Aiven API"));
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, errorColor(errorPalette));
    m_error->setPalette(errorPalette);
    auto* confirmLayout = new QVBoxLayout(confirm);
    confirmLayout->addWidget(m_summary);
    confirmLayout->addWidget(m_progress);
    confirmLayout->addWidget(m_error);
    setPage(ConfirmPage, confirm);

    auto pageUpdate = [this] {
        for (int id : pageIds())
            static_cast<Page*>(page(id))->update();
    };
    connect(m_projectBox, &QComboBox::currentTextChanged, this, [this](const QString& p) {
        if (!p.isEmpty())
            loadProject(p);
    });
    for (auto* box : {m_clickhouseBox, m_kafkaBox, m_endpointBox, m_topicBox})
        connect(box, &QComboBox::currentIndexChanged, this, pageUpdate);
    for (auto* option : {m_kafkaOption, m_endpointOption, m_emptyOption, m_documentOption, m_inferOption})
        connect(option, &QRadioButton::toggled, this, [this, pageUpdate] {
            changed();
            pageUpdate();
        });
    connect(m_topicBox, &QComboBox::currentIndexChanged, this, [this] {
        m_inferred.reset();
        changed();
    });
    connect(m_inferButton, &QPushButton::clicked, this, &CreateIntegrationWizard::inferFromTopic);
    connect(m_kafkaSource, &KafkaSourceResolver::resolved, this, [this](const KafkaSourceResult& result) {
        // A service with its REST proxy off is read directly; on an error the REST peek says what failed.
        if (result.ok() && result.source.direct && result.source.service == m_kafkaBox->currentText())
            m_peek->setDirectSource(*result.source.direct);
    });
    connect(m_peek, &TopicPeek::finished, this, [this, pageUpdate](const PeekOutcome& outcome) {
        onInferred(outcome);
        pageUpdate();
    });
    connect(this, &QWizard::currentIdChanged, this, [this](int) { changed(); });
    changed();
    loadProjects(project);
}

void CreateIntegrationWizard::loadingDone() {
    --m_loading;
    for (int id : pageIds())
        static_cast<Page*>(page(id))->update();
    if (m_loading == 0 && m_destinationStatus->text() == tr("Loading…"))
        m_destinationStatus->clear();
}

void CreateIntegrationWizard::loadProjects(const QString& preferred) {
    if (!m_client)
        return;
    ++m_loading;
    m_destinationStatus->setText(tr("Loading…"));
    m_client->listProjects(this, [this, preferred](AivenResult<std::vector<AivenProject>> result) {
        loadingDone();
        if (!result) {
            m_destinationStatus->setText(result.error.describe());
            return;
        }
        QSignalBlocker block(m_projectBox);
        for (const auto& p : *result.value)
            m_projectBox->addItem(p.name);
        const int index = m_projectBox->findText(preferred);
        m_projectBox->setCurrentIndex(index >= 0 ? index : 0);
        block.unblock();
        if (!m_projectBox->currentText().isEmpty())
            loadProject(m_projectBox->currentText());
    });
}

void CreateIntegrationWizard::loadProject(const QString& project) {
    if (!m_client)
        return;
    m_clickhouseBox->clear();
    m_kafkaBox->clear();
    m_endpointBox->clear();
    m_topicBox->clear();
    m_loading += 2;
    m_destinationStatus->setText(tr("Loading…"));
    m_client->listServices(project, this, [this, project](AivenResult<std::vector<AivenService>> result) {
        if (this->project() != project)
            return;
        loadingDone();
        if (!result) {
            m_destinationStatus->setText(result.error.describe());
            return;
        }
        for (const auto& s : *result.value) {
            if (s.type == QLatin1String("clickhouse"))
                m_clickhouseBox->addItem(s.name);
            else if (s.type == QLatin1String("kafka"))
                m_kafkaBox->addItem(s.name);
        }
        if (m_clickhouseBox->count() == 0)
            m_destinationStatus->setText(tr("Project %1 has no ClickHouse service.").arg(project));
        loadTopics();
    });
    m_client->listIntegrationEndpoints(
        project, this, [this, project](AivenResult<std::vector<AivenIntegrationEndpoint>> result) {
            if (this->project() != project)
                return;
            loadingDone();
            if (!result)
                return; // the Kafka service choice still works; the endpoint list stays empty
            for (const auto& e : *result.value)
                if (e.type == QLatin1String("external_kafka"))
                    m_endpointBox->addItem(e.name, e.id);
            m_endpointOption->setEnabled(m_endpointBox->count() > 0);
        });
}

void CreateIntegrationWizard::loadTopics() {
    m_topicBox->clear();
    m_inferred.reset();
    const QString service = m_kafkaBox->currentText();
    if (!m_client || service.isEmpty())
        return;
    const QString p = project();
    m_peek->setRestSource(p, service);
    m_kafkaSource->resolve({p, service, {}, {}});
    m_client->listTopics(p, service, this,
                         [this, service](AivenResult<std::vector<AivenTopicSummary>> result) {
                             if (m_kafkaBox->currentText() != service || !result)
                                 return;
                             for (const auto& t : *result.value)
                                 m_topicBox->addItem(t.name);
                         });
}

void CreateIntegrationWizard::inferFromTopic() {
    const QString topic = m_topicBox->currentText();
    if (topic.isEmpty() || m_peek->isRunning())
        return;
    m_inferred.reset();
    m_inferOption->setChecked(true);
    m_inferLabel->setText(tr("Reading the newest messages of %1…").arg(topic));
    PeekRequest request;
    request.topic = topic;
    request.limit = m_inferLimit->value();
    m_peek->start(request);
}

void CreateIntegrationWizard::onInferred(const PeekOutcome& outcome) {
    const QString topic = m_topicBox->currentText();
    if (!outcome.ok()) {
        m_inferLabel->setText(outcome.cancelled ? tr("Cancelled.") : outcome.error);
        return;
    }
    std::string samples;
    for (const auto& message : outcome.messages)
        if (const auto json = payloadAsJson(message.value))
            samples += *json + "\n";
    InferenceResult result = inferColumns(samples, "JSONEachRow");
    if (result.columns.empty()) {
        QString why = tr("No columns could be inferred from %n message(s) of %1.", nullptr,
                         static_cast<int>(outcome.messages.size()))
                          .arg(topic);
        if (!result.problems.empty())
            why += QLatin1Char(' ') + QString::fromStdString(result.problems.front().message);
        m_inferLabel->setText(why);
        return;
    }
    ConnectorTable table;
    table.name = tableNameFor(topic);
    table.columns = result.columns;
    Topic source;
    source.name = topic.toStdString();
    table.topics.push_back(source);
    table.dataFormat = "JSONEachRow";
    table.groupName = "clickhouse-" + topic.toStdString();
    m_inferred = table;
    QStringList columns;
    for (const auto& c : result.columns)
        columns << QStringLiteral("%1 %2").arg(QString::fromStdString(c.name),
                                               QString::fromStdString(c.type));
    m_inferLabel->setText(
        tr("Table %1 from %n message(s): %2", nullptr, static_cast<int>(outcome.messages.size()))
            .arg(QString::fromStdString(table.name), columns.join(QStringLiteral(", "))));
    changed();
}

QString CreateIntegrationWizard::project() const {
    return m_projectBox->currentText();
}

QString CreateIntegrationWizard::destination() const {
    return m_clickhouseBox->currentText();
}

AivenIntegrationSource CreateIntegrationWizard::source() const {
    AivenIntegrationSource s;
    if (m_endpointOption->isChecked())
        s.endpointId = m_endpointBox->currentData().toString();
    else
        s.service = m_kafkaBox->currentText();
    return s;
}

UserConfig CreateIntegrationWizard::userConfig() const {
    UserConfig config;
    if (m_documentOption->isChecked() && m_document)
        config = m_document->config();
    else if (m_inferOption->isChecked() && m_inferred)
        config.tables.push_back(*m_inferred);
    return config;
}

void CreateIntegrationWizard::changed() {
    // Inferring needs the topics of an Aiven Kafka service.
    const bool aivenSource = m_kafkaOption->isChecked();
    m_inferOption->setEnabled(aivenSource);
    m_topicBox->setEnabled(aivenSource);
    m_inferButton->setEnabled(aivenSource);
    if (!aivenSource && m_inferOption->isChecked())
        m_emptyOption->setChecked(true);
    const AivenIntegrationSource s = source();
    const UserConfig config = userConfig();
    QString text =
        tr("Project: %1\nDestination (ClickHouse): %2\nSource: %3\nTables: %4\n")
            .arg(project(), destination(),
                 s.service.isEmpty()
                     ? tr("external endpoint %1 (%2)").arg(m_endpointBox->currentText(), s.endpointId)
                     : tr("Kafka service %1").arg(s.service))
            .arg(config.tables.size());
    for (const auto& table : config.tables)
        text += QStringLiteral("  %1 (%2 columns, group %3)\n")
                    .arg(QString::fromStdString(table.name))
                    .arg(table.columns.size())
                    .arg(QString::fromStdString(table.groupName));
    m_summary->setPlainText(text);
}

void CreateIntegrationWizard::initializePage(int id) {
    QWizard::initializePage(id);
    if (id == SourcePage && m_topicBox->count() == 0)
        loadTopics();
    if (id == ConfirmPage) {
        m_error->clear();
        changed();
    }
}

bool CreateIntegrationWizard::validateCurrentPage() {
    if (currentId() != ConfirmPage || m_created)
        return QWizard::validateCurrentPage();
    if (!isCreating())
        startCreate();
    return false; // the answer finishes the wizard
}

void CreateIntegrationWizard::startCreate() {
    if (!m_client)
        return;
    m_error->clear();
    m_progress->show();
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    const QString p = project();
    m_createRequest = m_client->createIntegration(
        p, source(), destination(), toJson(userConfig()), this,
        [this, p](AivenResult<AivenIntegration> result) {
            if (m_createRequest == 0) // cancelled by reject()
                return;
            m_createRequest = 0;
            m_progress->hide();
            button(QWizard::FinishButton)->setEnabled(true);
            button(QWizard::BackButton)->setEnabled(true);
            if (!result) {
                m_error->setText(tr("Aiven did not create the integration: %1").arg(result.error.describe()));
                return;
            }
            m_created = true;
            emit created(p, *result.value);
            accept();
        });
}

void CreateIntegrationWizard::reject() {
    m_peek->cancel();
    if (m_client && m_createRequest) {
        const quint64 id = std::exchange(m_createRequest, 0);
        m_client->cancel(id);
        m_progress->hide();
    }
    QWizard::reject();
}

} // namespace ckstudio
