#pragma once
// Where the topic browser reads from, and how to reach a Kafka cluster directly when Aiven's REST proxy is
// not there: an Aiven for Apache Kafka service with `kafka_rest` off, or an external_kafka endpoint.
#include "aiven/AivenTypes.h"
#include "kafka/KafkaConnection.h"

#include <optional>

namespace ckstudio {

// False when the service's user_config turns the Kafka REST proxy off (`"kafka_rest": false`).
bool serviceHasKafkaRest(const AivenService& service);

// The service's `kafka` component (TLS with the avnadmin access certificate when the API revealed it);
// nullopt when the service lists no such component. `caPem` is the project CA, if known.
std::optional<KafkaConnection> kafkaConnectionForService(const AivenService& service,
                                                         const QByteArray& caPem = {});

// An external_kafka endpoint's user_config: bootstrap_servers, security_protocol, sasl_mechanism,
// sasl_plain_username/password, ssl_ca_cert, ssl_client_cert/key. nullopt without bootstrap servers.
std::optional<KafkaConnection> kafkaConnectionForEndpoint(const AivenIntegrationEndpoint& endpoint);

} // namespace ckstudio
