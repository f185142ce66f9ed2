#include "kafka/RdKafkaLibrary.h"

#include "kafka/RdKafkaFunctions.h"

#include <atomic>
#include <dlfcn.h>
#include <type_traits>

namespace ckstudio {
namespace {

struct Loaded {
    RdKafkaFunctions functions;
    bool ok = false;
    QString error;
};

std::atomic_bool g_loadStarted{false};

QByteArray& fileName() {
    static QByteArray name = RdKafkaLibrary::kFileName;
    return name;
}

QString lastDlError() {
    const char* text = dlerror();
    return text != nullptr ? QString::fromLocal8Bit(text) : QStringLiteral("no reason given");
}

Loaded load(const QByteArray& file) {
    Loaded result;
    const QString shown = QString::fromLocal8Bit(file);
    // RTLD_LOCAL: its symbols stay out of the global namespace. Never closed once loaded: librdkafka's
    // background threads may outlive every handle we gave back.
    void* handle = dlopen(file.constData(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        result.error =
            QStringLiteral("%1 could not be loaded (%2): install librdkafka1").arg(shown, lastDlError());
        return result;
    }
    auto resolve = [&](auto& pointer, const char* name) {
        dlerror(); // clears an earlier error, so that the one below is dlsym's
        void* symbol = dlsym(handle, name);
        if (symbol == nullptr) {
            result.error = QStringLiteral("%1 has no function %2 (%3): install a newer librdkafka1")
                               .arg(shown, QLatin1String(name), lastDlError());
            return false;
        }
        pointer = reinterpret_cast<std::remove_reference_t<decltype(pointer)>>(symbol);
        return true;
    };
#define CKSTUDIO_RDKAFKA_RESOLVE(name) &&resolve(result.functions.name, #name)
    result.ok = true CKSTUDIO_RDKAFKA_FUNCTIONS(CKSTUDIO_RDKAFKA_RESOLVE);
#undef CKSTUDIO_RDKAFKA_RESOLVE
    if (!result.ok) {
        result.functions = {};
        dlclose(handle);
    }
    return result;
}

// Thread-safe by the rules of function-local statics: the first caller loads, concurrent callers wait.
const Loaded& loaded() {
    static const Loaded library = [] {
        g_loadStarted = true;
        return load(fileName());
    }();
    return library;
}

} // namespace

const RdKafkaFunctions* RdKafkaLibrary::functions() {
    const Loaded& library = loaded();
    return library.ok ? &library.functions : nullptr;
}

QString RdKafkaLibrary::loadError() {
    return loaded().error;
}

bool RdKafkaLibrary::useFileForTesting(const QByteArray& file) {
    if (g_loadStarted)
        return false;
    fileName() = file;
    return true;
}

} // namespace ckstudio
