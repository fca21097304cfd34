// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/chatmessage.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kx {

/**
 * A generator's prompt as data: an id and version, a description, the system
 * and user message texts with `{{placeholder}}` slots, the JSON answer shape
 * described in words, and default parameters (sampling options, evaluation
 * criteria, generator-specific knobs).
 *
 * The JSON form (resources/prompts/<id>.json, or a workspace row later):
 * @code
 * { "id": "memory_recall", "version": 1, "description": "…",
 *   "placeholders": ["agent_profile", …],
 *   "system": "…", "user": "… {{agent_profile}} … {{response_shape}}",
 *   "response_shape": "…", "defaults": { "temperature": 0.8, … } }
 * @endcode
 * Every slot used in "system" or "user" must be declared in "placeholders",
 * except `{{response_shape}}`, which always renders as the template's own
 * "response_shape". Loading checks this, so a typo is found when the template
 * is read, not when it is sent.
 *
 * A value type, immutable once loaded; safe to share between threads.
 * @ref origin names where it came from (":/prompts/memory_recall.json",
 * "workspace template 12", …) and appears in every error.
 */
class PromptTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(kx::PromptTemplate)

public:
    PromptTemplate() = default;

    /** Parses a template; @p origin names the file or row in error messages. */
    static Result<PromptTemplate> fromJson(const Json &j, const QString &origin);
    /** Reads and parses a JSON file (a path or a ":/…" resource path). */
    static Result<PromptTemplate> fromFile(const QString &path);
    /** The template compiled into the application: ":/prompts/<id>.json". */
    static Result<PromptTemplate> builtIn(const QString &id);

    QString id() const { return m_id; }
    int version() const { return m_version; }
    QString description() const { return m_description; }
    QString systemText() const { return m_system; }
    QString userText() const { return m_user; }
    QString responseShape() const { return m_responseShape; }
    QStringList placeholders() const { return m_placeholders; }
    /** Default parameters (an object, possibly empty). */
    const Json &defaults() const { return m_defaults; }
    QString origin() const { return m_origin; }

    /** The template as JSON, keys in the documented order; fromJson(toJson()) gives it back. */
    Json toJson() const;
    /**
     * SHA-256 (lower-case hex) of the canonical JSON: keys sorted, compact,
     * UTF-8. Stable across key order and whitespace of the source file; any
     * change of content changes it. Goes into each scenario's provenance.
     */
    QString contentHash() const;

    /**
     * The system and user messages with every slot replaced. Errors name the
     * template and the slot: a declared placeholder without a value, or a value
     * for a name the template does not declare.
     */
    Result<QList<ChatMessage>> render(const QMap<QString, QString> &values) const;

private:
    Result<QString> renderText(const QString &text, const QMap<QString, QString> &values,
                               const char *field) const;

    QString m_id;
    int m_version = 0;
    QString m_description;
    QString m_system;
    QString m_user;
    QString m_responseShape;
    QStringList m_placeholders;
    Json m_defaults = Json::object();
    QString m_origin;
};

} // namespace kx
