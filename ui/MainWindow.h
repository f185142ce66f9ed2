#pragma once
#include <QMainWindow>

namespace ckstudio {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace ckstudio
