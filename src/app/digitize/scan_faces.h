// The enclosed areas of the scan layers for Fill parcel: each georeferenced
// scan on the canvas is vectorized once, as a background task, the first time
// a click needs it; later clicks look the face up at once.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>

#include <memory>

namespace vnland::vectorize {
class SheetFaces;
}

namespace vnland::app {

class EditorContext;

class ScanFaces : public QObject {
    Q_OBJECT
public:
    explicit ScanFaces(EditorContext *context, QObject *parent = nullptr);

    /// The faces of the visible scan layer under @p world, or null: then @p why says
    /// why (no scan here, being read — it starts reading it —, or it could not be read).
    std::shared_ptr<const vectorize::SheetFaces> facesAt(const QPointF &world, QString *why);
    /// Starts reading the scan layer under @p world (no-op when read or running); false + @p why.
    bool prepare(const QString &rasterPath, QString *why);
    /// Forgets every scan (a project closes).
    void clear();
    bool isPreparing() const { return !m_running.isEmpty(); }

signals:
    /// A scan layer was read (ok) or could not be (@p error).
    void prepared(const QString &rasterPath, bool ok, const QString &error);

private:
    QString rasterAt(const QPointF &world) const;

    EditorContext *m_context;
    QHash<QString, std::shared_ptr<const vectorize::SheetFaces>> m_faces;
    QHash<QString, QString> m_failed;   // path → reason
    QHash<QString, bool> m_running;
};

} // namespace vnland::app
