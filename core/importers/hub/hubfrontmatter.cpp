// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubfrontmatter.h"

#include "util/jsonqt.h"

#include <QFile>
#include <QRegularExpression>

namespace kx {

namespace {

struct Line
{
    int number = 0; // 1-based in the file, for messages
    int indent = 0;
    QString text;   // without indentation and trailing blanks
};

/** A tiny block-YAML reader: enough for the `configs:` list the Hub writes, nothing more. */
class MiniYaml
{
    Q_DECLARE_TR_FUNCTIONS(kx::HubFrontMatter)

public:
    MiniYaml(QList<Line> lines, QString name) : m_lines(std::move(lines)), m_name(std::move(name)) {}

    Result<Json> parseBlock(qsizetype &i, int indent)
    {
        if (i >= m_lines.size())
            return Json();
        return isItem(m_lines[i].text) ? parseSequence(i, indent) : parseMapping(i, indent);
    }

private:
    static bool isItem(const QString &t) { return t == QLatin1String("-") || t.startsWith(QLatin1String("- ")); }

    static Json scalar(QString v)
    {
        v = v.trimmed();
        if (v.size() >= 2 && ((v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
                              || (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))))
            return ss(v.mid(1, v.size() - 2));
        if (v.startsWith(QLatin1Char('[')) && v.endsWith(QLatin1Char(']'))) {
            Json list = Json::array();
            const QStringList parts = v.mid(1, v.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &p : parts)
                list.push_back(scalar(p));
            return list;
        }
        return ss(v);
    }

    /** The value after "key:" or "-": inline, or the block on the following lines. */
    Result<Json> valueAfter(qsizetype &i, int indent, const QString &rest)
    {
        if (!rest.trimmed().isEmpty()) {
            ++i;
            return scalar(rest);
        }
        ++i;
        if (i >= m_lines.size())
            return Json();
        const Line &next = m_lines[i];
        // A sequence may sit at its key's own indentation ("configs:\n- config_name: …").
        if (next.indent > indent || (next.indent == indent && isItem(next.text)))
            return parseBlock(i, next.indent);
        return Json();
    }

    Result<Json> parseSequence(qsizetype &i, int indent)
    {
        Json list = Json::array();
        while (i < m_lines.size() && m_lines[i].indent == indent && isItem(m_lines[i].text)) {
            Line &line = m_lines[i];
            const QString content = line.text.mid(1).trimmed();
            if (content.isEmpty() || !content.contains(QLatin1Char(':')) || content.startsWith(QLatin1Char('"'))
                || content.startsWith(QLatin1Char('\'')) || content.startsWith(QLatin1Char('['))) {
                auto v = valueAfter(i, indent, content);
                if (!v)
                    return v.error();
                list.push_back(std::move(*v));
                continue;
            }
            // "- key: value" opens a mapping whose keys line up with "key".
            const int inner = indent + int(line.text.indexOf(content));
            line.indent = inner;
            line.text = content;
            auto v = parseMapping(i, inner);
            if (!v)
                return v.error();
            list.push_back(std::move(*v));
        }
        if (i < m_lines.size() && m_lines[i].indent > indent)
            return Error::badInput(tr("%1:%2: unexpected indentation in the front matter")
                                       .arg(m_name).arg(m_lines[i].number));
        return list;
    }

    Result<Json> parseMapping(qsizetype &i, int indent)
    {
        Json map = Json::object();
        while (i < m_lines.size() && m_lines[i].indent == indent && !isItem(m_lines[i].text)) {
            const Line &line = m_lines[i];
            const qsizetype colon = line.text.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return Error::badInput(tr("%1:%2: expected \"key: value\" in the front matter")
                                           .arg(m_name).arg(line.number));
            const std::string key = ss(line.text.left(colon).trimmed());
            auto v = valueAfter(i, indent, line.text.mid(colon + 1));
            if (!v)
                return v.error();
            map[key] = std::move(*v);
        }
        if (i < m_lines.size() && m_lines[i].indent > indent)
            return Error::badInput(tr("%1:%2: unexpected indentation in the front matter")
                                       .arg(m_name).arg(m_lines[i].number));
        return map;
    }

