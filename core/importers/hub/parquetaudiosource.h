// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace kx {

class ParquetFile;

/**
 * Reads the audio bytes a scenario's reference points at, on demand:
 * `{"parquet": file, "row_group": g, "row": r, "column": "audio.bytes"}` (as
 * ParquetImporter writes them) or `{"path": file}` for audio on disk. The last
 * parquet file stays open, so reading clips of one file in turn decodes each
 * column chunk once. Owns that file; use one instance per thread.
 */
class ParquetAudioSource final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetAudioSource)
    Q_DISABLE_COPY_MOVE(ParquetAudioSource)

public:
    ParquetAudioSource();
    ~ParquetAudioSource();

    /** Whether @p reference points into a parquet file. */
    static bool isParquetReference(const Json &reference);
    /** The bytes of the clip; errors name the file, row group, row and column. */
    Result<QByteArray> read(const Json &reference);

private:
    QString m_fileName;
    std::unique_ptr<ParquetFile> m_file;
};

} // namespace kx
