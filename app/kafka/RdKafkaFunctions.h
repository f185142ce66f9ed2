#pragma once
// The librdkafka functions ckstudio calls, as pointers resolved with dlsym() by RdKafkaLibrary. librdkafka's
// header is included for its types and constants only: call nothing from it directly (no rd_kafka_*(...),
// nor any inline helper or macro that calls one), or the library becomes a link-time dependency again --
// ckstudio_kafka does not link it, so such a call fails to link. To use another function, add it here.
#include "kafka/RdKafkaLibrary.h"

#include <librdkafka/rdkafka.h>

// X(name): one entry per function, in alphabetical order.
#define CKSTUDIO_RDKAFKA_FUNCTIONS(X)                                                                        \
    X(rd_kafka_conf_destroy)                                                                                 \
    X(rd_kafka_conf_new)                                                                                     \
    X(rd_kafka_conf_set)                                                                                     \
    X(rd_kafka_conf_set_error_cb)                                                                            \
    X(rd_kafka_conf_set_log_cb)                                                                              \
    X(rd_kafka_conf_set_opaque)                                                                              \
    X(rd_kafka_consume_callback_queue)                                                                       \
    X(rd_kafka_consume_start_queue)                                                                          \
    X(rd_kafka_consume_stop)                                                                                 \
    X(rd_kafka_destroy)                                                                                      \
    X(rd_kafka_err2str)                                                                                      \
    X(rd_kafka_last_error)                                                                                   \
    X(rd_kafka_message_timestamp)                                                                            \
    X(rd_kafka_metadata)                                                                                     \
    X(rd_kafka_metadata_destroy)                                                                             \
    X(rd_kafka_new)                                                                                          \
    X(rd_kafka_offsets_for_times)                                                                            \
    X(rd_kafka_opaque)                                                                                       \
    X(rd_kafka_poll)                                                                                         \
    X(rd_kafka_query_watermark_offsets)                                                                      \
    X(rd_kafka_queue_destroy)                                                                                \
    X(rd_kafka_queue_new)                                                                                    \
    X(rd_kafka_topic_destroy)                                                                                \
    X(rd_kafka_topic_new)                                                                                    \
    X(rd_kafka_topic_partition_list_add)                                                                     \
    X(rd_kafka_topic_partition_list_destroy)                                                                 \
    X(rd_kafka_topic_partition_list_new)                                                                     \
    X(rd_kafka_yield)

namespace ckstudio {

// Members are named like the functions: lib->rd_kafka_poll(rk, 0).
struct RdKafkaFunctions {
#define CKSTUDIO_RDKAFKA_MEMBER(name) decltype(&::name) name = nullptr;
    CKSTUDIO_RDKAFKA_FUNCTIONS(CKSTUDIO_RDKAFKA_MEMBER)
#undef CKSTUDIO_RDKAFKA_MEMBER
};

} // namespace ckstudio
