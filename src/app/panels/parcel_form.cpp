// Parcel form widget.
#include "panels/parcel_form.h"

#include "document/undo_commands.h"

#include "store/reference_data.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vnland::app {

namespace {
constexpr ParcelField kFields[] = {ParcelField::ToSo, ParcelField::ThuaSo, ParcelField::LanduseCode,
                                   ParcelField::OwnerName, ParcelField::Address, ParcelField::LegalArea};
}

ParcelForm::ParcelForm(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    outer->addWidget(m_title);
    auto *form = new QFormLayout;
    m_toSo = new QLineEdit(this);
    m_toSo->setObjectName(QStringLiteral("toSo"));
    m_toSo->setValidator(new QIntValidator(1, 99999, m_toSo));
    m_thuaSo = new QLineEdit(this);
    m_thuaSo->setObjectName(QStringLiteral("thuaSo"));
    m_thuaSo->setValidator(new QIntValidator(1, 99999, m_thuaSo));
    m_landuse = new QComboBox(this);
    m_landuse->setObjectName(QStringLiteral("landuse"));
    m_landuse->addItem(tr("(none)"), QString());
    for (const auto &[code, lc] : store::landuseCodes())
        m_landuse->addItem(QStringLiteral("%1 – %2").arg(QString::fromStdString(code), QString::fromStdString(lc.nameVi)),
                           QString::fromStdString(code));
    m_landuse->setMaxVisibleItems(20);
    // Long Vietnamese names must not widen the dock (and the window) to fit.
    m_landuse->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_landuse->setMinimumContentsLength(14);
    m_owner = new QLineEdit(this);
    m_owner->setObjectName(QStringLiteral("owner"));
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("address"));
    m_legalArea = new QLineEdit(this);
    m_legalArea->setObjectName(QStringLiteral("legalArea"));
    m_measured = new QLabel(this);
    form->addRow(tr("Sheet number (tờ):"), m_toSo);
    form->addRow(tr("Parcel number (thửa):"), m_thuaSo);
    form->addRow(tr("Land-use code:"), m_landuse);
    form->addRow(tr("Land user:"), m_owner);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("Legal area (m²):"), m_legalArea);
    form->addRow(tr("Measured area (m²):"), m_measured);
    outer->addLayout(form);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    m_error->setWordWrap(true);
    outer->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_revert = new QPushButton(tr("Revert"), this);
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    outer->addLayout(buttons);
    outer->addStretch();

    for (QLineEdit *e : {m_toSo, m_thuaSo, m_owner, m_address, m_legalArea}) {
        connect(e, &QLineEdit::textEdited, this, &ParcelForm::validateForm);
        connect(e, &QLineEdit::returnPressed, this, &ParcelForm::apply);
    }
    connect(m_landuse, &QComboBox::currentIndexChanged, this, &ParcelForm::validateForm);
    connect(m_apply, &QPushButton::clicked, this, &ParcelForm::apply);
    connect(m_revert, &QPushButton::clicked, this, &ParcelForm::revert);
    showRow(-1);
}

void ParcelForm::setDocument(Document *doc)
{
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (m_doc) {
        connect(m_doc, &Document::selectionChanged, this, [this] {
            const auto &sel = m_doc->selection();
            showRow(sel.size() == 1 ? *sel.begin() : -1);
        });
        connect(m_doc, &Document::parcelChanged, this, [this](int row) {
            if (row == m_row)
                showRow(row);
        });
    }
    showRow(-1);
}

