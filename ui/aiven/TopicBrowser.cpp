#include "aiven/TopicBrowser.h"

#include "aiven/AivenClient.h"
#include "aiven/ConsumerLagModel.h"
#include "aiven/InferredColumnsDialog.h"
#include "aiven/KafkaSourceResolver.h"
#include "aiven/TopicMessagesModel.h"
#include "aiven/TopicOverviewModels.h"
#include "itemmodels/ConfigDocument.h"
#include "kafka/MessageText.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ckstudio {
namespace {

QTableView* makeTable(QAbstractItemModel* model, const QString& name, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

TopicBrowser::TopicBrowser(AivenClient* client, ConfigDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_document(document)
    , m_resolver(new KafkaSourceResolver(client, this))
    , m_peek(new TopicPeek(client, this))
    , m_topics(new TopicListModel(this))
    , m_partitions(new PartitionsModel(this))
    , m_messages(new TopicMessagesModel(this))
    , m_lag(new ConsumerLagModel(document, this))
    , m_source(new QLabel(this))
    , m_topicsView(makeTable(m_topics, tr("Topics"), this))
    , m_partitionsView(makeTable(m_partitions, tr("Partitions of the selected topic"), this))
    , m_lagView(makeTable(m_lag, tr("Consumer lag of the document's tables"), this))
    , m_topicEdit(new QLineEdit(this))
    , m_partitionBox(new QComboBox(this))
    , m_startBox(new QComboBox(this))
    , m_offsetEdit(new QLineEdit(this))
    , m_limitSpin(new QSpinBox(this))
    , m_peekButton(new QPushButton(tr("&Peek"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
    , m_exportButton(new QPushButton(tr("&Export Shown…"), this))
    , m_inferButton(new QPushButton(tr("&Infer Columns…"), this))
    , m_messagesView(makeTable(m_messages, tr("Messages"), this))
    , m_detailTabs(new QTabWidget(this))
    , m_pretty(new QPlainTextEdit(this))
    , m_raw(new QPlainTextEdit(this))
    , m_status(new QLabel(this)) {
    setAccessibleName(tr("Topic browser"));
    m_source->setWordWrap(true);
    m_topicEdit->setPlaceholderText(tr("topic"));
    m_topicEdit->setAccessibleName(tr("Topic to peek"));
    m_partitionBox->setAccessibleName(tr("Partition"));
    m_partitionBox->addItem(tr("All partitions"));
    m_startBox->setAccessibleName(tr("Where to start"));
    m_startBox->addItem(tr("Newest"));
    m_startBox->addItem(tr("From offset"));
    m_offsetEdit->setAccessibleName(tr("Start offset"));
    m_offsetEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,18}")), this));
    m_offsetEdit->setText(QStringLiteral("0"));
    m_limitSpin->setAccessibleName(tr("Message limit"));
    m_limitSpin->setRange(1, 10000);
    m_limitSpin->setValue(20);
    m_exportButton->setToolTip(
        tr("Write the shown messages to a file, one JSON object per line (JSONEachRow)"));
    m_inferButton->setToolTip(tr("Infer ClickHouse columns from the shown messages' values"));
    m_pretty->setReadOnly(true);
    m_raw->setReadOnly(true);
    m_pretty->setAccessibleName(tr("Selected message, pretty JSON"));
    m_raw->setAccessibleName(tr("Selected message value, raw"));
    m_detailTabs->addTab(m_pretty, tr("Pretty"));
    m_detailTabs->addTab(m_raw, tr("Raw"));
    m_status->setWordWrap(true);
    m_partitionsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_messagesView->horizontalHeader()->setSectionResizeMode(TopicMessagesModel::TimestampColumn,
                                                             QHeaderView::ResizeToContents);

    auto* refreshLagButton = new QPushButton(tr("Refresh &Lag"), this);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_topicsView, 3);
    leftLayout->addWidget(m_partitionsView, 2);
    leftLayout->addWidget(new QLabel(tr("Consumer lag of the document's tables:"), this));
    leftLayout->addWidget(m_lagView, 2);
    leftLayout->addWidget(refreshLagButton);

    auto* peekBar = new QHBoxLayout;
    peekBar->addWidget(m_topicEdit, 2);
    peekBar->addWidget(m_partitionBox);
    peekBar->addWidget(m_startBox);
    peekBar->addWidget(m_offsetEdit, 1);
    peekBar->addWidget(new QLabel(tr("Limit:"), this));
    peekBar->addWidget(m_limitSpin);
    peekBar->addWidget(m_peekButton);
    peekBar->addWidget(m_cancelButton);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_exportButton);
    actions->addWidget(m_inferButton);

    auto* messageSplit = new QSplitter(Qt::Vertical, this);
    messageSplit->addWidget(m_messagesView);
    messageSplit->addWidget(m_detailTabs);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(peekBar);
    rightLayout->addWidget(messageSplit, 1);
    rightLayout->addLayout(actions);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(split, 1);

    connect(m_peekButton, &QPushButton::clicked, this, &TopicBrowser::peek);
    connect(m_topicEdit, &QLineEdit::returnPressed, this, &TopicBrowser::peek);
    connect(m_cancelButton, &QPushButton::clicked, this, &TopicBrowser::cancel);
    connect(m_exportButton, &QPushButton::clicked, this, &TopicBrowser::exportWithDialog);
    connect(m_inferButton, &QPushButton::clicked, this, &TopicBrowser::showInferredColumns);
    connect(refreshLagButton, &QPushButton::clicked, this, &TopicBrowser::refreshLag);
    connect(m_startBox, &QComboBox::currentIndexChanged, this, &TopicBrowser::updateActions);
    connect(m_topicEdit, &QLineEdit::textChanged, this, &TopicBrowser::updateActions);
    connect(m_topicsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    selectTopic(m_topics->topics()[static_cast<std::size_t>(current.row())].name);
            });
    connect(m_messagesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TopicBrowser::showSelected);
    connect(m_messages, &QAbstractItemModel::modelReset, this, &TopicBrowser::showSelected);
    connect(m_resolver, &KafkaSourceResolver::resolved, this, &TopicBrowser::onResolved);
    connect(m_peek, &TopicPeek::finished, this, [this](const PeekOutcome& outcome) {
        const QString via = outcome.path == PeekPath::AivenRest
                                ? tr("through Aiven's Kafka REST endpoint")
                                : tr("directly from Kafka (the REST proxy is not available for this source)");
        if (outcome.cancelled) {
            m_status->setText(tr("Peek cancelled."));
        } else if (!outcome.ok()) {
            m_status->setText(tr("Peek failed %1: %2").arg(via, outcome.error));
        } else {
            m_messages->setMessages(outcome.messages);
            m_shownTopic = m_topicEdit->text().trimmed();
            m_status->setText(tr("%n message(s) of %1 read %2; no consumer group, nothing consumed.", nullptr,
                                 static_cast<int>(outcome.messages.size()))
                                  .arg(m_shownTopic, via));
            if (!outcome.messages.empty())
                m_messagesView->selectRow(0);
        }
        updateActions();
        emit peekFinished(outcome.ok());
    });
    updateActions();
}

void TopicBrowser::setSourceText(const QString& text) {
    m_source->setText(text);
}

void TopicBrowser::openService(const QString& project, const QString& service) {
    m_project = project;
    m_service = service;
    m_ready = false;
    m_peek->setRestSource(project, service);
    setSourceText(tr("Kafka service %1 of project %2 — loading…").arg(service, project));
    if (!m_client)
        return;
    m_resolver->resolve({project, service, {}, {}});
    refreshTopics();
}

void TopicBrowser::openEndpoint(const QString& project, const QString& endpointId) {
    m_project = project;
    m_service.clear();
    m_ready = false;
    m_topics->setTopics({});
    m_partitions->setPartitions({});
    setSourceText(tr("External Kafka endpoint %1 — loading…").arg(endpointId));
    if (!m_client)
        return;
    m_resolver->resolve({project, {}, endpointId, {}});
}

void TopicBrowser::openDirect(const KafkaConnection& connection, const QString& label) {
    m_resolver->cancel();
    m_project.clear();
    m_service.clear();
    m_topics->setTopics({});
    m_partitions->setPartitions({});
    useDirect(connection, label);
}

void TopicBrowser::onResolved(const KafkaSourceResult& result) {
    if (!result.ok()) {
        setSourceText(result.errorText());
        emit failed(result.error->describe());
        return;
    }
    const KafkaSource& source = result.source;
    if (source.kafkaRest) {
        resolved(tr("Kafka service %1 of project %2 — peeks through Aiven's Kafka REST endpoint")
                     .arg(source.service, source.project));
    } else if (!source.service.isEmpty()) {
        m_peek->setDirectSource(*source.direct);
        resolved(tr("Kafka service %1 of project %2 — REST proxy off, peeks read Kafka directly (%3)")
                     .arg(source.service, source.project, source.direct->bootstrapServers));
    } else {
        useDirect(*source.direct, tr("External Kafka endpoint %1").arg(source.endpointName));
    }
}

void TopicBrowser::useDirect(const KafkaConnection& connection, const QString& label) {
    m_peek->setDirectSource(connection);
    resolved(
        tr("%1 (%2) — peeks read Kafka directly; type the topic").arg(label, connection.bootstrapServers));
}

void TopicBrowser::resolved(const QString& label) {
    setSourceText(label);
    m_ready = true;
    updateActions();
    emit ready();
}

void TopicBrowser::refreshTopics() {
    if (!m_client || m_service.isEmpty())
        return;
    if (m_topicRequest)
        m_client->cancel(m_topicRequest);
    m_topicRequest = m_client->listTopics(
        m_project, m_service, this, [this](AivenResult<std::vector<AivenTopicSummary>> result) {
            m_topicRequest = 0;
            if (!result) {
                if (!result.error.cancelled)
                    m_status->setText(tr("Topics: %1").arg(result.error.describe()));
                return;
            }
            m_topics->setTopics(*result.value);
            refreshLag();
        });
}

void TopicBrowser::refreshLag() {
    if (!m_client || m_service.isEmpty())
        return;
    for (quint64 id : std::exchange(m_lagRequests, {}))
        m_client->cancel(id);
    m_lag->clearTopics();
    for (const QString& topic : m_lag->topicNames()) {
        if (m_topics->rowOf(topic) < 0) {
            m_lag->setTopicError(topic, tr("not a topic of %1").arg(m_service));
            continue;
        }
        m_lagRequests.push_back(m_client->getTopic(
            m_project, m_service, topic, this, [this, topic](AivenResult<AivenTopic> result) {
                if (result)
                    m_lag->setTopic(*result.value);
                else if (!result.error.cancelled)
                    m_lag->setTopicError(topic, result.error.describe());
            }));
    }
}

void TopicBrowser::selectTopic(const QString& topic) {
    m_topicEdit->setText(topic);
    m_partitions->setPartitions({});
    while (m_partitionBox->count() > 1)
        m_partitionBox->removeItem(1);
    if (!m_client || m_service.isEmpty())
        return;
    if (m_partitionRequest)
        m_client->cancel(std::exchange(m_partitionRequest, 0));
    m_partitionRequest =
        m_client->getTopic(m_project, m_service, topic, this, [this, topic](AivenResult<AivenTopic> result) {
            m_partitionRequest = 0;
            if (m_topicEdit->text() != topic)
                return;
            if (!result) {
                if (!result.error.cancelled)
                    m_status->setText(tr("Topic %1: %2").arg(topic, result.error.describe()));
                return;
            }
            for (const auto& p : result.value->partitions)
                m_partitionBox->addItem(tr("Partition %1").arg(p.partition), p.partition);
            m_partitions->setPartitions(result.value->partitions);
        });
}

void TopicBrowser::peek() {
    const QString topic = m_topicEdit->text().trimmed();
    if (topic.isEmpty() || !m_ready || m_peek->isRunning())
        return;
    PeekRequest request;
    request.topic = topic;
    request.limit = m_limitSpin->value();
    if (const QVariant partition = m_partitionBox->currentData(); partition.isValid())
        request.partition = partition.toInt();
    if (m_startBox->currentIndex() == 1)
        request.fromOffset = m_offsetEdit->text().toLongLong();
    m_status->setText(tr("Reading %1…").arg(topic));
    m_peek->start(request);
    updateActions();
}

void TopicBrowser::cancel() {
    m_peek->cancel();
}

void TopicBrowser::showSelected() {
    const QModelIndex current = m_messagesView->selectionModel()->currentIndex();
    const PeekedMessage* message = current.isValid() ? m_messages->message(current.row()) : nullptr;
    m_pretty->setPlainText(message ? prettyMessage(*message) : QString());
    m_raw->setPlainText(message ? rawValue(*message) : QString());
    updateActions();
}

void TopicBrowser::updateActions() {
    const bool running = m_peek->isRunning();
    m_peekButton->setEnabled(m_ready && !running && !m_topicEdit->text().trimmed().isEmpty());
    m_cancelButton->setEnabled(running);
    m_offsetEdit->setEnabled(m_startBox->currentIndex() == 1);
    const bool any = m_messages->rowCount() > 0;
    m_exportButton->setEnabled(any);
    m_inferButton->setEnabled(any);
}

QString TopicBrowser::exportMessages(const QString& path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    for (const auto& message : m_messages->messages()) {
        const std::string line = messageJsonLine(message) + "\n";
        file.write(line.data(), static_cast<qint64>(line.size()));
    }
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void TopicBrowser::exportWithDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Shown Messages"),
                                                      m_shownTopic + QStringLiteral(".jsonl"),
                                                      tr("JSON lines (*.jsonl *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = exportMessages(path);
    m_status->setText(error.isEmpty()
                          ? tr("Exported %n message(s) to %1.", nullptr, m_messages->rowCount()).arg(path)
                          : error);
}

InferenceResult TopicBrowser::inferColumns() const {
    const int table = m_currentTable ? m_currentTable() : -1;
    const ConnectorTable* target = m_document ? m_document->table(table) : nullptr;
    const std::string format = inferenceFormatFor(target ? target->dataFormat : std::string());
    std::string samples;
    for (const auto& message : m_messages->messages()) {
        // One JSON value per line: a pretty-printed payload would span lines.
        if (const auto json = payloadAsJson(message.value))
            samples += *json + "\n";
    }
    return ckstudio::inferColumns(samples, format);
}

InferredColumnsDialog* TopicBrowser::inferDialog() const {
    return m_inferDialog;
}

void TopicBrowser::showInferredColumns() {
    if (m_inferDialog)
        m_inferDialog->close();
    const int table = m_currentTable ? m_currentTable() : -1;
    auto* dialog = new InferredColumnsDialog(inferColumns(), m_document, table, m_shownTopic, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_inferDialog = dialog;
    dialog->open();
}

} // namespace ckstudio
