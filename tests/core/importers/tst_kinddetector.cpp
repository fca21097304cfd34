// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/kinddetector.h"

#include <QTest>

using namespace kx;

namespace {
const QString data = QStringLiteral(KX_SHARED_DATA "/");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/");
}

class TestKindDetector final : public QObject
{
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
    void detectErrors_data();
    void detectErrors();
    void resolve_data();
    void resolve();
    void resolveErrors_data();
    void resolveErrors();
};

void TestKindDetector::detect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("kind");
    QTest::newRow("gsm8k test") << data + QStringLiteral("gsm8k/grade_school_math/data/test.jsonl")
                                << QStringLiteral("jsonl") << QStringLiteral("gsm8k");
    QTest::newRow("gsm8k socratic") << data + QStringLiteral("gsm8k/grade_school_math/data/test_socratic.first50.jsonl")
                                    << QStringLiteral("jsonl") << QStringLiteral("gsm8k");
    QTest::newRow("bbh navigate") << data + QStringLiteral("bbh/bbh/navigate.json") << QStringLiteral("json")
                                  << QStringLiteral("bbh");
    QTest::newRow("bbh pretty") << fixtures + QStringLiteral("bbh_pretty.json") << QStringLiteral("json")
                                << QStringLiteral("bbh");
    QTest::newRow("mmlu dev") << data + QStringLiteral("mmlu/data/dev/abstract_algebra_dev.csv")
                              << QStringLiteral("csv") << QStringLiteral("mmlu");
    QTest::newRow("mmlu multi-line") << data + QStringLiteral("mmlu/data/dev/college_computer_science_dev.csv")
                                     << QStringLiteral("csv") << QStringLiteral("mmlu");
    QTest::newRow("bom crlf gsm8k") << fixtures + QStringLiteral("gsm8k_bom_crlf.jsonl") << QStringLiteral("jsonl")
                                    << QStringLiteral("gsm8k");
    QTest::newRow("broken later line") << fixtures + QStringLiteral("broken_line.jsonl") << QStringLiteral("jsonl")
                                       << QStringLiteral("gsm8k");
    QTest::newRow("scenarios") << fixtures + QStringLiteral("mixed_folder/c.jsonl") << QStringLiteral("jsonl")
                               << QStringLiteral("scenarios");
    QTest::newRow("other jsonl") << fixtures + QStringLiteral("other_records.jsonl") << QStringLiteral("jsonl")
                                 << QStringLiteral("unknown");
    QTest::newRow("other csv") << fixtures + QStringLiteral("people.csv") << QStringLiteral("csv")
                               << QStringLiteral("unknown");
    QTest::newRow("ragged mmlu") << fixtures + QStringLiteral("ragged_rows.csv") << QStringLiteral("csv")
                                 << QStringLiteral("mmlu"); // detection reads the first record only
    QTest::newRow("bad utf-8 on line 2") << fixtures + QStringLiteral("invalid_utf8.csv") << QStringLiteral("csv")
                                         << QStringLiteral("mmlu"); // the import reports line 2
    QTest::newRow("bad utf-8 on jsonl line 2") << fixtures + QStringLiteral("invalid_utf8.jsonl")
                                               << QStringLiteral("jsonl") << QStringLiteral("gsm8k");
    QTest::newRow("toolbench queries") << data + QStringLiteral("toolbench/data_example/instruction/G1_query.json")
                                       << QStringLiteral("json") << QStringLiteral("toolbench");
    QTest::newRow("toolbench answer")
        << data + QStringLiteral("toolbench/data_example/answer/G1_answer/10_ChatGPT_DFS_woFilter_w2.json")
        << QStringLiteral("json") << QStringLiteral("toolbench");
    QTest::newRow("toolbench response example")
        << data + QStringLiteral("toolbench/data_example/toolenv/response_examples/Gaming/dice_roll_simulator.json")
        << QStringLiteral("json") << QStringLiteral("unknown");
    QTest::newRow("toolllama") << fixtures + QStringLiteral("toolbench/toolllama_G123_dfs_eval.json")
                               << QStringLiteral("json") << QStringLiteral("toolbench");
    QTest::newRow("webshop goals (by name)") << data + QStringLiteral("webshop/baseline_models/data/human_goals.json")
                                             << QStringLiteral("json") << QStringLiteral("webshop");
    QTest::newRow("webshop query map") << data + QStringLiteral("webshop/baseline_models/data/goal_query_map.json")
                                       << QStringLiteral("json") << QStringLiteral("webshop");
    QTest::newRow("empathetic csv")
        << data + QStringLiteral("hf-datasets-legacy/datasets/empathetic_dialogues/dummy/0.1.0/dummy_data/"
                                 "empatheticdialogues/train.csv")
        << QStringLiteral("csv") << QStringLiteral("empathetic");
    QTest::newRow("personachat") << fixtures + QStringLiteral("personachat/personachat_truecased_sample_valid.json")
                                 << QStringLiteral("json") << QStringLiteral("personachat");
    QTest::newRow("wow") << fixtures + QStringLiteral("wow/valid_random_split.json") << QStringLiteral("json")
                         << QStringLiteral("wow");
    QTest::newRow("librispeech trans.txt")
        << data + QStringLiteral("hf-datasets-legacy/datasets/librispeech_asr/dummy/clean/2.1.0/dummy_data/"
                                 "dev-clean.tar.gz/LibriSpeech/dev-clean/1272/128104/1272-128104.trans.txt")
        << QStringLiteral("text") << QStringLiteral("librispeech");
    QTest::newRow("vctk speaker-info") << data + QStringLiteral("vctk-0.80-speaker-info/speaker-info.txt")
                                       << QStringLiteral("text") << QStringLiteral("vctk");
}

