// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QStackedWidget;

namespace kx {

class GeneratorParameterPage;

/**
 * The generator-specific part of the launch dialog: one page per generator
 * with the knobs that generator reads from its prompt template's "defaults"
 * (memory: history turns and facts; conversation: domains, length range,
 * memory points, agent traits; adversarial: case kinds and overflow filler;
 * augment: variation types and their labels, and which scenarios to vary;
 * fusion: nothing beyond the common options). Keys a generator does not read
 * are not shown.
 *
 * parameters() gives the shown keys as a JSON object to put into
 * GenerationJob::parameters, where they override the template's defaults.
 */
class GeneratorParameterForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneratorParameterForm)

public:
    explicit GeneratorParameterForm(QWidget *parent = nullptr);
    ~GeneratorParameterForm() override;

    /**
     * Shows the page of generator @p name, built from the template's
     * @p defaults overlaid with @p values (saved earlier) on first use.
     */
    void setGenerator(const QString &name, const Json &defaults, const Json &values = Json::object());
    QString generator() const { return m_generator; }

    /** The shown generator's parameters (only keys it reads). */
    Json parameters() const;
    /** Why the shown values cannot be launched; empty when they can. Translated. */
    QString validationError() const;

    /**
     * The scenarios an augment job may vary: the ones selected in the main
     * window and the ones its table shows. The page lets the user pick one list.
     */
    void setParentCandidates(const QList<qint64> &selected, const QList<qint64> &shown);
    /** The chosen parent row ids (augment only; empty for other generators). */
    QList<qint64> parents() const;
    /** Augment: scenarios made from each parent (one per label of each chosen variation type). */
    int variantsPerParent() const;

Q_SIGNALS:
    /** Any value changed. */
    void changed();

private:
    QStackedWidget *m_stack = nullptr;
    QHash<QString, GeneratorParameterPage *> m_pages;
    QString m_generator;
    QList<qint64> m_selectedParents;
    QList<qint64> m_shownParents;
};

} // namespace kx
