// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchcorpus.h"

#include "formats/parquet/parquetwriter.h"

#include <QFile>

#include <array>
#include <cmath>
#include <vector>

namespace {

constexpr int vocabularySize = 5000;
constexpr std::array<const char *, 16> onsets{{"b", "k", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z", "st", "tr"}};
constexpr std::array<const char *, 8> vowels{{"a", "e", "i", "o", "u", "ai", "ou", "ei"}};
constexpr std::array<const char *, 8> codas{{"", "n", "r", "l", "s", "th", "m", "x"}};

class Rng
{
public:
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    quint64 m_state = 42;
};

/** Cumulative Zipf(s=1.07) weights, to draw word ranks by binary search. */
std::vector<double> zipfTable()
{
    std::vector<double> cdf(vocabularySize);
    double total = 0;
    for (int r = 0; r < vocabularySize; ++r)
        cdf[size_t(r)] = (total += 1.0 / std::pow(r + 1, 1.07));
    for (double &v : cdf)
        v /= total;
    return cdf;
}

QByteArray sentence(Rng &rng, const std::vector<double> &cdf, const std::vector<QByteArray> &words, int n)
{
    QByteArray out;
    for (int i = 0; i < n; ++i) {
        const double u = rng.unit();
        const auto it = std::lower_bound(cdf.begin(), cdf.end(), u);
        if (i)
            out += ' ';
        out += words[size_t(std::min<qsizetype>(it - cdf.begin(), vocabularySize - 1))];
    }
    return out;
}

} // namespace

namespace {
/** The vocabulary and its Zipf table, built once per corpus. */
struct Vocabulary
{
    std::vector<QByteArray> words;
    std::vector<double> cdf = zipfTable();
    Vocabulary()
    {
        for (int r = 0; r < vocabularySize; ++r)
            words.push_back(BenchCorpus::word(r).toLatin1());
    }
};
} // namespace

QString BenchCorpus::word(int rank)
{
    // Three syllables from the rank's digits in mixed bases: every rank gets a distinct word.
    int r = rank;
    QString w;
    for (int s = 0; s < 3; ++s) {
        w += QLatin1String(onsets[size_t(r % 16)]);
        r /= 16;
        w += QLatin1String(vowels[size_t((r + s) % 8)]);
    }
    w += QLatin1String(codas[size_t((rank / 4096 + rank) % 8)]);
    return w + QString::number(rank % 7);
}

bool BenchCorpus::write(const QString &jsonlPath, const QString &csvPath, qint64 rows, QString *error)
{
    QFile jsonl(jsonlPath), csv(csvPath);
    if (!jsonl.open(QIODevice::WriteOnly) || !csv.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1 or %2").arg(jsonlPath, csvPath);
        return false;
    }
    const Vocabulary vocabulary;
    const auto &words = vocabulary.words;
    const auto &cdf = vocabulary.cdf;
    static const char *const categories[] = {"benchmark", "synthetic", "tool_usage", "adversarial"};
    static const char *const capabilities[] = {"memory_recall", "context_integration", "tool_selection", "coherence"};
    Rng rng;
    QByteArray jbuf, cbuf;
    for (qint64 i = 0; i < rows; ++i) {
        const QByteArray uid = "s" + QByteArray::number(i);
        const QByteArray name = "Scenario " + QByteArray::number(i) + ' ' + sentence(rng, cdf, words, 3);
        const QByteArray user = sentence(rng, cdf, words, 12 + int(rng.next() % 18));
        const QByteArray assistant = sentence(rng, cdf, words, 8 + int(rng.next() % 12));
        const QByteArray memory = sentence(rng, cdf, words, 6);
        const char *category = categories[rng.next() % 4];
        const char *capability = capabilities[rng.next() % 4];
        jbuf += "{\"id\":\"" + uid + "\",\"name\":\"" + name + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                + "\"},{\"role\":\"assistant\",\"content\":\"" + assistant + "\"}],\"memory_requirements\":[\"" + memory
                + "\"],\"expected_capabilities\":[\"" + capability
                + "\"],\"evaluation_criteria\":{\"coherence\":0.8},\"category\":\"" + category + "\"}\n";
        cbuf += uid + ",\"" + name + "\"," + category + ",\"" + user + '\n' + assistant + "\",\"" + memory + "\"\n";
        if (jbuf.size() > (1 << 20)) {
            jsonl.write(jbuf);
            csv.write(cbuf);
            jbuf.clear();
            cbuf.clear();
        }
    }
    jsonl.write(jbuf);
    csv.write(cbuf);
    return jsonl.error() == QFile::NoError && csv.error() == QFile::NoError;
}

bool BenchCorpus::writeQuestionAnswer(const QString &parquetPath, const QString &csvPath, qint64 rows, QString *error)
{
    using namespace kx;
    ParquetWriterSchema schema;
    schema.fields = {{QStringLiteral("question"), ParquetWriterField::Kind::String, {}},
                     {QStringLiteral("answer"), ParquetWriterField::Kind::String, {}}};
    auto writer = ParquetWriter::create(parquetPath, schema);
    QFile csv(csvPath);
    if (!writer || !csv.open(QIODevice::WriteOnly)) {
        *error = writer ? QStringLiteral("cannot write %1").arg(csvPath) : writer.error().message;
        return false;
    }
    const Vocabulary vocabulary;
    Rng rng;
    ParquetRow row(2);
    QByteArray cbuf;
    for (qint64 i = 0; i < rows; ++i) {
        const QByteArray question = sentence(rng, vocabulary.cdf, vocabulary.words, 12 + int(rng.next() % 18)) + '?';
        const QByteArray answer = sentence(rng, vocabulary.cdf, vocabulary.words, 8 + int(rng.next() % 12))
                                  + "\n#### " + QByteArray::number(qint64(rng.next() % 1000));
        row[0].text.assign(question.constData(), size_t(question.size()));
        row[1].text.assign(answer.constData(), size_t(answer.size()));
        if (auto r = (*writer)->writeRow(row); !r) {
            *error = r.error().message;
            return false;
        }
        cbuf += '"' + question + "\",\"" + answer + "\"\n";
        if (cbuf.size() > (1 << 20)) {
            csv.write(cbuf);
            cbuf.clear();
        }
    }
    csv.write(cbuf);
    if (auto r = (*writer)->close(); !r) {
        *error = r.error().message;
        return false;
    }
    return csv.error() == QFile::NoError;
}