void TestKindDetector::detect()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(QString, kind);
    const auto d = KindDetector::detect(file);
    QVERIFY2(d.ok(), d.ok() ? "" : qPrintable(d.error().message));
    QCOMPARE(d->format, format);
    QCOMPARE(d->kind, kind);
}

void TestKindDetector::detectErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << fixtures + QStringLiteral("empty.jsonl") << QStringLiteral("empty.jsonl: the file is empty");
    QTest::newRow("notes") << fixtures + QStringLiteral("notes.txt")
                           << QStringLiteral("notes.txt: unknown format (not JSONL, JSON or CSV of a known kind)");
    QTest::newRow("broken json document") << fixtures + QStringLiteral("bbh_broken.json")
                                          << QStringLiteral("bbh_broken.json:4:");
    QTest::newRow("invalid utf-8 on line 1") << fixtures + QStringLiteral("utf8_line1.jsonl")
                                             << QStringLiteral("utf8_line1.jsonl:1: invalid UTF-8 at byte offset 14");
    QTest::newRow("invalid json on line 1") << fixtures + QStringLiteral("json_line1.jsonl")
                                            << QStringLiteral("json_line1.jsonl:1: invalid JSON: ");
    QTest::newRow("missing") << fixtures + QStringLiteral("nope.jsonl")
                             << QStringLiteral("nope.jsonl: no such file or directory");
}

void TestKindDetector::detectErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const auto d = KindDetector::detect(file);
    QVERIFY(!d.ok());
    QVERIFY2(d.error().message.endsWith(message) || d.error().message.contains(message), qPrintable(d.error().message));
    QVERIFY(d.error().message.contains(file));
}

