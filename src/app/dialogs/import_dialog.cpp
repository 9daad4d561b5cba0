// Import dialog: inspection and previews.
#include "dialogs/import_dialog.h"

#include "io/field_mapping.h"
#include "io/text_encoding.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace vnland::app {

ImportDialog::ImportDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Import data"));
    resize(720, 560);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_path = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path);
    row->addWidget(browse);
    form->addRow(tr("Source file:"), row);
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    form->addRow(QString(), m_info);
    m_encoding = new QComboBox(this);
    m_encoding->addItem(tr("Automatic"), QString());
    for (const char *e : {"utf-8", "cp1258", "tcvn3", "vni", "latin1"})
        m_encoding->addItem(QString::fromLatin1(e), QString::fromLatin1(e));
    form->addRow(tr("Text encoding:"), m_encoding);
    m_sourceCrs = new QLineEdit(this);
    m_sourceCrs->setPlaceholderText(tr("from the file (.prj); or EPSG code, province name, WKT"));
    form->addRow(tr("Source CRS:"), m_sourceCrs);
    m_mappingFile = new QLineEdit(this);
    m_mappingFile->setPlaceholderText(tr("detected automatically; or a mapping JSON file"));
    form->addRow(tr("Field mapping:"), m_mappingFile);
    // A re-import of parcels already in the project: refused by default (a mistake), or on purpose.
    m_existing = new QComboBox(this);
    m_existing->setObjectName(QStringLiteral("existingPolicy"));
    m_existing->addItem(tr("Stop and list them (nothing is imported)"), int(io::ImportOptions::Existing::Refuse));
    m_existing->addItem(tr("Update them from the file (old values kept in the change log)"),
                        int(io::ImportOptions::Existing::Update));
    m_existing->addItem(tr("Keep them as they are, import only the new ones"), int(io::ImportOptions::Existing::Skip));
    m_existing->addItem(tr("Import them as well, flagged as duplicate numbers"), int(io::ImportOptions::Existing::KeepBoth));
    form->addRow(tr("Parcels already in the project:"), m_existing);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Decoded sample text:"), this));
    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setMaximumHeight(110);
    layout->addWidget(m_preview);
    layout->addWidget(new QLabel(tr("Field mapping preview (first feature):"), this));
    m_mapping = new QTableWidget(0, 3, this);
    m_mapping->setHorizontalHeaderLabels({tr("VNLand field"), tr("Source field"), tr("Sample value")});
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->verticalHeader()->hide();
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_mapping);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(
            this, tr("Import data"), QString(),
            tr("Vector data (*.shp *.gpkg *.geojson *.json *.kml *.tab *.mif *.dxf *.gdb *.zip);;All files (*)"));
        if (!p.isEmpty()) {
            m_path->setText(p);
            inspect(p);
        }
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this] { inspect(m_path->text()); });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::updatePreview);
}

QString ImportDialog::sourcePath() const { return m_path->text().trimmed(); }

bool ImportDialog::inspect(const QString &path)
{
    m_fieldNames.clear();
    m_rows.clear();
    m_detected.clear();
    if (m_path->text() != path)
        m_path->setText(path);
    // Raw bytes: the shapefile driver must not recode, the decoder does that.
    const char *openOptions[] = {"ENCODING=", nullptr};
    CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                              openOptions, nullptr));
    if (!ds || ds->GetLayerCount() == 0) {
        m_info->setText(tr("Cannot read %1 as vector data: %2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg())));
        updatePreview();
        return false;
    }
    OGRLayer *layer = ds->GetLayer(0);
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        m_fieldNames.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    std::vector<std::string> samples;
    layer->ResetReading();
    for (int n = 0; n < 50; ++n) {
        OGRFeatureUniquePtr f(layer->GetNextFeature());
        if (!f)
            break;
        std::vector<std::string> values;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            values.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
            if (defn->GetFieldDefn(i)->GetType() == OFTString && !values.back().empty())
                samples.push_back(values.back());
        }
        m_rows.push_back(std::move(values));
    }
    const auto guess = io::detectEncoding(samples);
    m_detected = io::encodingName(guess.encoding);
    m_encoding->setItemText(0, guess.ambiguous ? tr("Automatic (text is plain ASCII)")
                                               : tr("Automatic (detected: %1, %2 %)")
                                                     .arg(QString::fromStdString(m_detected))
                                                     .arg(qRound(guess.confidence * 100)));
    QString crs = tr("no CRS in the file");
    if (const OGRSpatialReference *srs = layer->GetSpatialRef()) {
        const char *auth = srs->GetAuthorityName(nullptr);
        const char *code = srs->GetAuthorityCode(nullptr);
        crs = QString::fromUtf8(srs->GetName());
        if (auth && code)
            crs += QStringLiteral(" (%1:%2)").arg(QString::fromLatin1(auth), QString::fromLatin1(code));
    }
    m_info->setText(tr("%1, layer %2: %3 features, %4 fields; %5")
                        .arg(QString::fromUtf8(ds->GetDriver()->GetDescription()), QString::fromUtf8(layer->GetName()))
                        .arg(layer->GetFeatureCount())
                        .arg(defn->GetFieldCount())
                        .arg(crs));
    updatePreview();
    return true;
}

void ImportDialog::updatePreview()
{
    std::string encName = m_encoding->currentData().toString().toStdString();
    if (encName.empty())
        encName = m_detected.empty() ? "utf-8" : m_detected;
    const auto enc = io::parseEncoding(encName).value_or(io::TextEncoding::Utf8);
    // Encoding preview: distinct non-ASCII strings, decoded.
    QStringList lines;
    for (const auto &row : m_rows)
        for (const auto &v : row) {
            const bool ascii = std::all_of(v.begin(), v.end(), [](char c) { return (unsigned char)c < 0x80; });
            const QString d = QString::fromStdString(io::decode(v, enc));
            if (!ascii && !lines.contains(d))
                lines << d;
        }
    m_preview->setPlainText(lines.mid(0, 12).join(QLatin1Char('\n')));
    // Mapping preview.
    m_mapping->setRowCount(0);
    std::optional<io::FieldMapping> mapping = io::FieldMapping::detect(m_fieldNames);
    if (!mapping)
        return;
    const auto resolved = mapping->resolve(m_fieldNames);
    for (const auto &[target, index] : resolved) {
        const int r = m_mapping->rowCount();
        m_mapping->insertRow(r);
        m_mapping->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(target)));
        m_mapping->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(m_fieldNames[size_t(index)])));
        const std::string raw = m_rows.empty() ? std::string() : m_rows.front()[size_t(index)];
        m_mapping->setItem(r, 2, new QTableWidgetItem(QString::fromStdString(io::decode(raw, enc))));
    }
    m_info->setText(m_info->text().section(QStringLiteral(" — "), 0, 0) + QStringLiteral(" — ")
                    + tr("mapping: %1").arg(QString::fromStdString(mapping->name())));
}

io::ImportOptions ImportDialog::options() const
{
    io::ImportOptions o;
    o.encoding = m_encoding->currentData().toString().toStdString();
    o.sourceCrs = m_sourceCrs->text().trimmed().toStdString();
    o.mappingFile = m_mappingFile->text().trimmed().toStdString();
    o.existing = static_cast<io::ImportOptions::Existing>(m_existing->currentData().toInt());
    return o;
}

} // namespace vnland::app
