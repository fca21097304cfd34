// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/generationjob.h"

#include <QDialog>
#include <QHash>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace kx {

class GeneratorParameterForm;
class GeneratorRegistry;

/**
 * Asks what a generation job should make: the generator (a combo at the top,
 * or fixed), how many scenarios and the seed, the generator's own parameters
 * (GeneratorParameterForm, built from its prompt template's defaults), and the
 * backend — the deterministic offline one, or an OpenAI-compatible endpoint
 * with base URL, model, temperature, answer length and request timeout, whose
 * fields are disabled for offline. It shows whether an API key is set in the
 * environment (KAIRIX_API_KEY or OPENAI_API_KEY) but never the key itself.
 *
 * Checks as you type: the Start button is enabled only for values the job
 * planner would accept, and a line under the form says what is wrong.
 * spec() is the GenerationJob to hand to GenerationJobRunner::start().
 * accept() remembers the values (core/settings) for the next launch; the API
 * key is never stored.
 */
class LaunchJobDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaunchJobDialog)

public:
    /** Generators and their default parameters come from @p registry (the built-in one when null). */
    explicit LaunchJobDialog(std::shared_ptr<const GeneratorRegistry> registry = nullptr, QWidget *parent = nullptr);
    ~LaunchJobDialog() override;

    /** Shows generator @p name ("memory", "conversation", "adversarial", "augment", "fusion"). */
    void setGenerator(const QString &name);
    QString generator() const;
    /** Fixes the generator: the combo is hidden and the title names it. */
    void setGeneratorFixed(bool fixed);

    /**
     * The scenarios an augment job may vary, as workspace row ids: the ones
     * selected in the main window and the ones its table shows.
     */
    void setParentCandidates(const QList<qint64> &selected, const QList<qint64> &shown);

    /** The job to start: generator, parameters, backend, model, URL, concurrency, temperature, timeout, seed, count, parents. */
    GenerationJob spec() const;
    /** What is wrong with the shown values (translated); empty when they can be launched. */
    QString validationError() const;

    /** Remembers the shown values for the next launch (never an API key). */
    void saveValues() const;
    /** Whether an API key is set in the environment; the key itself is not kept. */
    static bool apiKeyInEnvironment();

public Q_SLOTS:
    void accept() override;

private:
    void buildUi();
    void onGeneratorChanged();
    void onBackendChanged();
    void updateValidation();
    void updateAugmentCount();
    void loadCommonValues(const QString &generator);
    void storeCommonValues(const QString &generator);

    std::shared_ptr<const GeneratorRegistry> m_registry;
    QString m_generator;                 ///< the generator whose values the common fields hold
    QHash<QString, Json> m_commonValues; ///< per generator: count, seed, temperature, max_tokens (this session)

    QComboBox *m_generatorCombo = nullptr;
    QLabel *m_generatorLabel = nullptr;
    QLabel *m_description = nullptr;
    QSpinBox *m_count = nullptr;
    QSpinBox *m_seed = nullptr;
    QGroupBox *m_parameterBox = nullptr;
    GeneratorParameterForm *m_form = nullptr;
    QComboBox *m_backend = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QGroupBox *m_endpointBox = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_model = nullptr;
    QLabel *m_apiKeyStatus = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_destination = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace kx
