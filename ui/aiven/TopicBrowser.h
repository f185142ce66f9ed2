#pragma once
// Browses the topics of a Kafka source: the Aiven Kafka service's topics with their partitions' offsets, a
// peek (partition, newest or from an offset, limit) into a message table with a pretty and a raw view of the
// selected message, export of the shown messages as JSONEachRow, column inference from them, and the
// consumer lag of each of the document's tables. Peeks go through Aiven's Kafka REST endpoint, or directly to
// Kafka when the service has no REST proxy or the source is an external endpoint; the status says which.
#include "aiven/TopicPeek.h"
#include "inference/ColumnInference.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace ckstudio {

class AivenClient;
class ConfigDocument;
class ConsumerLagModel;
class InferredColumnsDialog;
class KafkaSourceResolver;
struct KafkaSourceResult;
class PartitionsModel;
class TopicListModel;
class TopicMessagesModel;

class TopicBrowser : public QWidget {
    Q_OBJECT
public:
    // `client` and `document` must outlive the browser.
    TopicBrowser(AivenClient* client, ConfigDocument* document, QWidget* parent = nullptr);

    // An Aiven for Apache Kafka service: topics from the API; peeks through its REST proxy, or directly when
    // the service has it off.
    void openService(const QString& project, const QString& service);
    // An external_kafka integration endpoint: direct reads with its connection settings; type the topic.
    void openEndpoint(const QString& project, const QString& endpointId);
    // Any cluster (tests, self-hosted Kafka): direct reads; type the topic.
    void openDirect(const KafkaConnection& connection, const QString& label);
    // Which document table "apply inferred columns" targets (the editor's current one).
    void setCurrentTableProvider(std::function<int()> provider) { m_currentTable = std::move(provider); }

    TopicListModel* topicsModel() const { return m_topics; }
    PartitionsModel* partitionsModel() const { return m_partitions; }
    TopicMessagesModel* messagesModel() const { return m_messages; }
    ConsumerLagModel* lagModel() const { return m_lag; }
    QTableView* topicsView() const { return m_topicsView; }
    QTableView* messagesView() const { return m_messagesView; }
    QLineEdit* topicEdit() const { return m_topicEdit; }
    QComboBox* partitionBox() const { return m_partitionBox; }
    QComboBox* startBox() const { return m_startBox; }
    QLineEdit* offsetEdit() const { return m_offsetEdit; }
    QSpinBox* limitSpin() const { return m_limitSpin; }
    QPushButton* peekButton() const { return m_peekButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QTabWidget* detailTabs() const { return m_detailTabs; }
    QPlainTextEdit* prettyView() const { return m_pretty; }
    QPlainTextEdit* rawView() const { return m_raw; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* sourceLabel() const { return m_source; }
    bool isReady() const { return m_ready; }
    bool isPeeking() const { return m_peek->isRunning(); }
    PeekPath peekPath() const { return m_peek->path(); }
    InferredColumnsDialog* inferDialog() const; // the open one, if any

    // Writes the shown messages, one JSON object per line (see messageJsonLine()). Returns an error message,
    // empty on success.
    QString exportMessages(const QString& path) const;
    // Column inference over the shown messages' values.
    InferenceResult inferColumns() const;

public slots:
    void peek();
    void cancel();
    void refreshTopics();
    void refreshLag();
    void exportWithDialog();
    void showInferredColumns();

signals:
    void ready(); // the source is resolved (topics requested, peek possible)
    void peekFinished(bool ok);
    void failed(const QString& message); // the source could not be opened

private:
    void selectTopic(const QString& topic);
    void showSelected();
    void updateActions();
    void setSourceText(const QString& text);
    void onResolved(const KafkaSourceResult& result);
    void resolved(const QString& label);
    void useDirect(const KafkaConnection& connection, const QString& label);

    QPointer<AivenClient> m_client;
    QPointer<ConfigDocument> m_document;
    std::function<int()> m_currentTable;
    QString m_project;
    QString m_service; // empty for a direct source
    bool m_ready = false;
    quint64 m_topicRequest = 0;
    quint64 m_partitionRequest = 0;
    std::vector<quint64> m_lagRequests;

    KafkaSourceResolver* m_resolver; // where the opened source is read from
    TopicPeek* m_peek;
    TopicListModel* m_topics;
    PartitionsModel* m_partitions;
    TopicMessagesModel* m_messages;
    ConsumerLagModel* m_lag;
    QString m_shownTopic; // the topic of the shown messages

    QLabel* m_source;
    QTableView* m_topicsView;
    QTableView* m_partitionsView;
    QTableView* m_lagView;
    QLineEdit* m_topicEdit;
    QComboBox* m_partitionBox;
    QComboBox* m_startBox;
    QLineEdit* m_offsetEdit;
    QSpinBox* m_limitSpin;
    QPushButton* m_peekButton;
    QPushButton* m_cancelButton;
    QPushButton* m_exportButton;
    QPushButton* m_inferButton;
    QTableView* m_messagesView;
    QTabWidget* m_detailTabs;
    QPlainTextEdit* m_pretty;
    QPlainTextEdit* m_raw;
    QLabel* m_status;
    QPointer<InferredColumnsDialog> m_inferDialog;
};

} // namespace ckstudio
