// SPDX-License-Identifier: GPL-3.0-or-later
#include "augmentgenerator.h"

#include "generation/generators/answershape.h"

namespace kx {

namespace {
/** The index of the last user message, or -1. */
int lastUserIndex(const TestScenario &s)
{
    for (int i = int(s.messages.size()) - 1; i >= 0; --i) {
        if (s.messages.at(i).role == QLatin1String("user"))
            return i;
    }
    return -1;
}

QStringList labelsFor(const QString &type, const Json &p)
{
    if (type == QLatin1String("paraphrase")) {
        QStringList labels;
        for (int i = 1; i <= std::max(1, p.value("paraphrase_count", 3)); ++i)
            labels.append(QStringLiteral("paraphrase %1").arg(i));
        return labels;
    }
    if (type == QLatin1String("persona"))
        return toStringList(p.value("personas", Json::array()));
    if (type == QLatin1String("complexity"))
        return toStringList(p.value("complexity_levels", Json::array()));
    if (type == QLatin1String("language_style"))
        return toStringList(p.value("language_styles", Json::array()));
    return {};
}
} // namespace

Result<ChatRequest> AugmentGenerator::buildRequest(int index, const GenerationOptions &options) const
{
    const Json p = parameters(options);
    const QStringList types = toStringList(p.value("variation_types", Json::array()));
    if (types.isEmpty())
        return Error::badInput(tr("augment: the \"variation_types\" parameter is empty"));
    const int parentIndex = index / int(types.size());
    if (parentIndex >= options.parents.size())
        return Error::badInput(tr("augment: item %1 needs parent scenario %2, but %3 were given")
                                   .arg(index).arg(parentIndex + 1).arg(options.parents.size()));
    const TestScenario &parent = options.parents.at(parentIndex);
    const int user = lastUserIndex(parent);
    if (user < 0)
        return Error::badInput(tr("augment: scenario \"%1\" has no user message to vary").arg(parent.id));
    const QString type = types.at(index % types.size());
    const QStringList labels = labelsFor(type, p);
    if (labels.isEmpty())
        return Error::badInput(tr("augment: unknown variation type \"%1\" or no labels for it").arg(type));

    Json inputs = Json::object();
    inputs["parent"] = ss(parent.id);
    inputs["variation_type"] = ss(type);
    inputs["labels"] = fromStringList(labels);
    inputs["message"] = ss(parent.messages.at(user).content);
    const QString instructions = qs(p.value("instructions", Json::object()).value(ss(type), std::string()));
    return makeRequest({{QStringLiteral("variation_type"), type},
                        {QStringLiteral("instructions"), instructions},
                        {QStringLiteral("labels"), labels.join(QStringLiteral("; "))},
                        {QStringLiteral("message"), parent.messages.at(user).content}},
                       inputs, options);
}

int AugmentGenerator::scenariosPerItem(int index, const GenerationOptions &options) const
{
    const Json p = parameters(options);
    const QStringList types = toStringList(p.value("variation_types", Json::array()));
    if (types.isEmpty())
        return 0;
    return int(labelsFor(types.at(index % types.size()), p).size());
}

int AugmentGenerator::maxItems(const GenerationOptions &options) const
{
    const QStringList types = toStringList(parameters(options).value("variation_types", Json::array()));
    return int(options.parents.size() * types.size());
}

Result<Json> AugmentGenerator::validate(const Json &answer) const
{
    if (auto r = AnswerShape::object(answer, tr("the augmentation answer")); !r)
        return r.error();
    const auto variants = answer.find("variants");
    if (variants == answer.end())
        return Error::badInput(tr("answer: \"variants\" is missing"));
    if (!variants->is_array() || variants->empty())
        return Error::badInput(tr("answer: \"variants\" must be a non-empty array"));
    int index = 0;
    for (const Json &v : *variants) {
        if (!v.is_object() || !AnswerShape::string(v, "label") || !AnswerShape::string(v, "content"))
            return Error::badInput(tr("answer: \"variants\"[%1] must be an object with non-empty "
                                      "\"label\" and \"content\" strings").arg(index));
        ++index;
    }
    return answer;
}

Result<QList<TestScenario>> AugmentGenerator::scenariosFrom(const Json &answer, int index, const Json &inputs,
                                                            const GenerationOptions &options) const
{
    const QStringList types = toStringList(parameters(options).value("variation_types", Json::array()));
    const TestScenario &parent = options.parents.at(index / int(types.size()));
    const int user = lastUserIndex(parent);

    QList<TestScenario> out;
    int k = 0;
    for (const Json &v : answer["variants"]) {
        const TestScenario base = baseScenario(index, k, parent.category, options, {parent.id});
        TestScenario s = parent;
        s.id = base.id;
        s.provenance = base.provenance;
        s.status = ReviewStatus::Pending;
        s.review = Json::object();
        const QString label = qs(v.value("label", std::string()));
        s.name = QStringLiteral("%1 (%2: %3)").arg(parent.name, qs(inputs.value("variation_type", std::string())), label);
        s.messages[user].content = qs(v.value("content", std::string()));
        Json variation = Json::object();
        variation["type"] = inputs.value("variation_type", std::string());
        variation["label"] = ss(label);
        s.extra["variation"] = std::move(variation);
        out.append(std::move(s));
        ++k;
    }
    return out;
}

Result<Json> AugmentGenerator::composeOffline(const Json &inputs, const GenerationMaterial &, DemoRandom &random) const
{
    if (!inputs.is_object() || !inputs.contains("message") || !inputs.contains("labels"))
        return Error::badInput(tr("augment: the request carries no message for the offline backend"));
    const QString message = qs(inputs.value("message", std::string()));
    const QString type = qs(inputs.value("variation_type", std::string()));
    static const char *const paraphraseLeads[] = {"Could you tell me: ", "I was wondering: ", "Quick question: ",
                                                  "Help me out here: "};
    const int offset = random.below(4); // distinct leads for the variants of one answer
    Json variants = Json::array();
    int i = 0;
    for (const QString &label : toStringList(inputs.value("labels", Json::array()))) {
        QString content;
        if (type == QLatin1String("paraphrase"))
            content = QLatin1String(paraphraseLeads[(i + offset) % 4]) + message;
        else if (type == QLatin1String("persona"))
            content = QStringLiteral("Speaking as %1: %2").arg(label, message);
        else if (label.startsWith(QLatin1String("simpl")))
            content = QStringLiteral("In simple terms, please: ") + message;
        else if (type == QLatin1String("complexity"))
            content = message + QStringLiteral("\nExplain your reasoning step by step and say what could go wrong.");
        else if (label == QLatin1String("casual"))
            content = QStringLiteral("hey, ") + message + QStringLiteral(" thx!");
        else
            content = QStringLiteral("Good day. I would be grateful for your answer to the following. ") + message;
        variants.push_back({{"label", ss(label)}, {"content", ss(content)}});
        ++i;
    }
    Json answer = Json::object();
    answer["variants"] = std::move(variants);
    return answer;
}

} // namespace kx
