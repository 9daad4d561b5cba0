// Builds the Digitize menu and toolbar of a main window and owns its
// digitizing tools (the canvas's map tool).
#pragma once

#include <QObject>

class QActionGroup;
class QMainWindow;
class QMenu;
class QToolBar;

namespace vnland::app {

class DigitizeTools;
class EditorContext;

class DigitizeActions : public QObject {
    Q_OBJECT
public:
    /// Tool actions join @p tools (one checked tool across viewing and digitizing).
    DigitizeActions(EditorContext *context, QMainWindow *window, QActionGroup *tools);
    DigitizeTools *tools() const { return m_tools; }
    QMenu *menu() const { return m_menu; }
    QToolBar *toolbar() const { return m_toolbar; }

private:
    EditorContext *m_context;
    DigitizeTools *m_tools = nullptr;
    QMenu *m_menu = nullptr;
    QToolBar *m_toolbar = nullptr;
};

} // namespace vnland::app
