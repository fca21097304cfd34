// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatorparameterform.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace kx {

namespace {
/** Lists are edited as one line, entries separated by semicolons (entries may hold commas). */
const QString listSeparator = QStringLiteral("; ");

QString joinList(const Json &array) { return array.is_array() ? toStringList(array).join(listSeparator) : QString(); }

Json splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    return fromStringList(items);
}

int intValue(const Json &values, const char *key, int fallback)
{
    const auto it = values.find(key);
    return it != values.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

QString stringValue(const Json &values, const char *key)
{
    const auto it = values.find(key);
    return it != values.end() && it->is_string() ? qs(it->get<std::string>()) : QString();
}

QSpinBox *spinBox(const QString &objectName, int minimum, int maximum, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    return spin;
}
} // namespace

/** One generator's knobs. Private to this file; GeneratorParameterForm owns the pages. */
class GeneratorParameterPage : public QWidget
{
public:
    explicit GeneratorParameterPage(GeneratorParameterForm *form)
        : QWidget(form), m_form(form), m_layout(new QFormLayout(this))
    {
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    }
    /** Shows @p values (the template's defaults overlaid with saved values). */
    virtual void load(const Json &values) = 0;
    virtual Json parameters() const = 0;
    virtual QString validationError() const { return {}; }

protected:
    void watch(QSpinBox *w) { connect(w, &QSpinBox::valueChanged, m_form, &GeneratorParameterForm::changed); }
    void watch(QLineEdit *w) { connect(w, &QLineEdit::textChanged, m_form, &GeneratorParameterForm::changed); }
    void watch(QAbstractButton *w) { connect(w, &QAbstractButton::toggled, m_form, &GeneratorParameterForm::changed); }
    QLabel *note(const QString &text)
    {
        auto *label = new QLabel(text, this);
        label->setWordWrap(true);
        label->setForegroundRole(QPalette::PlaceholderText);
        m_layout->addRow(label);
        return label;
    }

    GeneratorParameterForm *m_form;
    QFormLayout *m_layout;
};

