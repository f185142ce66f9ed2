# `cpack -G DEB` from the build folder: ckstudio and ckstudio-cli in /usr/bin, desktop file, metainfo, icons.
# Depends is computed from the binaries by dpkg-shlibdeps, so it names the exact Qt and QtKeychain libraries.
set(CPACK_PACKAGE_NAME "ckstudio")
set(CPACK_PACKAGE_VENDOR "ClickHouse Kafka Studio developers")
set(CPACK_PACKAGE_CONTACT "ClickHouse Kafka Studio developers <ckstudio@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Editor for Aiven for ClickHouse Kafka integrations")
set(CPACK_PACKAGE_DESCRIPTION "Edit, validate and apply the connector tables of clickhouse_kafka integrations,\npreview data over ClickHouse HTTP, generate DDL, export to avn and Terraform.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# librdkafka1 by hand: the binaries dlopen() it on first use (app/kafka/RdKafkaLibrary.h), so dpkg-shlibdeps
# does not see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, librdkafka1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_STRIP_FILES ON)
include(CPack)
