// SPDX-License-Identifier: GPL-3.0-or-later
#include "importprogress.h"

#include <utility>

namespace kx {

ImportProgress::ImportProgress(WorkControl control, qint64 totalBytes)
    : m_control(std::move(control))
    , m_total(totalBytes)
{
}

void ImportProgress::beginFile()
{
    m_calls = 0;
}

void ImportProgress::endFile(qint64 fileSize)
{
    m_done += fileSize;
    m_control.report(m_done, m_total);
}

bool ImportProgress::report(qint64 bytesInFile)
{
    m_control.report(m_done + bytesInFile, m_total);
    return !m_control.isCancelled();
}

} // namespace kx
