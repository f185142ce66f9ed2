#pragma once
// Creates a clickhouse_kafka integration: the ClickHouse service (destination), the source (an Aiven for
// Apache Kafka service of the project or an external_kafka endpoint), the tables (none, the edited
// document's, or one table inferred from a peek at a topic), then POST /v1/project/{p}/integration with
// progress. The API's error message is shown on the last page; on success created() carries the new
// integration.
#include "aiven/AivenTypes.h"
#include "domain/UserConfig.h"

#include <QPointer>
#include <QWizard>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace ckstudio {

class AivenClient;
class ConfigDocument;
class KafkaSourceResolver;
class TopicPeek;
struct PeekOutcome;

class CreateIntegrationWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { DestinationPage, SourcePage, TablesPage, ConfirmPage };

    // `project` preselects a project (may be empty); `document` offers its tables.
    CreateIntegrationWizard(AivenClient* client, ConfigDocument* document, const QString& project,
                            QWidget* parent = nullptr);

    QComboBox* projectBox() const { return m_projectBox; }
    QComboBox* clickhouseBox() const { return m_clickhouseBox; }
    QRadioButton* kafkaServiceOption() const { return m_kafkaOption; }
    QRadioButton* endpointOption() const { return m_endpointOption; }
    QComboBox* kafkaServiceBox() const { return m_kafkaBox; }
    QComboBox* endpointBox() const { return m_endpointBox; }
    QRadioButton* emptyOption() const { return m_emptyOption; }
    QRadioButton* documentOption() const { return m_documentOption; }
    QRadioButton* inferOption() const { return m_inferOption; }
    QComboBox* topicBox() const { return m_topicBox; }
    QPushButton* inferButton() const { return m_inferButton; }
    QLabel* inferLabel() const { return m_inferLabel; }
    QPlainTextEdit* summary() const { return m_summary; }
    QLabel* errorLabel() const { return m_error; }
    QProgressBar* progress() const { return m_progress; }
    bool isLoading() const { return m_loading > 0; }
    bool isCreating() const { return m_createRequest != 0; }

    // What would be sent as user_config for the current choices.
    UserConfig userConfig() const;
    AivenIntegrationSource source() const;
    QString project() const;
    QString destination() const;

signals:
    void created(const QString& project, const ckstudio::AivenIntegration& integration);

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void reject() override;

private:
    class Page;
    void loadProjects(const QString& preferred);
    void loadProject(const QString& project);
    void loadTopics();
    void inferFromTopic();
    void onInferred(const PeekOutcome& outcome);
    void startCreate();
    void loadingDone();
    void changed();

    QPointer<AivenClient> m_client;
    QPointer<ConfigDocument> m_document;
    KafkaSourceResolver* m_kafkaSource; // how the chosen Kafka service's topics are read
    TopicPeek* m_peek;
    int m_loading = 0;
    quint64 m_createRequest = 0;
    bool m_created = false;
    std::optional<ConnectorTable> m_inferred;

    QComboBox* m_projectBox;
    QComboBox* m_clickhouseBox;
    QLabel* m_destinationStatus;
    QRadioButton* m_kafkaOption;
    QRadioButton* m_endpointOption;
    QComboBox* m_kafkaBox;
    QComboBox* m_endpointBox;
    QRadioButton* m_emptyOption;
    QRadioButton* m_documentOption;
    QRadioButton* m_inferOption;
    QComboBox* m_topicBox;
    QSpinBox* m_inferLimit;
    QPushButton* m_inferButton;
    QLabel* m_inferLabel;
    QPlainTextEdit* m_summary;
    QProgressBar* m_progress;
    QLabel* m_error;
};

} // namespace ckstudio
