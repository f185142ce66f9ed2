#include "MainWindow.h"

namespace ckstudio {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("ClickHouse Kafka Studio"));
}

} // namespace ckstudio