    QList<Line> m_lines;
    QString m_name;
};

QStringList stringsOf(const Json &value)
{
    QStringList out;
    if (value.is_string())
        out.append(qs(value.get_ref<const std::string &>()));
    else if (value.is_array()) {
        for (const Json &v : value) {
            if (v.is_string())
                out.append(qs(v.get_ref<const std::string &>()));
        }
    }
    return out;
}

} // namespace

QString HubFrontMatter::globToRegex(const QString &glob)
{
    QString rx;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob[i];
        if (c == QLatin1Char('*')) {
            if (i + 1 < glob.size() && glob[i + 1] == QLatin1Char('*')) {
                // "**/" also matches no folder at all
                if (i + 2 < glob.size() && glob[i + 2] == QLatin1Char('/')) {
                    rx += QLatin1String("(?:.*/)?");
                    i += 2;
                } else {
                    rx += QLatin1String(".*");
                    ++i;
                }
            } else {
                rx += QLatin1String("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            rx += QLatin1String("[^/]");
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression::anchoredPattern(rx);
}

Result<HubFrontMatter> HubFrontMatter::read(const QString &readmePath)
{
    QFile file(readmePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(tr("%1: cannot read: %2").arg(readmePath, file.errorString()));
    // A dataset card's front matter is small; a megabyte bounds a hostile file.
    return parse(QString::fromUtf8(file.read(1024 * 1024)), readmePath);
}

Result<HubFrontMatter> HubFrontMatter::parse(const QString &text, const QString &name)
{
    HubFrontMatter out;
    QStringList all = text.split(QLatin1Char('\n'));
    if (all.isEmpty() || all.first().trimmed() != QLatin1String("---"))
        return out;
    // Collect the lines of the top-level "configs:" key only; the rest of the card may use YAML we do not read.
    QList<Line> lines;
    bool inConfigs = false;
    bool closed = false;
    for (qsizetype n = 1; n < all.size(); ++n) {
        QString raw = all[n];
        if (raw.endsWith(QLatin1Char('\r')))
            raw.chop(1);
        if (raw.trimmed() == QLatin1String("---")) {
            closed = true;
            break;
        }
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        int indent = 0;
        while (indent < raw.size() && raw[indent] == QLatin1Char(' '))
            ++indent;
        if (indent == 0 && !trimmed.startsWith(QLatin1Char('-'))) {
            inConfigs = trimmed.startsWith(QLatin1String("configs:"));
            if (inConfigs)
                lines.append(Line{int(n + 1), 0, trimmed});
            continue;
        }
        if (inConfigs)
            lines.append(Line{int(n + 1), indent, trimmed});
    }
    if (!closed || lines.isEmpty())
        return out;

    MiniYaml yaml(lines, name);
    qsizetype i = 0;
    auto root = yaml.parseBlock(i, 0);
    if (!root)
        return root.error();
    const Json configs = root->value("configs", Json());
    if (!configs.is_array())
        return Error::badInput(tr("%1:%2: \"configs\" in the front matter is not a list").arg(name).arg(lines[0].number));
    for (const Json &c : configs) {
        if (!c.is_object() || !c.contains("config_name"))
            return Error::badInput(tr("%1: a \"configs\" entry of the front matter has no config_name").arg(name));
        Config config;
        config.name = qs(c["config_name"].is_string() ? c["config_name"].get<std::string>() : c["config_name"].dump());
        const Json files = c.value("data_files", Json());
        if (files.is_string() || (files.is_array() && !files.empty() && files.front().is_string())) {
            config.dataFiles.append(DataFiles{QStringLiteral("train"), stringsOf(files)});
        } else if (files.is_array()) {
            for (const Json &f : files) {
                if (!f.is_object() || !f.contains("split") || !f.contains("path"))
                    return Error::badInput(tr("%1: data_files of config \"%2\" needs \"split\" and \"path\"")
                                               .arg(name, config.name));
                config.dataFiles.append(DataFiles{qs(f["split"].is_string() ? f["split"].get<std::string>() : f["split"].dump()),
                                                  stringsOf(f["path"])});
            }
        } else if (files.is_object()) {
            for (auto it = files.begin(); it != files.end(); ++it)
                config.dataFiles.append(DataFiles{qs(it.key()), stringsOf(it.value())});
        }
        // A config without data_files (builder-script datasets) says nothing about files.
        if (!config.dataFiles.isEmpty())
            out.configs.append(std::move(config));
    }
    return out;
}

} // namespace kx
