// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/chatrequest.h"
#include "util/jsonqt.h"

#include <QCoreApplication>
#include <QPalette>
#include <QString>

namespace kx {

/**
 * The template editor's two read-only panes as HTML for a QTextBrowser: the
 * rendered request (preview) and the changes between two versions of a
 * template (from jsonDiff(), with a line diff for changed texts). Colours
 * follow @p palette, so both read in light and dark themes. Stateless.
 */
class PromptTemplateHtml final
{
    Q_DECLARE_TR_FUNCTIONS(kx::PromptTemplateHtml)

public:
    PromptTemplateHtml() = delete;

    /** @p request's messages, one block per role, and its sampling options. */
    static QString preview(const ChatRequest &request, const QPalette &palette);
    /**
     * What changed from @p before to @p after (template JSON; "version" is
     * ignored), titled with @p title; a line saying so when nothing did.
     */
    static QString changes(const Json &before, const Json &after, const QString &title, const QPalette &palette);
};

} // namespace kx
