#include "shell/StartupWarmUp.h"

#include "schema/ConfigValidator.h"

#include <QDBusConnection>
#include <QThread>
#include <dlfcn.h>

namespace ckstudio {
namespace {

// Qt Gui links fontconfig on Linux; looked up rather than linked so that a Qt built without it (or another
// platform) just skips this. FcInit is thread-safe, and Qt's own later FcInit finds the configuration loaded.
void loadFontConfiguration() {
    using FcInitFunction = int (*)();
    if (auto init = reinterpret_cast<FcInitFunction>(dlsym(RTLD_DEFAULT, "FcInit")))
        init();
}

} // namespace

StartupWarmUp::StartupWarmUp() {
    // Qt takes the first thread that touches its thread data for the main thread. Touch it here, or the
    // warm-up's QDBusConnection now and then won the race with QApplication ("QApplication was not created in
    // the main() thread"), and Qt's main thread was one that ends in a moment.
    QThread::currentThread();
    m_thread = std::thread([] {
        // First: the GUI thread needs it soonest (the first menu bar asks for a global menu service). Qt
        // keeps this connection, connected or not, for every later sessionBus() call; a caller that comes
        // while it is being made waits for it instead of making another.
        QDBusConnection::sessionBus();
        loadFontConfiguration();
        ConfigValidator::bundledSchema(); // a function-local static: built once, whoever asks first
    });
}

StartupWarmUp::~StartupWarmUp() {
    wait();
}

void StartupWarmUp::wait() {
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace ckstudio
