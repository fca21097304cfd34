// SPDX-License-Identifier: GPL-3.0-or-later
#include "launchjobdialog.h"

#include "generation/apikeysource.h"
#include "generation/generators/generatorregistry.h"
#include "generation/jobs/generationjobplanner.h"
#include "generatorparameterform.h"
#include "settings/settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace kx {

namespace {
const QString offlineKey = QStringLiteral("offline");
const QString openAiKey = QStringLiteral("openai");
constexpr int maxCount = 100000;

QString generatorLabel(const QString &name)
{
    if (name == QLatin1String("memory"))
        return LaunchJobDialog::tr("Memory recall");
    if (name == QLatin1String("conversation"))
        return LaunchJobDialog::tr("Conversation");
    if (name == QLatin1String("adversarial"))
        return LaunchJobDialog::tr("Adversarial");
    if (name == QLatin1String("augment"))
        return LaunchJobDialog::tr("Augmentation");
    if (name == QLatin1String("fusion"))
        return LaunchJobDialog::tr("Fusion");
    return name;
}

int newSeed() { return int(QRandomGenerator::global()->bounded(1, std::numeric_limits<int>::max())); }

Json parseValues(const QByteArray &blob)
{
    Json j = Json::parse(blob.constData(), blob.constData() + blob.size(), nullptr, false);
    return j.is_object() ? j : Json::object();
}
} // namespace

LaunchJobDialog::LaunchJobDialog(std::shared_ptr<const GeneratorRegistry> registry, QWidget *parent)
    : QDialog(parent)
    , m_registry(std::move(registry))
{
    setObjectName(QStringLiteral("launchJobDialog"));
    setWindowTitle(tr("New Generation Job"));
    setMinimumWidth(760);
    if (!m_registry) {
        // The built-in templates are compiled in; failing to load one is a build defect.
        if (auto created = GeneratorRegistry::createDefault())
            m_registry = *created;
        else
            qWarning("%s", qPrintable(created.error().message));
    }
    buildUi();

    const int backend = m_backend->findData(Settings::generationBackend().value());
    m_backend->setCurrentIndex(qMax(0, backend));
    m_baseUrl->setText(Settings::generationBaseUrl().value());
    m_model->setText(Settings::generationModel().value());
    m_concurrency->setValue(Settings::generationConcurrency().value());
    m_timeout->setValue(Settings::generationTimeoutSeconds().value());
    const int generator = m_generatorCombo->findData(Settings::generationGenerator().value());
    m_generatorCombo->setCurrentIndex(qMax(0, generator));
    onGeneratorChanged();
    onBackendChanged();
}

LaunchJobDialog::~LaunchJobDialog() = default;