void TestKindDetector::resolve_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("resolvedKind");
    QTest::addColumn<int>("files");
    QTest::addColumn<QString>("firstFile");
    QTest::newRow("gsm8k file") << data + QStringLiteral("gsm8k/grade_school_math/data/test.jsonl")
                                << QStringLiteral("auto") << QStringLiteral("gsm8k") << 1 << QStringLiteral("test.jsonl");
    QTest::newRow("gsm8k folder") << data + QStringLiteral("gsm8k") << QStringLiteral("auto")
                                  << QStringLiteral("gsm8k") << 3 << QStringLiteral("test.jsonl");
    QTest::newRow("bbh folder") << data + QStringLiteral("bbh/bbh") << QStringLiteral("auto") << QStringLiteral("bbh")
                                << 27 << QStringLiteral("boolean_expressions.json");
    QTest::newRow("mmlu dev folder") << data + QStringLiteral("mmlu/data/dev") << QStringLiteral("auto")
                                     << QStringLiteral("mmlu") << 57 << QStringLiteral("abstract_algebra_dev.csv");
    QTest::newRow("mmlu all splits") << data + QStringLiteral("mmlu/data") << QStringLiteral("auto")
                                     << QStringLiteral("mmlu") << 124 << QStringLiteral("abstract_algebra_dev.csv");
    QTest::newRow("kind overrides") << fixtures + QStringLiteral("other_records.jsonl") << QStringLiteral("gsm8k")
                                    << QStringLiteral("gsm8k") << 1 << QStringLiteral("other_records.jsonl");
    QTest::newRow("kind picks suffixes") << fixtures + QStringLiteral("mixed_folder") << QStringLiteral("mmlu")
                                         << QStringLiteral("mmlu") << 1 << QStringLiteral("b.csv");
    QTest::newRow("librispeech folder")
        << data + QStringLiteral("hf-datasets-legacy/datasets/librispeech_asr") << QStringLiteral("auto")
        << QStringLiteral("librispeech") << 1 << QStringLiteral("1272-128104.trans.txt");
    QTest::newRow("vctk folder") << data + QStringLiteral("hf-datasets-legacy/datasets/vctk/dummy")
                                 << QStringLiteral("auto") << QStringLiteral("vctk") << 1
                                 << QStringLiteral("speaker-info.txt");
    QTest::newRow("vctk kind takes speaker-info only") << data + QStringLiteral("hf-datasets-legacy/datasets/vctk")
                                                       << QStringLiteral("vctk") << QStringLiteral("vctk") << 1
                                                       << QStringLiteral("speaker-info.txt");
    QTest::newRow("empathetic folder")
        << data + QStringLiteral("hf-datasets-legacy/datasets/empathetic_dialogues") << QStringLiteral("auto")
        << QStringLiteral("empathetic") << 3 << QStringLiteral("test.csv");
    QTest::newRow("toolbench folder") << data + QStringLiteral("toolbench/data_example") << QStringLiteral("auto")
                                      << QStringLiteral("toolbench") << 20 << QStringLiteral("10_ChatGPT_DFS_woFilter_w2.json");
    QTest::newRow("webshop folder") << data + QStringLiteral("webshop") << QStringLiteral("auto")
                                    << QStringLiteral("webshop") << 2 << QStringLiteral("goal_query_map.json");
    QTest::newRow("broken folder") << fixtures + QStringLiteral("broken_folder") << QStringLiteral("auto")
                                   << QStringLiteral("gsm8k") << 3 << QStringLiteral("1_first.jsonl");
}

void TestKindDetector::resolve()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(QString, resolvedKind);
    QFETCH(int, files);
    QFETCH(QString, firstFile);
    const auto input = KindDetector::resolve(path, kind);
    QVERIFY2(input.ok(), input.ok() ? "" : qPrintable(input.error().message));
    QCOMPARE(input->kind, resolvedKind);
    QCOMPARE(input->path, path);
    QCOMPARE(input->files.size(), files);
    QVERIFY2(input->files.first().endsWith(QLatin1Char('/') + firstFile) || input->files.first() == firstFile,
             qPrintable(input->files.first()));
    QStringList sorted = input->files;
    sorted.sort();
    QCOMPARE(input->files, sorted);
}

void TestKindDetector::resolveErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("mixed folder") << fixtures + QStringLiteral("mixed_folder") << QStringLiteral("auto")
                                  << QStringLiteral("mixed_folder: the folder mixes kinds (gsm8k, mmlu, scenarios); choose one with --kind");
    QTest::newRow("unknown file") << fixtures + QStringLiteral("other_records.jsonl") << QStringLiteral("auto")
                                  << QStringLiteral("other_records.jsonl: unknown format (not JSONL, JSON or CSV of a known kind)");
    QTest::newRow("notes") << fixtures + QStringLiteral("notes.txt") << QStringLiteral("auto")
                           << QStringLiteral("notes.txt: unknown format (not JSONL, JSON or CSV of a known kind)");
    QTest::newRow("bad kind") << fixtures + QStringLiteral("notes.txt") << QStringLiteral("parquet")
                              << QStringLiteral("unknown kind \"parquet\" (expected auto, gsm8k, bbh, mmlu, personachat, wow, "
                                             "empathetic, librispeech, vctk, toolbench, webshop, scenarios)");
    QTest::newRow("missing") << fixtures + QStringLiteral("missing_dir") << QStringLiteral("auto")
                             << QStringLiteral("missing_dir: no such file or directory");
    QTest::newRow("folder without kind files") << data + QStringLiteral("hf-hub-parquet-samples") << QStringLiteral("auto")
                                               << QStringLiteral("hf-hub-parquet-samples: the folder holds no file of a known kind");
}

void TestKindDetector::resolveErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const auto input = KindDetector::resolve(path, kind);
    QVERIFY(!input.ok());
    QVERIFY2(input.error().message.endsWith(message), qPrintable(input.error().message));
}

QTEST_GUILESS_MAIN(TestKindDetector)
#include "tst_kinddetector.moc"
