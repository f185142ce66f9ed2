// The baseline of the start-up benchmark: the least Qt Widgets program that shows a QMainWindow.
#include <QApplication>
#include <QMainWindow>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1024, 700);
    window.show();
    return app.exec();
}
