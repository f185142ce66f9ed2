#pragma once

#include <thread>

namespace ckstudio {

// Start-up work that needs no GUI thread, done on a second thread while QApplication connects to the display:
// fontconfig's configuration (the first text widget would otherwise parse its dozens of XML files, ~7 ms) and
// the bundled user_config schema. Start it before QApplication; wait() before building the first widget.
class StartupWarmUp {
public:
    StartupWarmUp();
    ~StartupWarmUp();
    StartupWarmUp(const StartupWarmUp&) = delete;
    StartupWarmUp& operator=(const StartupWarmUp&) = delete;

    void wait();

private:
    std::thread m_thread;
};

} // namespace ckstudio
