// Start-up benchmark: time from spawning a program to the X server mapping its first top-level window.
// The launcher is itself an X client listening for MapNotify on the root window, so nothing polls and the
// program under test needs no hook. Runs the candidate and the baseline alternately, N times each, and prints
// medians and the ratio (goal <= 1.5x). Needs an X server: xvfb-run -a ./bench_startup CANDIDATE BASELINE [N]
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <xcb/xcb.h>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct XConnection {
    xcb_connection_t* connection = nullptr;
    xcb_window_t root = 0;
};

// Milliseconds until `program` maps a top-level window; negative when it exits or takes over 30 s.
double timeToFirstWindow(XConnection& x, const char* program) {
    // Forget events left over from the previous run.
    while (xcb_generic_event_t* stale = xcb_poll_for_event(x.connection))
        std::free(stale);

    char* argv[] = {const_cast<char*>(program), nullptr};
    const Clock::time_point start = Clock::now();
    pid_t child = 0;
    if (posix_spawn(&child, program, nullptr, nullptr, argv, environ) != 0)
        return -1;

    double elapsed = -1;
    const int fd = xcb_get_file_descriptor(x.connection);
    while (Clock::now() - start < std::chrono::seconds(30)) {
        xcb_generic_event_t* event = xcb_poll_for_event(x.connection);
        if (!event) {
            int status = 0;
            if (waitpid(child, &status, WNOHANG) == child) {
                child = 0;
                break;
            }
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(fd, &readable);
            timeval wait{0, 5000};
            select(fd + 1, &readable, nullptr, nullptr, &wait);
            continue;
        }
        const bool mapped = (event->response_type & 0x7f) == XCB_MAP_NOTIFY;
        const bool topLevel = mapped && !reinterpret_cast<xcb_map_notify_event_t*>(event)->override_redirect;
        std::free(event);
        if (topLevel) {
            elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            break;
        }
    }
    if (child != 0) {
        kill(child, SIGTERM);
        waitpid(child, nullptr, 0);
    }
    return elapsed;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[]) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CANDIDATE BASELINE [RUNS]   (under an X server, e.g. xvfb-run -a)\n",
                     argv[0]);
        return 2;
    }
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 15;
    XConnection x;
    x.connection = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(x.connection)) {
        std::fprintf(stderr, "no X server (DISPLAY=%s)\n",
                     std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "");
        return 2;
    }
    x.root = xcb_setup_roots_iterator(xcb_get_setup(x.connection)).data->root;
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_change_window_attributes(x.connection, x.root, XCB_CW_EVENT_MASK, &mask);
    xcb_flush(x.connection);

    // One unmeasured run each warms the page cache and fontconfig's cache.
    timeToFirstWindow(x, argv[1]);
    timeToFirstWindow(x, argv[2]);
    std::vector<double> candidate;
    std::vector<double> baseline;
    for (int run = 0; run < runs; ++run) {
        const double a = timeToFirstWindow(x, argv[1]);
        const double b = timeToFirstWindow(x, argv[2]);
        if (a < 0 || b < 0) {
            std::fprintf(stderr, "a program showed no window within 30 s (or exited)\n");
            return 1;
        }
        candidate.push_back(a);
        baseline.push_back(b);
    }
    const double ratio = median(candidate) / median(baseline);
    std::printf("first mapped window, median of %d runs (max):\n", runs);
    std::printf("  %-40s %7.1f ms (%7.1f)\n", argv[1], median(candidate),
                *std::max_element(candidate.begin(), candidate.end()));
    std::printf("  %-40s %7.1f ms (%7.1f)\n", argv[2], median(baseline),
                *std::max_element(baseline.begin(), baseline.end()));
    std::printf("ratio: %.2fx (goal <= 1.5x): %s\n", ratio, ratio <= 1.5 ? "PASS" : "MISS");
    xcb_disconnect(x.connection);
    return 0;
}
