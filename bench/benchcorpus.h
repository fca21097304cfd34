// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/**
 * Writes the benchmark corpus: @p rows synthetic scenarios as TestScenario
 * JSONL and the same rows as CSV (uid, name, category, body, memory) for the
 * sqlite3 CLI baseline. Words follow a Zipf-like law over a fixed vocabulary,
 * so searches hit realistic numbers of rows. Deterministic.
 */
class BenchCorpus final
{
public:
    static bool write(const QString &jsonlPath, const QString &csvPath, qint64 rows, QString *error);
    /**
     * The same generator as Hub-style question/answer parquet (GSM8K's schema: `question`, `answer` ending in
     * "#### N"), written by our ParquetWriter, and the same rows as a two-column CSV for the baseline.
     */
    static bool writeQuestionAnswer(const QString &parquetPath, const QString &csvPath, qint64 rows, QString *error);
    /** Words of the vocabulary by rank: rank 0 is the most frequent. */
    static QString word(int rank);
};