namespace {

class MemoryPage final : public GeneratorParameterPage
{
public:
    explicit MemoryPage(GeneratorParameterForm *form) : GeneratorParameterPage(form)
    {
        m_facts = spinBox(QStringLiteral("factsPerScenario"), 3, 50, this);
        m_facts->setToolTip(GeneratorParameterForm::tr("Facts about the user each scenario must recall (at least 3)"));
        m_turns = spinBox(QStringLiteral("historyTurns"), 3, 200, this);
        m_turns->setToolTip(GeneratorParameterForm::tr("Turns of earlier conversation the facts are spread over"));
        m_layout->addRow(GeneratorParameterForm::tr("&Facts per scenario:"), m_facts);
        m_layout->addRow(GeneratorParameterForm::tr("&History turns:"), m_turns);
        // The generator uses at least one turn per fact; show that instead of silently raising it.
        connect(m_facts, &QSpinBox::valueChanged, m_turns, &QSpinBox::setMinimum);
        watch(m_facts);
        watch(m_turns);
    }
    void load(const Json &values) override
    {
        m_facts->setValue(intValue(values, "facts_per_scenario", 3));
        m_turns->setValue(intValue(values, "history_turns", 4));
    }
    Json parameters() const override
    {
        return Json{{"history_turns", m_turns->value()}, {"facts_per_scenario", m_facts->value()}};
    }

private:
    QSpinBox *m_facts;
    QSpinBox *m_turns;
};

class ConversationPage final : public GeneratorParameterPage
{
public:
    explicit ConversationPage(GeneratorParameterForm *form) : GeneratorParameterPage(form)
    {
        m_domains = new QLineEdit(this);
        m_domains->setObjectName(QStringLiteral("domains"));
        m_domains->setPlaceholderText(GeneratorParameterForm::tr("Empty: the built-in domains"));
        m_domains->setToolTip(GeneratorParameterForm::tr("Topics to talk about, separated by semicolons"));
        m_minTurns = spinBox(QStringLiteral("minTurns"), 1, 200, this);
        m_maxTurns = spinBox(QStringLiteral("maxTurns"), 1, 200, this);
        auto *range = new QHBoxLayout;
        range->addWidget(m_minTurns);
        range->addWidget(new QLabel(GeneratorParameterForm::tr("to"), this));
        range->addWidget(m_maxTurns);
        range->addStretch();
        m_every = spinBox(QStringLiteral("memoryEvery"), 1, 50, this);
        m_every->setToolTip(GeneratorParameterForm::tr("A turn that must use something said earlier, every N turns"));
        m_traits = new QLineEdit(this);
        m_traits->setObjectName(QStringLiteral("agentTraits"));
        m_layout->addRow(GeneratorParameterForm::tr("&Domains:"), m_domains);
        auto *turnsLabel = new QLabel(GeneratorParameterForm::tr("&Turns:"), this);
        turnsLabel->setBuddy(m_minTurns);
        m_layout->addRow(turnsLabel, range);
        m_layout->addRow(GeneratorParameterForm::tr("&Memory point every:"), m_every);
        m_layout->addRow(GeneratorParameterForm::tr("&Agent traits:"), m_traits);
        m_every->setSuffix(GeneratorParameterForm::tr(" turns"));
        watch(m_domains);
        watch(m_minTurns);
        watch(m_maxTurns);
        watch(m_every);
        watch(m_traits);
    }
    void load(const Json &values) override
    {
        m_domains->setText(joinList(values.value("domains", Json::array())));
        m_minTurns->setValue(intValue(values, "min_turns", 5));
        m_maxTurns->setValue(intValue(values, "max_turns", 20));
        m_every->setValue(intValue(values, "memory_every", 3));
        m_traits->setText(stringValue(values, "agent_traits"));
    }
    Json parameters() const override
    {
        return Json{{"domains", splitList(m_domains->text())}, {"min_turns", m_minTurns->value()},
                    {"max_turns", m_maxTurns->value()}, {"memory_every", m_every->value()},
                    {"agent_traits", ss(m_traits->text().trimmed())}};
    }
    QString validationError() const override
    {
        if (m_minTurns->value() > m_maxTurns->value())
            return GeneratorParameterForm::tr("The shortest conversation (%1 turns) is longer than the longest (%2).")
                .arg(m_minTurns->value()).arg(m_maxTurns->value());
        return {};
    }

private:
    QLineEdit *m_domains;
    QSpinBox *m_minTurns;
    QSpinBox *m_maxTurns;
    QSpinBox *m_every;
    QLineEdit *m_traits;
};

QString adversarialKindLabel(const QString &kind)
{
    if (kind == QLatin1String("memory_contradiction"))
        return GeneratorParameterForm::tr("Memory contradiction");
    if (kind == QLatin1String("context_overflow"))
        return GeneratorParameterForm::tr("Context overflow");
    if (kind == QLatin1String("temporal_consistency"))
        return GeneratorParameterForm::tr("Temporal consistency");
    if (kind == QLatin1String("multi_agent_confusion"))
        return GeneratorParameterForm::tr("Multi-agent confusion");
    return kind;
}

class AdversarialPage final : public GeneratorParameterPage
{
public:
    explicit AdversarialPage(GeneratorParameterForm *form, const Json &defaults) : GeneratorParameterPage(form)
    {
        // The kinds on offer are the template's: its "kinds", each with an example case.
        auto *box = new QVBoxLayout;
        const Json descriptions = defaults.value("kind_descriptions", Json::object());
        for (const QString &kind : toStringList(defaults.value("kinds", Json::array()))) {
            auto *check = new QCheckBox(adversarialKindLabel(kind), this);
            check->setObjectName(QStringLiteral("kind_") + kind);
            check->setToolTip(qs(descriptions.value(ss(kind), std::string())));
            box->addWidget(check);
            m_kinds.append({kind, check});
            watch(check);
        }
        m_layout->addRow(GeneratorParameterForm::tr("Case kinds:"), box);
        m_filler = spinBox(QStringLiteral("fillerTurns"), 1, 1000, this);
        m_filler->setToolTip(GeneratorParameterForm::tr("Turns between the key fact and the question in context-overflow cases"));
        m_layout->addRow(GeneratorParameterForm::tr("&Overflow filler turns:"), m_filler);
        watch(m_filler);
        for (const auto &[kind, check] : m_kinds)
            if (kind == QLatin1String("context_overflow"))
                connect(check, &QCheckBox::toggled, m_filler, &QWidget::setEnabled);
    }
    void load(const Json &values) override
    {
        const QStringList chosen = toStringList(values.value("kinds", Json::array()));
        for (const auto &[kind, check] : m_kinds)
            check->setChecked(chosen.contains(kind));
        m_filler->setValue(intValue(values, "overflow_filler_turns", 40));
        m_filler->setEnabled(chosen.contains(QStringLiteral("context_overflow")));
    }
    Json parameters() const override
    {
        QStringList kinds;
        for (const auto &[kind, check] : m_kinds)
            if (check->isChecked())
                kinds.append(kind);
        return Json{{"kinds", fromStringList(kinds)}, {"overflow_filler_turns", m_filler->value()}};
    }
    QString validationError() const override
    {
        for (const auto &entry : m_kinds)
            if (entry.second->isChecked())
                return {};
        return GeneratorParameterForm::tr("Choose at least one kind of adversarial case.");
    }

private:
    QList<std::pair<QString, QCheckBox *>> m_kinds;
    QSpinBox *m_filler;
};

class FusionPage final : public GeneratorParameterPage
{
public:
    explicit FusionPage(GeneratorParameterForm *form) : GeneratorParameterPage(form)
    {
        note(GeneratorParameterForm::tr("Each scenario pairs a persona with a knowledge question and its answer. "
                                        "Personas come from PersonaChat datasets in this workspace and questions "
                                        "from MMLU, GSM8K and BBH datasets, else from the built-in material. "
                                        "The template has no further parameters."));
    }
    void load(const Json &) override {}
    Json parameters() const override { return Json::object(); }
};

class PlainPage final : public GeneratorParameterPage
{
public:
    explicit PlainPage(GeneratorParameterForm *form) : GeneratorParameterPage(form)
    {
        note(GeneratorParameterForm::tr("This generator has no parameters of its own."));
    }
    void load(const Json &) override {}
    Json parameters() const override { return Json::object(); }
};


/** The four variation types the augment generator knows, in its order. */
struct VariationType
{
    const char *key;
    const char *labelsKey;  ///< the parameter that lists its labels; null for paraphrase (a count)
};
constexpr VariationType variationTypes[] = {
    {"paraphrase", nullptr}, {"persona", "personas"}, {"complexity", "complexity_levels"},
    {"language_style", "language_styles"}};

class AugmentPage final : public GeneratorParameterPage
{
public:
    explicit AugmentPage(GeneratorParameterForm *form) : GeneratorParameterPage(form)
    {
        m_useSelected = new QRadioButton(this);
        m_useSelected->setObjectName(QStringLiteral("parentsSelected"));
        m_useShown = new QRadioButton(this);
        m_useShown->setObjectName(QStringLiteral("parentsShown"));
        auto *group = new QButtonGroup(this);
        group->addButton(m_useSelected);
        group->addButton(m_useShown);
        auto *parentBox = new QVBoxLayout;
        parentBox->addWidget(m_useSelected);
        parentBox->addWidget(m_useShown);
        m_layout->addRow(GeneratorParameterForm::tr("Vary:"), parentBox);
        watch(m_useSelected);

        const QString labels[] = {GeneratorParameterForm::tr("&Paraphrase"), GeneratorParameterForm::tr("P&ersona shift"),
                                  GeneratorParameterForm::tr("&Complexity"), GeneratorParameterForm::tr("&Language style")};
        for (int i = 0; i < 4; ++i) {
            const QString key = QString::fromLatin1(variationTypes[i].key);
            m_checks[i] = new QCheckBox(labels[i], this);
            m_checks[i]->setObjectName(QStringLiteral("variation_") + key);
            watch(m_checks[i]);
            QWidget *field = nullptr;
            if (i == 0) {
                m_paraphrases = spinBox(QStringLiteral("paraphraseCount"), 1, 10, this);
                m_paraphrases->setPrefix(GeneratorParameterForm::tr("× "));
                m_paraphrases->setToolTip(GeneratorParameterForm::tr("Paraphrases of each scenario"));
                watch(m_paraphrases);
                field = m_paraphrases;
            } else {
                m_labels[i] = new QLineEdit(this);
                m_labels[i]->setObjectName(QString::fromLatin1(variationTypes[i].labelsKey));
                m_labels[i]->setToolTip(GeneratorParameterForm::tr("One variant per entry; separate entries with semicolons"));
                watch(m_labels[i]);
                field = m_labels[i];
            }
            connect(m_checks[i], &QCheckBox::toggled, field, &QWidget::setEnabled);
            m_layout->addRow(m_checks[i], field);
        }
        m_summary = note(QString());
        m_summary->setObjectName(QStringLiteral("augmentSummary"));
        connect(form, &GeneratorParameterForm::changed, this, [this] { updateSummary(); });
    }
    void load(const Json &values) override
    {
        const QStringList chosen = toStringList(values.value("variation_types", Json::array()));
        for (int i = 0; i < 4; ++i) {
            m_checks[i]->setChecked(chosen.contains(QString::fromLatin1(variationTypes[i].key)));
            if (m_labels[i])
                m_labels[i]->setText(joinList(values.value(variationTypes[i].labelsKey, Json::array())));
        }
        m_paraphrases->setValue(intValue(values, "paraphrase_count", 3));
        for (int i = 0; i < 4; ++i)
            (i == 0 ? static_cast<QWidget *>(m_paraphrases) : m_labels[i])->setEnabled(m_checks[i]->isChecked());
        updateSummary();
    }
    Json parameters() const override
    {
        Json p = Json::object();
        QStringList types;
        for (int i = 0; i < 4; ++i)
            if (m_checks[i]->isChecked())
                types.append(QString::fromLatin1(variationTypes[i].key));
        p["variation_types"] = fromStringList(types);
        p["paraphrase_count"] = m_paraphrases->value();
        for (int i = 1; i < 4; ++i)
            p[variationTypes[i].labelsKey] = splitList(m_labels[i]->text());
        return p;
    }
    QString validationError() const override
    {
        if (parents().isEmpty())
            return GeneratorParameterForm::tr("Augment varies existing scenarios: select one in the scenario table "
                                              "(or filter the table) before opening this dialog.");
        bool any = false;
        for (int i = 0; i < 4; ++i) {
            if (!m_checks[i]->isChecked())
                continue;
            any = true;
            if (i > 0 && splitList(m_labels[i]->text()).empty())
                return GeneratorParameterForm::tr("%1 is on but has no entries.").arg(m_checks[i]->text().remove(QLatin1Char('&')));
        }
        return any ? QString() : GeneratorParameterForm::tr("Choose at least one kind of variation.");
    }

