// The crash journal <project>.vnland-journal of one open Document: its undo
// history (every command in journal form) and the sketch being drawn,
// rewritten kDelayMs after each change and when the Document goes away
// without a normal close; removed on a normal close. On the next open the
// editor offers to restore it: commands whose state no longer matches the
// database are dropped (reported), the rest undo and redo as before.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace vnland::app {

class Document;

class CrashJournal : public QObject {
    Q_OBJECT
public:
    /// Follows @p doc (a child of it: lives as long as the Document).
    explicit CrashJournal(Document *doc);
    /// The journal of @p doc, or null when none is attached.
    static CrashJournal *of(const Document *doc);
    static QString pathFor(const QString &projectPath) { return projectPath + QStringLiteral(".vnland-journal"); }

    QString path() const;
    /// True when a journal from an earlier session (not closed normally) exists.
    bool exists() const;
    /// Restores the undo history and the sketch; false (+ @p error when the
    /// file is unreadable) when not everything could be restored.
    bool restore(QString *error = nullptr);
    /// Removes the journal (normal close, or the officer declined the restore).
    void discard();
    /// Writes the journal now (the timer does it kDelayMs after each change).
    void write();
    static constexpr int kDelayMs = 200;

signals:
    void message(const QString &text);

private:
    QPointer<Document> m_doc;
    QString m_path;
    QTimer *m_timer;
};

} // namespace vnland::app