void LaunchJobDialog::buildUi()
{
    m_generatorCombo = new QComboBox(this);
    m_generatorCombo->setObjectName(QStringLiteral("generatorCombo"));
    if (m_registry) {
        for (const QString &name : m_registry->names())
            m_generatorCombo->addItem(generatorLabel(name), name);
    }
    m_generatorLabel = new QLabel(tr("&Generator:"), this);
    m_generatorLabel->setBuddy(m_generatorCombo);
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("generatorDescription"));
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    auto *top = new QFormLayout;
    top->addRow(m_generatorLabel, m_generatorCombo);
    top->addRow(m_description);

    // What to make
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("countSpin"));
    m_count->setRange(1, maxCount);
    m_count->setGroupSeparatorShown(true);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same seed and parameters give the same scenarios; "
                          "starting a job identical to an unfinished one resumes it"));
    auto *reseed = new QToolButton(this);
    reseed->setObjectName(QStringLiteral("newSeedButton"));
    reseed->setText(tr("New Seed"));
    connect(reseed, &QToolButton::clicked, this, [this] { m_seed->setValue(newSeed()); });
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(reseed);
    auto *jobBox = new QGroupBox(tr("Job"), this);
    auto *jobForm = new QFormLayout(jobBox);
    jobForm->addRow(tr("&Scenarios:"), m_count);
    // A row whose field is a layout gets no buddy from QFormLayout: set it, or "&" shows literally.
    auto *seedLabel = new QLabel(tr("S&eed:"), this);
    seedLabel->setBuddy(m_seed);
    jobForm->addRow(seedLabel, seedRow);

    m_form = new GeneratorParameterForm(this);
    m_form->setObjectName(QStringLiteral("parameterForm"));
    m_parameterBox = new QGroupBox(this);
    auto *parameterLayout = new QVBoxLayout(m_parameterBox);
    parameterLayout->addWidget(m_form);

    // Where it runs
    m_backend = new QComboBox(this);
    m_backend->setObjectName(QStringLiteral("backendCombo"));
    m_backend->addItem(tr("Offline (deterministic)"), offlineKey);
    m_backend->addItem(tr("OpenAI-compatible endpoint"), openAiKey);
    m_backend->setToolTip(tr("Offline composes scenarios from built-in and workspace material, with no network; "
                             "an OpenAI-compatible endpoint can be OpenAI, vLLM, llama.cpp server or Ollama"));
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrency->setRange(1, 64);
    m_concurrency->setToolTip(tr("Requests in flight at most"));
    auto *backendBox = new QGroupBox(tr("Backend"), this);
    auto *backendForm = new QFormLayout(backendBox);
    backendForm->addRow(tr("&Backend:"), m_backend);
    backendForm->addRow(tr("C&oncurrency:"), m_concurrency);

    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:8000/v1"));
    m_model = new QLineEdit(this);
    m_model->setObjectName(QStringLiteral("modelEdit"));
    m_model->setPlaceholderText(tr("Default: %1").arg(GenerationJobPlanner::defaultModel(openAiKey)));
    m_apiKeyStatus = new QLabel(this);
    m_apiKeyStatus->setObjectName(QStringLiteral("apiKeyStatus"));
    m_apiKeyStatus->setWordWrap(true);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.05);
    m_temperature->setDecimals(2);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setObjectName(QStringLiteral("maxTokensSpin"));
    m_maxTokens->setRange(16, 65536);
    m_maxTokens->setSingleStep(100);
    m_maxTokens->setToolTip(tr("The longest answer the endpoint may give, in tokens"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long one request may take before it is retried"));
    m_endpointBox = new QGroupBox(tr("Endpoint"), this);
    m_endpointBox->setObjectName(QStringLiteral("endpointBox"));
    auto *endpointForm = new QFormLayout(m_endpointBox);
    endpointForm->addRow(tr("Base &URL:"), m_baseUrl);
    endpointForm->addRow(tr("&Model:"), m_model);
    endpointForm->addRow(tr("API key:"), m_apiKeyStatus);
    endpointForm->addRow(tr("&Temperature:"), m_temperature);
    endpointForm->addRow(tr("Max &answer tokens:"), m_maxTokens);
    endpointForm->addRow(tr("Request t&imeout:"), m_timeout);

    auto *left = new QVBoxLayout;
    left->addWidget(jobBox);
    left->addWidget(m_parameterBox, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(backendBox);
    right->addWidget(m_endpointBox);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    m_destination = new QLabel(tr("The scenarios go into a new dataset named after the job; "
                                  "follow its progress in the Jobs panel (Ctrl+Shift+J)."), this);
    m_destination->setWordWrap(true);
    m_destination->setForegroundRole(QPalette::PlaceholderText);
    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    auto *problemRow = new QWidget(this);
    problemRow->setObjectName(QStringLiteral("problemRow"));
    auto *problemLayout = new QHBoxLayout(problemRow);
    problemLayout->setContentsMargins(0, 0, 0, 0);
    problemLayout->addWidget(icon, 0, Qt::AlignTop);
    problemLayout->addWidget(m_problem, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start Job"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LaunchJobDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LaunchJobDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(columns, 1);
    layout->addWidget(m_destination);
    layout->addWidget(problemRow);
    layout->addWidget(m_buttons);

    connect(m_generatorCombo, &QComboBox::currentIndexChanged, this, &LaunchJobDialog::onGeneratorChanged);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &LaunchJobDialog::onBackendChanged);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &LaunchJobDialog::updateValidation);
    connect(m_count, &QSpinBox::valueChanged, this, &LaunchJobDialog::updateValidation);
    connect(m_form, &GeneratorParameterForm::changed, this, [this] {
        updateAugmentCount();
        updateValidation();
    });
}

void LaunchJobDialog::setGenerator(const QString &name)
{
    const int index = m_generatorCombo->findData(name);
    if (index >= 0)
        m_generatorCombo->setCurrentIndex(index);
}

QString LaunchJobDialog::generator() const
{
    return m_generatorCombo->currentData().toString();
}

void LaunchJobDialog::setGeneratorFixed(bool fixed)
{
    m_generatorCombo->setVisible(!fixed);
    m_generatorLabel->setVisible(!fixed);
    setWindowTitle(fixed ? tr("New %1 Job").arg(generatorLabel(generator())) : tr("New Generation Job"));
}

void LaunchJobDialog::setParentCandidates(const QList<qint64> &selected, const QList<qint64> &shown)
{
    m_form->setParentCandidates(selected, shown);
}

void LaunchJobDialog::onGeneratorChanged()
{
    const QString name = generator();
    if (!m_generator.isEmpty())
        storeCommonValues(m_generator);
    m_generator = name;
    const Generator *g = m_registry ? m_registry->find(name) : nullptr;
    const Json defaults = g ? g->promptTemplate().defaults() : Json::object();
    const Json saved = parseValues(Settings::generationValues(name).value());
    m_form->setGenerator(name, defaults, saved.value("parameters", Json::object()));
    m_description->setText(g ? g->promptTemplate().description() : QString());
    m_description->setVisible(!m_description->text().isEmpty());
    m_parameterBox->setTitle(tr("%1 parameters").arg(generatorLabel(name)));
    loadCommonValues(name);
    updateAugmentCount();
    updateValidation();
}

void LaunchJobDialog::loadCommonValues(const QString &generator)
{
    // This session's values first, then the last launch's, then the template's defaults.
    const Generator *g = m_registry ? m_registry->find(generator) : nullptr;
    const Json defaults = g ? g->promptTemplate().defaults() : Json::object();
    Json values = parseValues(Settings::generationValues(generator).value());
    values.update(m_commonValues.value(generator, Json::object()));
    m_count->setMaximum(maxCount);
    m_count->setValue(values.value("count", 20));
    m_seed->setValue(values.value("seed", newSeed()));
    m_temperature->setValue(values.value("temperature", defaults.value("temperature", 0.7)));
    m_maxTokens->setValue(values.value("max_tokens", defaults.value("max_tokens", 2000)));
}

void LaunchJobDialog::storeCommonValues(const QString &generator)
{
    m_commonValues.insert(generator, Json{{"count", m_count->value()}, {"seed", m_seed->value()},
                                          {"temperature", m_temperature->value()},
                                          {"max_tokens", m_maxTokens->value()}});
}

void LaunchJobDialog::onBackendChanged()
{
    const bool openAi = m_backend->currentData().toString() == openAiKey;
    m_endpointBox->setEnabled(openAi);
    m_endpointBox->setToolTip(openAi ? QString() : tr("The offline backend needs no endpoint"));
    if (!openAi)
        m_apiKeyStatus->setText(tr("Not needed offline"));
    else if (apiKeyInEnvironment())
        m_apiKeyStatus->setText(tr("Set in the environment (KAIRIX_API_KEY or OPENAI_API_KEY)"));
    else
        m_apiKeyStatus->setText(tr("Not set in the environment: the system keychain's entry for this URL is "
                                   "used if there is one. Local servers often need none."));
    updateValidation();
}

void LaunchJobDialog::updateAugmentCount()
{
    if (m_generator != QLatin1String("augment")) {
        m_count->setMaximum(maxCount);
        return;
    }
    // An augment job can ask for at most one scenario per variant of each parent.
    const int most = int(qMin<qint64>(maxCount, qint64(m_form->parents().size()) * m_form->variantsPerParent()));
    const bool wasAtMost = m_count->value() == m_count->maximum();
    m_count->setMaximum(qMax(1, most));
    if (wasAtMost)
        m_count->setValue(m_count->maximum());
    m_count->setToolTip(tr("At most %1: one scenario per variant of each parent").arg(most));
}

QString LaunchJobDialog::validationError() const
{
    if (!m_registry || m_generatorCombo->count() == 0)
        return tr("The generators could not be loaded.");
    if (QString problem = m_form->validationError(); !problem.isEmpty())
        return problem;
    if (m_backend->currentData().toString() == openAiKey) {
        const QString text = m_baseUrl->text().trimmed();
        const QUrl url(text, QUrl::StrictMode);
        if (text.isEmpty() || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return tr("The base URL must be an http:// or https:// address, such as http://127.0.0.1:8000/v1.");
    }
    return {};
}

void LaunchJobDialog::updateValidation()
{
    const QString problem = validationError();
    m_problem->setText(problem);
    m_problem->parentWidget()->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

GenerationJob LaunchJobDialog::spec() const
{
    GenerationJob job;
    job.generator = generator();
    job.parameters = m_form->parameters();
    job.backend = m_backend->currentData().toString();
    job.concurrency = m_concurrency->value();
    job.seed = m_seed->value();
    job.requested = m_count->value();
    job.parents = m_form->parents();
    if (job.backend == openAiKey) {
        job.baseUrl = m_baseUrl->text().trimmed();
        job.model = m_model->text().trimmed();
        job.temperature = m_temperature->value();
        job.timeoutMs = m_timeout->value() * 1000;
        job.parameters["max_tokens"] = m_maxTokens->value();
    }
    return job;
}

void LaunchJobDialog::saveValues() const
{
    Settings::generationGenerator().setValue(generator());
    Settings::generationBackend().setValue(m_backend->currentData().toString());
    Settings::generationBaseUrl().setValue(m_baseUrl->text().trimmed());
    Settings::generationModel().setValue(m_model->text().trimmed());
    Settings::generationConcurrency().setValue(m_concurrency->value());
    Settings::generationTimeoutSeconds().setValue(m_timeout->value());
    const Json values{{"count", m_count->value()}, {"seed", m_seed->value()},
                      {"temperature", m_temperature->value()}, {"max_tokens", m_maxTokens->value()},
                      {"parameters", m_form->parameters()}};
    const std::string text = dumpCompact(values);
    Settings::generationValues(generator()).setValue(QByteArray(text.data(), qsizetype(text.size())));
}

bool LaunchJobDialog::apiKeyInEnvironment()
{
    return !ApiKeySource::fromEnvironment().isEmpty();
}

void LaunchJobDialog::accept()
{
    if (!validationError().isEmpty())
        return;
    saveValues();
    QDialog::accept();
}

} // namespace kx