    void setCandidates(const QList<qint64> &selected, const QList<qint64> &shown)
    {
        m_selected = selected;
        m_shown = shown;
        m_useSelected->setText(GeneratorParameterForm::tr("The selected scenarios (%1)").arg(selected.size()));
        m_useShown->setText(GeneratorParameterForm::tr("The scenarios shown in the table (%1)").arg(shown.size()));
        m_useSelected->setEnabled(!selected.isEmpty());
        m_useShown->setEnabled(!shown.isEmpty());
        if (!selected.isEmpty())
            m_useSelected->setChecked(true);
        else
            m_useShown->setChecked(true);
        updateSummary();
    }
    QList<qint64> parents() const { return m_useSelected->isChecked() ? m_selected : m_shown; }
    int variantsPerParent() const
    {
        int variants = 0;
        for (int i = 0; i < 4; ++i) {
            if (m_checks[i]->isChecked())
                variants += i == 0 ? m_paraphrases->value() : int(splitList(m_labels[i]->text()).size());
        }
        return variants;
    }

private:
    void updateSummary()
    {
        const qint64 parentCount = parents().size();
        m_summary->setText(GeneratorParameterForm::tr("%1 parent scenarios × %2 variants = %3 new scenarios")
                               .arg(parentCount).arg(variantsPerParent()).arg(parentCount * variantsPerParent()));
    }

