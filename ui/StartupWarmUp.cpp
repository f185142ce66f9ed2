#include "StartupWarmUp.h"

#include "schema/ConfigValidator.h"

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

StartupWarmUp::StartupWarmUp()
    : m_thread([] {
        loadFontConfiguration();
        ConfigValidator::bundledSchema(); // a function-local static: built once, whoever asks first
    }) {}

StartupWarmUp::~StartupWarmUp() {
    wait();
}

void StartupWarmUp::wait() {
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace ckstudio
