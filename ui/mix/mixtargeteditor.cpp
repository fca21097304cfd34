// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixtargeteditor.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace kx {

namespace {
/** Percentages are edited to one decimal: compare their sum in tenths, exactly. */
qint64 tenths(double percent)
{
    return qRound64(percent * 10.0);
}
} // namespace

MixTargetEditor::MixTargetEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mixTargetEditor"));
    auto *form = new QFormLayout;
    for (Category c : allCategories) {
        auto *box = new QDoubleSpinBox(this);
        box->setObjectName(QStringLiteral("share_") + categoryKey(c));
        box->setRange(0.0, 100.0);
        box->setDecimals(1);
        box->setSingleStep(1.0);
        box->setSuffix(tr(" %"));
        box->setAccessibleName(tr("Target share of %1").arg(categoryLabel(c)));
        connect(box, &QDoubleSpinBox::valueChanged, this, &MixTargetEditor::updateState);
        form->addRow(tr("%1:").arg(categoryLabel(c)), box);
        m_boxes[std::size_t(c)] = box;
    }
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("targetTotal"));
    m_total->setWordWrap(true);
    m_save = new QPushButton(tr("Save Target"), this);
    m_save->setObjectName(QStringLiteral("saveTargetButton"));
    connect(m_save, &QPushButton::clicked, this, &MixTargetEditor::save);
    m_reset = new QPushButton(tr("Seed Mix"), this);
    m_reset->setToolTip(tr("Back to the seed's mix: 30 % benchmark, 40 % synthetic, 20 % tool usage, 10 % adversarial"));
    connect(m_reset, &QPushButton::clicked, this, [this] {
        const MixTarget seed;
        for (Category c : allCategories)
            m_boxes[std::size_t(c)]->setValue(seed.share(c) * 100.0);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_total, 1);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);
    setTarget(MixTarget());
}

void MixTargetEditor::setTarget(const MixTarget &target)
{
    m_saved = target;
    for (Category c : allCategories) {
        const QSignalBlocker blocker(m_boxes[std::size_t(c)]);
        m_boxes[std::size_t(c)]->setValue(target.share(c) * 100.0);
    }
    updateState();
}

MixTarget MixTargetEditor::editedTarget() const
{
    MixTarget t;
    for (Category c : allCategories)
        t.setShare(c, double(tenths(m_boxes[std::size_t(c)]->value())) / 1000.0);
    return t;
}

bool MixTargetEditor::isValid() const
{
    qint64 sum = 0;
    for (const QDoubleSpinBox *box : m_boxes)
        sum += tenths(box->value());
    return sum == 1000 && editedTarget().validate().ok();
}

void MixTargetEditor::updateState()
{
    qint64 sum = 0;
    for (const QDoubleSpinBox *box : m_boxes)
        sum += tenths(box->value());
    const QString total = QLocale().toString(double(sum) / 10.0, 'f', 1);
    const bool valid = isValid();
    if (valid) {
        m_total->setText(tr("Total %1 %").arg(total));
        m_total->setStyleSheet(QString());
    } else {
        m_total->setText(tr("Total %1 %: the shares must add up to 100 %").arg(total));
        m_total->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    }
    m_save->setEnabled(valid && !(editedTarget() == m_saved));
}

bool MixTargetEditor::save()
{
    if (!isValid())
        return false;
    emit saveRequested(editedTarget());
    return true;
}

} // namespace kx
