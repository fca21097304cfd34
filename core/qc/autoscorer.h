// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"
#include "qc/qualityscores.h"

#include <optional>

namespace kx {

/**
 * The automatic scores of the quality-control gate (seed section 4): one
 * deterministic heuristic per criterion, each in [0, 1], from the scenario's
 * own fields only (no model, no store, no randomness: the same scenario always
 * gets the same scores, on any machine). The text measures come from
 * TextProfile (one pass per message; words compared case-insensitively).
 * The heuristics read English well and other languages less well (the cue and
 * stop-word lists are English). They are cheap: no regular expressions, one
 * pass over each text and a few sorts of word hashes.
 *
 * Terms: a *turn* is a message; *non-system turns* are those whose role is
 * not "system"; a turn is *blank* when it has no visible character;
 * *the request* is the last turn with role "user" (the last turn of any role
 * when there is none); clamp01(x) = min(1, max(0, x)).
 *
 * **Clarity** — can the agent tell what is asked? From the request:
 *   length  = 0 for no words; words / clarityMinWords below it; 1 up to
 *             clarityMaxWords; max(0.5, clarityMaxWords / words) above.
 *   request = 1 when its last visible character is '?'; 0.85 when it holds a
 *             '?' elsewhere, its first word is a request cue (what, how, why,
 *             please, explain, list, calculate, …) or it opens with "I/we
 *             need", "want", "require", "wish", "would", "'d" ("i need a
 *             blue jacket"); 0.6 when it ends with '.', '!', ':', ')', ']' or
 *             a closing quote; 0.3 otherwise (it may be cut off).
 *   form    = clamp01(1 − 0.5·truncated − 0.5·blankTurns/turns), truncated when
 *             the request ends with "..." / '…', is only dots, or ends with
 *             ',', '-', '–', '—', '(', '[' or '{'.
 *   noise   = 1 − clamp01((r − clarityNoiseFree) / clarityNoiseSpan), where
 *             r = (noise + clarityBadWeight·bad) / visible characters.
 *   clarity = 0.3·length + 0.3·request + 0.2·form + 0.2·noise, halved when no
 *             turn has role "user"; 0 when there is no turn or the request is blank.
 *
 * **Complexity** — how much the scenario demands:
 *   turns        = 0 for ≤ 1 non-blank non-system turn, else min(1, log2(turns) / 4)
 *                  (2 turns 0.25, 4 turns 0.5, 16 turns 1).
 *   memory       = min(1, non-blank memory requirements / complexityMemoryFull).
 *   capabilities = min(1, distinct expected capabilities / complexityCapabilitiesFull).
 *   information  = min(1, (distinct numbers + distinct named entities in all
 *                  turns) / complexityInformationFull); an entity is a
 *                  capitalised word of 2+ letters that does not open a sentence.
 *   complexity   = 0.2·turns + 0.3·memory + 0.2·capabilities + 0.3·information.
 *
 * **Coverage** — are the capabilities, criteria and memories actually covered?
 *   capabilities = min(1, distinct expected capabilities / coverageCapabilitiesFull).
 *   criteria     = 0 without evaluation criteria, else the share of criteria
 *                  whose value is not null, "", [] or {}.
 *   memory       = the mean over memory requirements of
 *                  min(1, matched / min(2, content)), where content is the
 *                  requirement's distinct words (3+ letters, or numbers) that
 *                  are not common English function words, and matched how
 *                  many of them occur anywhere in the turns: a memory counts as
 *                  reflected when two of its words (or all, if fewer) appear.
 *                  A requirement with no content word counts 0. It applies when
 *                  there are memory requirements or a capability name contains
 *                  "memory" or "recall" (then no requirement at all gives 0).
 *   coverage     = (0.3·capabilities + 0.3·criteria + 0.4·memory) / 1.0 when
 *                  memory applies, else (0.3·capabilities + 0.3·criteria) / 0.6.
 *
 * **Realism** — does it read like a real conversation?
 *   alternation = the share of adjacent non-system turns whose roles differ and
 *                 are both known (user, assistant, tool, function); 1 for a single
 *                 non-system turn with a known role; 0 with no non-system turn.
 *   variation   = the coefficient of variation c (population) of the lengths of
 *                 the non-system turns, 1 below 3 turns; 1 for c in
 *                 [realismMinVariation, realismMaxVariation];
 *                 0.5 + 0.5·c / realismMinVariation below (identical template
 *                 turns); max(0, 1 − (c − realismMaxVariation) / realismMaxVariation)
 *                 above (one giant turn among tiny ones).
 *   repetition  = max(0, 1 − 2·repeats / non-blank turns), a repeat being a turn
 *                 whose letters and digits (case-folded) equal an earlier turn's.
 *   artifacts   = max(0, 1 − 0.5·hits), hits of template and encoding leftovers:
 *                 each "{{", "[insert"/"<insert" and each of the words lorem,
 *                 ipsum, placeholder, tbd and xxx in turns and memory
 *                 requirements count 1; so does a turn of only dots and a turn
 *                 holding U+FFFD or control characters (mojibake); a turn
 *                 trailing off with "..." counts 0.5.
 *   realism     = 0.3·alternation + 0.2·variation + 0.25·repetition + 0.25·artifacts;
 *                 0 with no turn.
 *
 * overall() is the mean of the four (the seed's rule). The functions are pure
 * and reentrant: call them from any thread. Scores change only when @ref
 * version does, so stored automatic scores can be recomputed when it grows.
 */
class AutoScorer final
{
public:
    AutoScorer() = delete;

    /** Bumped whenever a heuristic or a constant changes. */
    static constexpr int version = 1;

    static constexpr int clarityMinWords = 5;
    static constexpr int clarityMaxWords = 250;
    static constexpr double clarityNoiseFree = 0.05;   ///< noise ratio still costing nothing
    static constexpr double clarityNoiseSpan = 0.25;   ///< noise ratio above the free one that costs everything
    static constexpr double clarityBadWeight = 5.0;    ///< a U+FFFD or control character weighs 5 noise characters
    static constexpr double complexityMemoryFull = 3.0; ///< the seed samples 3 memory points per question
    static constexpr double complexityCapabilitiesFull = 3.0;
    static constexpr double complexityInformationFull = 10.0;
    static constexpr double coverageCapabilitiesFull = 2.0;
    static constexpr double realismMinVariation = 0.1;
    static constexpr double realismMaxVariation = 1.5;

    /** The measures behind the four scores, for a "why this score" display. All in [0, 1]. */
    struct Breakdown
    {
        QualityScores scores;
        double clarityLength = 0.0;
        double clarityRequest = 0.0;
        double clarityForm = 0.0;
        double clarityNoise = 0.0;
        double complexityTurns = 0.0;
        double complexityMemory = 0.0;
        double complexityCapabilities = 0.0;
        double complexityInformation = 0.0;
        double coverageCapabilities = 0.0;
        double coverageCriteria = 0.0;
        std::optional<double> coverageMemory; ///< nullopt when the memory part does not apply
        double realismAlternation = 0.0;
        double realismVariation = 0.0;
        double realismRepetition = 0.0;
        double realismArtifacts = 0.0;
    };

    /** The four scores of @p scenario. */
    static QualityScores score(const TestScenario &scenario);
    /** The four scores of @p scenario with the measures they were made of. */
    static Breakdown explain(const TestScenario &scenario);
};

} // namespace kx
