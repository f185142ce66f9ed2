#pragma once

#include <thread>

namespace ckstudio {

// Start-up work that needs no GUI thread, done on a second thread while QApplication connects to the display:
// - the D-Bus session bus connection, which the GUI thread would otherwise wait for when the first menu bar
//   looks for a global menu service and the first widget text starts the accessibility bridge (where no bus
//   address is set, libdbus forks to look for dbus-launch);
// - fontconfig's configuration (the first text widget would otherwise parse its dozens of XML files);
// - the bundled user_config schema.
// Start it before QApplication; wait() before building the first widget. What each buys: docs/performance.md,
// "Start-up to the first mapped window".
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