void ParcelForm::showRow(int row)
{
    m_loading = true;
    m_row = row;
    const bool on = m_doc && row >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_toSo, m_thuaSo, m_landuse, m_owner, m_address, m_legalArea})
        w->setEnabled(on);
    m_error->clear();
    if (!on) {
        const int n = m_doc ? int(m_doc->selection().size()) : 0;
        m_title->setText(n > 1 ? tr("%n parcels selected; select one parcel to edit it.", nullptr, n)
                               : tr("Select a parcel on the map or in the table."));
        for (QLineEdit *e : {m_toSo, m_thuaSo, m_owner, m_address, m_legalArea})
            e->clear();
        m_landuse->setCurrentIndex(0);
        m_measured->clear();
        m_apply->setEnabled(false);
        m_revert->setEnabled(false);
        m_loading = false;
        return;
    }
    const model::Parcel &p = m_doc->parcel(row);
    m_title->setText(tr("Parcel %1, sheet %2 (commune %3)")
                         .arg(p.thuaSo ? QString::number(*p.thuaSo) : QStringLiteral("?"),
                              p.toSo ? QString::number(*p.toSo) : QStringLiteral("?"),
                              QString::fromStdString(p.communeCode)));
    m_toSo->setText(p.toSo ? QString::number(*p.toSo) : QString());
    m_thuaSo->setText(p.thuaSo ? QString::number(*p.thuaSo) : QString());
    const QString code = QString::fromStdString(p.landuseCode);
    int idx = m_landuse->findData(code);
    if (idx < 0 && !code.isEmpty()) {
        // Unknown codes stay visible (flagged at import) until the user picks a valid one.
        m_landuse->addItem(tr("%1 – unknown code").arg(code), code);
        idx = m_landuse->count() - 1;
    }
    m_landuse->setCurrentIndex(std::max(idx, 0));
    m_owner->setText(QString::fromStdString(p.ownerName));
    m_address->setText(QString::fromStdString(p.address));
    m_address->setCursorPosition(0);   // show the start of a long address
    m_owner->setCursorPosition(0);
    m_legalArea->setText(formatArea(p.legalArea));
    m_measured->setText(formatArea(p.measuredArea));
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
    m_loading = false;
}

QVariant ParcelForm::formValue(ParcelField field) const
{
    switch (field) {
    case ParcelField::ToSo: return m_toSo->text();
    case ParcelField::ThuaSo: return m_thuaSo->text();
    case ParcelField::LanduseCode: return m_landuse->currentData();
    case ParcelField::OwnerName: return m_owner->text();
    case ParcelField::Address: return m_address->text();
    case ParcelField::LegalArea: return m_legalArea->text();
    }
    return {};
}

void ParcelForm::validateForm()
{
    if (m_loading || !m_doc || m_row < 0)
        return;
    QStringList errors;
    for (ParcelField f : kFields) {
        const QString e = m_doc->validate(m_row, f, formValue(f));
        if (!e.isEmpty())
            errors << e;
    }
    m_error->setText(errors.join(QLatin1Char('\n')));
    m_apply->setEnabled(errors.isEmpty());
    m_revert->setEnabled(true);
}

bool ParcelForm::apply()
{
    if (!m_doc || m_row < 0)
        return false;
    validateForm();
    if (!m_error->text().isEmpty())
        return false;
    const int row = m_row;
    const model::Parcel before = m_doc->parcel(row);
    // Only fields whose value differs become commands; all of them undo as one step.
    std::vector<std::pair<ParcelField, QVariant>> changes;
    for (ParcelField f : kFields) {
        const QVariant v = formValue(f);
        const QVariant old = Document::fieldValue(before, f);
        const QString shown = f == ParcelField::LegalArea ? formatArea(before.legalArea) : old.toString();
        if (v.toString().trimmed() != shown)
            changes.emplace_back(f, v);
    }
    if (changes.empty())
        return true;
    UndoMacro macro(m_doc->undoStack(), tr("Edit parcel %1").arg(before.thuaSo ? *before.thuaSo : 0));
    for (const auto &[f, v] : changes) {
        QString error;
        if (!m_doc->changeValue(row, f, v, &error) && !error.isEmpty()) {
            m_error->setText(error);
            return false;
        }
    }
    return true;
}

void ParcelForm::revert() { showRow(m_row); }

} // namespace vnland::app
