#pragma once
// How to reach a Kafka cluster directly (not through Aiven's REST endpoint). Key material is held in
// memory and handed to librdkafka as PEM strings (ssl.*.pem), so no secret is ever written to disk.
#include <QByteArray>
#include <QString>

namespace ckstudio {

struct KafkaConnection {
    QString bootstrapServers; // "host:port[,host:port...]"
    QString securityProtocol; // plaintext | ssl | sasl_plaintext | sasl_ssl; empty: plaintext
    QString saslMechanism;    // PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512
    QString saslUsername;
    QString saslPassword;      // secret: never printed, logged or put in an error
    QByteArray caPem;          // CA(s) to trust instead of the system's; empty: the system's
    QByteArray certificatePem; // client certificate for mutual TLS
    QByteArray keyPem;         // its private key (secret)
};

} // namespace ckstudio
