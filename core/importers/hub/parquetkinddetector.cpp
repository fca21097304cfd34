// SPDX-License-Identifier: GPL-3.0-or-later
#include "parquetkinddetector.h"

#include "formats/parquet/parquetfile.h"

namespace kx {

namespace {

bool hasAll(const QStringList &names, std::initializer_list<const char *> wanted)
{
    for (const char *w : wanted) {
        if (!names.contains(QLatin1String(w)))
            return false;
    }
    return true;
}

} // namespace

ParquetKindDetector::Columns ParquetKindDetector::columnsOf(const ParquetFile &file)
{
    Columns out;
    const ParquetSchema &schema = file.schema();
    if (auto hf = file.huggingfaceMetadata(); hf && hf->is_object()) {
        const Json info = hf->value("info", Json::object());
        if (info.is_object() && info.value("features", Json()).is_object())
            out.features = info["features"];
    }
    for (const int child : schema.root().children) {
        const ParquetSchemaNode &node = schema.node(child);
        out.names.append(node.name);
        if (!node.isLeaf) {
            QStringList leaves;
            for (const int leaf : schema.leaves()) {
                const ParquetSchemaNode &l = schema.node(leaf);
                if (l.path.size() > 1 && l.path.first() == node.name)
                    leaves.append(l.path.last());
            }
            out.leafNames.insert(node.name, leaves);
        }
        if (!out.audioColumn.isEmpty())
            continue;
        const std::string key = ss(node.name);
        const Json feature = out.features.value(key, Json());
        const bool hfAudio = feature.is_object() && feature.value("_type", std::string()) == "Audio";
        // Without metadata, `datasets`' storage form struct<bytes: binary, path: string> still says "audio".
        const bool structAudio = !node.isLeaf && schema.find(node.name + QStringLiteral(".bytes")) >= 0
                                 && schema.find(node.name + QStringLiteral(".path")) >= 0;
        if (hfAudio || structAudio)
            out.audioColumn = node.name;
    }
    return out;
}

QString ParquetKindDetector::kindOf(const Columns &columns)
{
    const QStringList &n = columns.names;
    // The most specific column sets first: MMLU's question/answer would also pass as GSM8K.
    if (hasAll(n, {"question", "subject", "choices", "answer"}))
        return QStringLiteral("mmlu");
    if (hasAll(n, {"question", "answer"}))
        return QStringLiteral("gsm8k");
    if (hasAll(n, {"input", "target"}))
        return QStringLiteral("bbh");
    if (hasAll(n, {"personality", "candidates", "history"}))
        return QStringLiteral("personachat");
    if (hasAll(n, {"conv_id", "utterance_idx", "context", "prompt", "utterance"}))
        return QStringLiteral("empathetic");
    if (hasAll(n, {"speaker_id", "audio", "text", "text_id", "age", "gender", "accent", "region"}))
        return QStringLiteral("vctk");
    if (hasAll(n, {"file", "audio", "text", "speaker_id", "chapter_id", "id"}))
        return QStringLiteral("librispeech");
    // Text-only agent and knowledge-grounded sets; after the audio corpora, whose `text` is a transcript.
    if (columns.audioColumn.isEmpty()) {
        const auto leavesOf = [&columns](const char *column) { return columns.leafNames.value(QLatin1String(column)); };
        if (n.contains(QLatin1String("dialog")) && leavesOf("dialog").contains(QLatin1String("text"))
            && (n.contains(QLatin1String("chosen_topic")) || n.contains(QLatin1String("persona"))))
            return QStringLiteral("wow");
        if (hasAll(n, {"persona", "text"}) && !n.contains(QLatin1String("personality")))
            return QStringLiteral("wow");
        if (hasAll(n, {"query", "api_list"}))
            return QStringLiteral("toolbench");
        if (hasAll(n, {"id", "conversations"}) && leavesOf("conversations").contains(QLatin1String("from"))
            && leavesOf("conversations").contains(QLatin1String("value")))
            return QStringLiteral("toolbench");
        if (n.contains(QLatin1String("instruction"))
            && (n.contains(QLatin1String("asin")) || n.contains(QLatin1String("instruction_attributes"))
                || n.contains(QLatin1String("instruction_options"))))
            return QStringLiteral("webshop");
    }
    if (!columns.audioColumn.isEmpty())
        return QStringLiteral("audio");
    return QStringLiteral("unknown");
}

Result<QString> ParquetKindDetector::detect(const ParquetFile &file)
{
    const Columns columns = columnsOf(file);
    const QString kind = kindOf(columns);
    if (kind == QLatin1String("unknown")) {
        return Error::badInput(tr("%1: the parquet columns (%2) match no known kind (gsm8k: question, answer; "
                                  "mmlu: question, subject, choices, answer; bbh: input, target; personachat: "
                                  "personality, candidates, history; empathetic: conv_id, utterance_idx, context, "
                                  "prompt, utterance; wow: dialog with chosen_topic or persona, or persona, text; toolbench: "
                                  "query, api_list, or id, conversations; webshop: instruction, asin; librispeech / "
                                  "vctk / audio: an Audio column)")
                                   .arg(file.fileName(), columns.names.join(QStringLiteral(", "))));
    }
    return kind;
}

QStringList ParquetKindDetector::kinds()
{
    return {QStringLiteral("gsm8k"), QStringLiteral("mmlu"), QStringLiteral("bbh"), QStringLiteral("personachat"),
            QStringLiteral("empathetic"), QStringLiteral("wow"), QStringLiteral("toolbench"),
            QStringLiteral("webshop"), QStringLiteral("librispeech"), QStringLiteral("vctk"), QStringLiteral("audio")};
}

} // namespace kx