    QRadioButton *m_useSelected;
    QRadioButton *m_useShown;
    QCheckBox *m_checks[4] = {};
    QLineEdit *m_labels[4] = {};
    QSpinBox *m_paraphrases = nullptr;
    QLabel *m_summary = nullptr;
    QList<qint64> m_selected;
    QList<qint64> m_shown;
};

} // namespace

GeneratorParameterForm::GeneratorParameterForm(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

GeneratorParameterForm::~GeneratorParameterForm() = default;

void GeneratorParameterForm::setGenerator(const QString &name, const Json &defaults, const Json &values)
{
    GeneratorParameterPage *page = m_pages.value(name);
    if (!page) {
        if (name == QLatin1String("memory"))
            page = new MemoryPage(this);
        else if (name == QLatin1String("conversation"))
            page = new ConversationPage(this);
        else if (name == QLatin1String("adversarial"))
            page = new AdversarialPage(this, defaults);
        else if (name == QLatin1String("augment"))
            page = new AugmentPage(this);
        else if (name == QLatin1String("fusion"))
            page = new FusionPage(this);
        else
            page = new PlainPage(this);
        page->setObjectName(name + QStringLiteral("Page"));
        m_stack->addWidget(page);
        m_pages.insert(name, page);
        Json merged = defaults.is_object() ? defaults : Json::object();
        if (values.is_object())
            merged.update(values);
        const QSignalBlocker blocker(this);
        page->load(merged);
        // Long lists start at their beginning, not scrolled to the end as setText() leaves them.
        for (QLineEdit *edit : page->findChildren<QLineEdit *>())
            edit->setCursorPosition(0);
        if (auto *augment = dynamic_cast<AugmentPage *>(page))
            augment->setCandidates(m_selectedParents, m_shownParents);
    }
    m_generator = name;
    m_stack->setCurrentWidget(page);
    emit changed();
}

Json GeneratorParameterForm::parameters() const
{
    const GeneratorParameterPage *page = m_pages.value(m_generator);
    return page ? page->parameters() : Json::object();
}

QString GeneratorParameterForm::validationError() const
{
    const GeneratorParameterPage *page = m_pages.value(m_generator);
    return page ? page->validationError() : QString();
}

void GeneratorParameterForm::setParentCandidates(const QList<qint64> &selected, const QList<qint64> &shown)
{
    m_selectedParents = selected;
    m_shownParents = shown;
    if (auto *augment = dynamic_cast<AugmentPage *>(m_pages.value(QStringLiteral("augment"))))
        augment->setCandidates(selected, shown);
    emit changed();
}

QList<qint64> GeneratorParameterForm::parents() const
{
    if (m_generator != QLatin1String("augment"))
        return {};
    const auto *augment = dynamic_cast<const AugmentPage *>(m_pages.value(m_generator));
    return augment ? augment->parents() : QList<qint64>();
}

int GeneratorParameterForm::variantsPerParent() const
{
    const auto *augment = dynamic_cast<const AugmentPage *>(m_pages.value(QStringLiteral("augment")));
    return augment ? augment->variantsPerParent() : 0;
}

} // namespace kx
