// Global Boost.Test fixture for the editor suites: one offscreen QApplication
// with test-mode settings paths.
#pragma once

#include <QApplication>
#include <QStandardPaths>

struct AppFixture {
    AppFixture()
    {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QStandardPaths::setTestModeEnabled(true);
        app = new QApplication(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("VNLandTest"));
        QCoreApplication::setApplicationName(QStringLiteral("vnland-editor-test"));
    }
    ~AppFixture() { delete app; }
    AppFixture(const AppFixture &) = delete;
    AppFixture &operator=(const AppFixture &) = delete;
    int argc = 1;
    char arg0[24] = "vnland-editor-test";
    char *argv[2] = {arg0, nullptr};
    QApplication *app = nullptr;
};
