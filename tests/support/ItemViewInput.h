#pragma once
// Driving item views the way a user does, for the GUI tests (header only: they link Qt Widgets).
#include <QAbstractItemModel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

namespace ckstudio::test {

// The child of `parent` whose first column shows `name`; invalid when there is none.
inline QModelIndex childNamed(const QAbstractItemModel& model, const QModelIndex& parent,
                              const QString& name) {
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

// Types into the cell's editor (opening one unless the view already did) and commits it with Return.
inline void typeIntoCell(QTableView* view, const QModelIndex& index, const QString& text) {
    view->setCurrentIndex(index);
    if (!view->indexWidget(index))
        view->edit(index);
    auto* editor = qobject_cast<QLineEdit*>(view->indexWidget(index));
    QVERIFY2(editor, "no line edit opened on the cell");
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // Delegates commit on Return through a queued call; the editor closes after it.
    QTRY_VERIFY(!view->indexWidget(index));
}

} // namespace ckstudio::test
