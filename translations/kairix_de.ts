<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>‹%1 bytes›</source>
        <translation>‹%1 Bytes›</translation>
    </message>
</context>
<context>
    <name>MetadataParser</name>
    <message>
        <source>parquet footer: %1</source>
        <translation>Parquet-Footer: %1</translation>
    </message>
    <message>
        <source>parquet page header: %1</source>
        <translation>Parquet-Seitenkopf: %1</translation>
    </message>
    <message>
        <source>parquet page header at byte offset %1 has no page type</source>
        <translation>Parquet-Seitenkopf bei Byte-Offset %1 hat keinen Seitentyp</translation>
    </message>
    <message>
        <source>parquet page header at byte offset %1 has a negative page size</source>
        <translation>Parquet-Seitenkopf bei Byte-Offset %1 hat eine negative Seitengröße</translation>
    </message>
</context>
<context>
    <name>kx::Application</name>
    <message>
        <source>Curate the test datasets of the Kairix Engine.</source>
        <translation>Testdatensätze der Kairix Engine kuratieren.</translation>
    </message>
    <message>
        <source>Open the workspace at &lt;path&gt; (also set by KAIRIX_DB).</source>
        <translation>Den Arbeitsbereich unter &lt;path&gt; öffnen (auch über KAIRIX_DB).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pfad</translation>
    </message>
</context>
<context>
    <name>kx::AsyncWorkspace</name>
    <message>
        <source>no workspace is open</source>
        <translation>es ist kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>imports need a workspace file: an in-memory workspace (&quot;%1&quot;) cannot be shared with the import&apos;s own connection</source>
        <translation>Importe brauchen eine Arbeitsbereichsdatei: Ein Arbeitsbereich im Speicher („%1“) kann nicht mit der eigenen Verbindung des Imports geteilt werden</translation>
    </message>
    <message>
        <source>this needs a workspace file: an in-memory workspace (&quot;%1&quot;) cannot be shared with a second connection</source>
        <translation>dafür ist eine Arbeitsbereichsdatei nötig: Ein Arbeitsbereich im Speicher („%1“) kann nicht mit einer zweiten Verbindung geteilt werden</translation>
    </message>
</context>
<context>
    <name>kx::AudioCheckFlags</name>
    <message>
        <source>Clipping</source>
        <translation>Übersteuert</translation>
    </message>
    <message>
        <source>Mostly silent</source>
        <translation>Überwiegend still</translation>
    </message>
    <message>
        <source>Too quiet</source>
        <translation>Zu leise</translation>
    </message>
    <message>
        <source>Speaking-rate outlier</source>
        <translation>Auffälliges Sprechtempo</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Zu kurz</translation>
    </message>
    <message>
        <source>Undecodable</source>
        <translation>Nicht dekodierbar</translation>
    </message>
</context>
<context>
    <name>kx::AudioCheckRunner</name>
    <message>
        <source>The audio checks were cancelled; nothing was stored.</source>
        <translation>Die Audioanalyse wurde abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>kx::AudioChecker</name>
    <message>
        <source>%1: no audio stream (%2 Hz, %3 channels)</source>
        <translation>%1: kein Audiostrom (%2 Hz, %3 Kanäle)</translation>
    </message>
    <message>
        <source>%1: check cancelled</source>
        <translation>%1: Analyse abgebrochen</translation>
    </message>
</context>
<context>
    <name>kx::AudioClipInfoView</name>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Automatic checks</source>
        <translation>Automatische Analyse</translation>
    </message>
    <message>
        <source>Flagged by the automatic checks</source>
        <translation>Von der automatischen Analyse markiert</translation>
    </message>
    <message>
        <source>No speaker metadata</source>
        <translation>Keine Sprecherangaben</translation>
    </message>
    <message>
        <source>Not checked yet — run the checks from the queue</source>
        <translation>Noch nicht analysiert – starten Sie die Analyse über der Warteschlange</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>Mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>Stereo</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 Kanäle</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>%1 Hz, %2</source>
        <translation>%1 Hz, %2</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Spitzenpegel</translation>
    </message>
    <message>
        <source>Clipped samples</source>
        <translation>Übersteuerte Samples</translation>
    </message>
    <message>
        <source>Loudness (RMS)</source>
        <translation>Lautheit (RMS)</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stille</translation>
    </message>
    <message>
        <source>Speaking rate</source>
        <translation>Sprechtempo</translation>
    </message>
    <message>
        <source>%1 chars/s (z = %2)</source>
        <translation>%1 Zeichen/s (z = %2)</translation>
    </message>
    <message>
        <source>Suspicion</source>
        <translation>Auffälligkeit</translation>
    </message>
    <message>
        <source>not measured (no transcript, or no speech)</source>
        <translation>nicht gemessen (kein Transkript oder keine Sprache)</translation>
    </message>
</context>
<context>
    <name>kx::AudioClipOpener</name>
    <message>
        <source>the audio reference has neither &quot;parquet&quot; nor &quot;path&quot;</source>
        <translation>der Audioverweis hat weder „parquet“ noch „path“</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1, row group %2, row %3</source>
        <translation>%1, Zeilengruppe %2, Zeile %3</translation>
    </message>
    <message>
        <source>%1 row group %2 row %3 column %4</source>
        <translation>%1 Zeilengruppe %2 Zeile %3 Spalte %4</translation>
    </message>
</context>
<context>
    <name>kx::AudioDecoder</name>
    <message>
        <source>%1: not a usable audio stream (sample rate %2, %3 channels)</source>
        <translation>%1: kein verwendbarer Audiostrom (Abtastrate %2, %3 Kanäle)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1: keine Datei</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: die Datei ist leer</translation>
    </message>
    <message>
        <source>%1: cannot decode the audio: %2</source>
        <translation>%1: Das Audio kann nicht dekodiert werden: %2</translation>
    </message>
    <message>
        <source>%1: the audio is empty</source>
        <translation>%1: Das Audio ist leer</translation>
    </message>
    <message>
        <source>%1: decoding failed at frame %2: %3</source>
        <translation>%1: Dekodieren bei Frame %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1: the audio ends at frame %2 of the %3 its header declares (truncated or corrupt)</source>
        <translation>%1: Das Audio endet bei Frame %2 der %3, die sein Header angibt (abgeschnitten oder beschädigt)</translation>
    </message>
    <message>
        <source>%1: cannot seek to frame %2: %3</source>
        <translation>%1: Sprung zu Frame %2 nicht möglich: %3</translation>
    </message>
</context>
<context>
    <name>kx::AudioIssueTags</name>
    <message>
        <source>Clipping</source>
        <translation>Übersteuerung</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation>Abgeschnitten</translation>
    </message>
    <message>
        <source>Long silence</source>
        <translation>Lange Stille</translation>
    </message>
    <message>
        <source>Transcript mismatch</source>
        <translation>Transkript falsch</translation>
    </message>
    <message>
        <source>Wrong speaker or accent</source>
        <translation>Sprecher/Akzent falsch</translation>
    </message>
</context>
<context>
    <name>kx::AudioPlayer</name>
    <message>
        <source>%1: cannot play: no audio output device is available</source>
        <translation>%1: Wiedergabe nicht möglich: Es ist kein Audioausgabegerät verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%1: the audio output “%2” cannot play %n channel(s) at %3 Hz</source>
        <translation>
            <numerusform>%1: Die Audioausgabe „%2“ kann %n Kanal mit %3 Hz nicht wiedergeben</numerusform>
            <numerusform>%1: Die Audioausgabe „%2“ kann %n Kanäle mit %3 Hz nicht wiedergeben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the audio output “%2” stopped with an error</source>
        <translation>%1: Die Audioausgabe „%2“ wurde mit einem Fehler beendet</translation>
    </message>
    <message>
        <source>%1: cannot open the audio output “%2”</source>
        <translation>%1: Die Audioausgabe „%2“ kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>kx::AudioPreviewWidget</name>
    <message>
        <source>mono</source>
        <translation>Mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>Stereo</translation>
    </message>
    <message numerus="yes">
        <source>%n channels</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>Audio preview</source>
        <translation>Audiovorschau</translation>
    </message>
    <message>
        <source>Waveform computation progress</source>
        <translation>Fortschritt der Wellenformberechnung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Playback: %1</source>
        <translation>Wiedergabe: %1</translation>
    </message>
    <message>
        <source>Computing the waveform of %1…</source>
        <translation>Berechne die Wellenform von %1…</translation>
    </message>
    <message>
        <source>No audio</source>
        <translation>Kein Audio</translation>
    </message>
    <message>
        <source>Computing the waveform of %1 was cancelled.</source>
        <translation>Die Berechnung der Wellenform von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
</context>
<context>
    <name>kx::AudioQueueModel</name>
    <message>
        <source>%1
%2
Status: %3
Suspicion: %4</source>
        <translation>%1
%2
Status: %3
Auffälligkeit: %4</translation>
    </message>
</context>
<context>
    <name>kx::AudioReviewPanel</name>
    <message>
        <source>Most suspicious first</source>
        <translation>Auffälligste zuerst</translation>
    </message>
    <message>
        <source>Workspace order</source>
        <translation>Reihenfolge im Arbeitsbereich</translation>
    </message>
    <message>
        <source>Queue order</source>
        <translation>Reihenfolge der Warteschlange</translation>
    </message>
    <message>
        <source>Run Checks</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <source>Measure every clip of the queue: duration, peak, clipping, silence, loudness and speaking rate</source>
        <translation>Jeden Clip der Warteschlange vermessen: Dauer, Spitzenpegel, Übersteuerung, Stille, Lautheit und Sprechtempo</translation>
    </message>
    <message>
        <source>Checking clips… %p %</source>
        <translation>Analysiere Clips… %p %</translation>
    </message>
    <message>
        <source>Audio review queue</source>
        <translation>Warteschlange der Audioprüfung</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Issues:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>Toggle “%1” (%2)</source>
        <translation>„%1“ ein-/ausschalten (%2)</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>Annehmen (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Ablehnen (R)</translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation>Überspringen (S)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>Rückgängig: %1 (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation>Wiederholen: %1 (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>No clips to review: the current filter selects no scenario with audio.</source>
        <translation>Keine Clips zu prüfen: Der aktuelle Filter wählt kein Szenario mit Audio aus.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>E to edit</source>
        <translation>E zum Bearbeiten</translation>
    </message>
    <message>
        <source>Ctrl+Return to save, Escape to cancel</source>
        <translation>Strg+Eingabe speichert, Esc bricht ab</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Entscheidung: %1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zählt…</translation>
    </message>
    <message>
        <source>Clip %1 of %2 · %3 reviewed in the loaded part</source>
        <translation>Clip %1 von %2 · %3 im geladenen Teil geprüft</translation>
    </message>
    <message>
        <source>Cancel Checks</source>
        <translation>Analyse abbrechen</translation>
    </message>
    <message>
        <source>Checked %1 clips: %2 flagged, %3 could not be decoded (%4 s).</source>
        <translation>%1 Clips analysiert: %2 markiert, %3 nicht dekodierbar (%4 s).</translation>
    </message>
    <message>
        <source>No transcript: press E to write one</source>
        <translation>Kein Transkript: E drücken, um eines zu schreiben</translation>
    </message>
</context>
<context>
    <name>kx::AudioReviewSession</name>
    <message>
        <source>Accept “%1”</source>
        <translation>„%1“ annehmen</translation>
    </message>
    <message>
        <source>Reject “%1”</source>
        <translation>„%1“ ablehnen</translation>
    </message>
    <message>
        <source>Skip “%1”</source>
        <translation>„%1“ überspringen</translation>
    </message>
    <message>
        <source>Flag “%1”</source>
        <translation>„%1“ markieren</translation>
    </message>
    <message>
        <source>Unflag “%1”</source>
        <translation>Markierung „%1“ entfernen</translation>
    </message>
    <message>
        <source>Edit transcript</source>
        <translation>Transkript bearbeiten</translation>
    </message>
</context>
<context>
    <name>kx::AudioTimelineView</name>
    <message>
        <source>No audio</source>
        <translation>Kein Audio</translation>
    </message>
    <message>
        <source>Loop Selection</source>
        <translation>Auswahl in Schleife abspielen</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Show Whole Clip</source>
        <translation>Ganzen Clip zeigen</translation>
    </message>
</context>
<context>
    <name>kx::AudioTransportBar</name>
    <message>
        <source>Audio transport</source>
        <translation>Wiedergabesteuerung</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Position and duration</source>
        <translation>Position und Dauer</translation>
    </message>
    <message>
        <source>Loop the selection (or the whole clip)</source>
        <translation>Auswahl (oder ganzen Clip) in Schleife abspielen</translation>
    </message>
    <message>
        <source>Playback speed, pitch kept</source>
        <translation>Wiedergabegeschwindigkeit, Tonhöhe bleibt erhalten</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Output device</source>
        <translation>Ausgabegerät</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>Wellenform</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>kx::BbhImporter</name>
    <message>
        <source>%1: a BBH task file must be an object with an &quot;examples&quot; array</source>
        <translation>%1: Eine BBH-Aufgabendatei muss ein Objekt mit einem Array „examples“ sein</translation>
    </message>
    <message>
        <source>%1: &quot;examples&quot; is empty</source>
        <translation>%1: „examples“ ist leer</translation>
    </message>
    <message>
        <source>%1: examples[%2]: &quot;input&quot; is missing or not a string</source>
        <translation>%1: examples[%2]: „input“ fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>%1: examples[%2]: &quot;target&quot; is missing or not a string</source>
        <translation>%1: examples[%2]: „target“ fehlt oder ist keine Zeichenkette</translation>
    </message>
</context>
<context>
    <name>kx::Category</name>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetisch</translation>
    </message>
    <message>
        <source>Tool usage</source>
        <translation>Werkzeugnutzung</translation>
    </message>
    <message>
        <source>Adversarial</source>
        <translation>Adversarial</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>kx::ColumnMappingImporter</name>
    <message>
        <source>--map: &quot;%1&quot; is not TARGET=COLUMN</source>
        <translation>--map: „%1“ hat nicht die Form ZIEL=SPALTE</translation>
    </message>
    <message>
        <source>--map: unknown target &quot;%1&quot; (expected %2)</source>
        <translation>--map: unbekanntes Ziel „%1“ (erwartet: %2)</translation>
    </message>
    <message>
        <source>--map: the user column is required (e.g. --map user=question)</source>
        <translation>--map: Die Spalte für user ist erforderlich (z. B. --map user=question)</translation>
    </message>
    <message>
        <source>%1: the generic import needs a column mapping with user=COLUMN</source>
        <translation>%1: Der generische Import braucht eine Spaltenzuordnung mit user=SPALTE</translation>
    </message>
    <message>
        <source>%1: row %2: unknown category &quot;%3&quot;</source>
        <translation>%1: Zeile %2: unbekannte Kategorie „%3“</translation>
    </message>
    <message>
        <source>a record must be a JSON object</source>
        <translation>ein Datensatz muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>no column &quot;%1&quot; (mapped to %2)</source>
        <translation>keine Spalte „%1“ (zugeordnet zu %2)</translation>
    </message>
    <message>
        <source>%1:1: no column &quot;%2&quot; (mapped to %3); the header has: %4</source>
        <translation>%1:1: keine Spalte „%2“ (zugeordnet zu %3); die Kopfzeile enthält: %4</translation>
    </message>
    <message>
        <source>%1: no column &quot;%2&quot; (mapped to %3); the file has: %4</source>
        <translation>%1: keine Spalte „%2“ (zugeordnet zu %3); die Datei enthält: %4</translation>
    </message>
    <message>
        <source>%1: the file holds no rows</source>
        <translation>%1: Die Datei enthält keine Zeilen</translation>
    </message>
</context>
<context>
    <name>kx::CsvReader</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: die Datei ist leer</translation>
    </message>
    <message>
        <source>%1: the file has no header</source>
        <translation>%1: Die Datei hat keine Kopfzeile</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>%1 Felder erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>%1:%2: invalid UTF-8 at byte offset %3</source>
        <translation>%1:%2: ungültiges UTF-8 bei Byte-Offset %3</translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes (unterminated quoted field starting on line %2?)</source>
        <translation>der Datensatz ist länger als %1 Bytes (nicht geschlossenes Anführungszeichen ab Zeile %2?)</translation>
    </message>
    <message>
        <source>unterminated quoted field starting on line %1</source>
        <translation>nicht geschlossenes Feld in Anführungszeichen ab Zeile %1</translation>
    </message>
</context>
<context>
    <name>kx::DatasetListModel</name>
    <message>
        <source>All datasets</source>
        <translation>Alle Datensätze</translation>
    </message>
    <message>
        <source>%1 datasets, %2 scenarios</source>
        <translation>%1 Datensätze, %2 Szenarien</translation>
    </message>
    <message>
        <source>%1
Kind: %2 · Category: %3 · Version: %4
%5 scenarios
Source: %6</source>
        <translation>%1
Art: %2 · Kategorie: %3 · Version: %4
%5 Szenarien
Quelle: %6</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>kx::DemoAudio</name>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: Der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Demo · Voice clips</source>
        <translation>Demo · Sprachclips</translation>
    </message>
    <message>
        <source>Synthetic speech-like voice clips for the audio review queue, four of them with planted problems</source>
        <translation>Synthetische, sprachähnliche Clips für die Audioprüfung, vier davon mit absichtlich eingebauten Fehlern</translation>
    </message>
    <message>
        <source>Voice clip %1 (%2)</source>
        <translation>Sprachclip %1 (%2)</translation>
    </message>
</context>
<context>
    <name>kx::DemoData</name>
    <message>
        <source>Demo · Benchmark questions</source>
        <translation>Demo · Benchmark-Fragen</translation>
    </message>
    <message>
        <source>Arithmetic word problems and multiple-choice knowledge questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word problem %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo · Memory &amp; conversation</source>
        <translation>Demo · Gedächtnis &amp; Gespräch</translation>
    </message>
    <message>
        <source>Memory-recall questions and synthetic multi-turn conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 works as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lives in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spends weekends %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s favourite dish is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory Recall Test %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m planning a free weekend — given what you know about my job, my city and what I like, what would you suggest?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation about %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1: keep in mind that %2. What should I do next?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noted — %1. For %2, a good next step is to make a short plan and check it against what you told me earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo · Tool usage</source>
        <translation>Demo · Werkzeugnutzung</translation>
    </message>
    <message>
        <source>Tool selection and parameter tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool use: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo · Adversarial</source>
        <translation>Demo · Adversarial</translation>
    </message>
    <message>
        <source>Memory contradictions, context overflow, temporal and multi-agent cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory Contradiction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context Overflow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log line %1: routine status update, nothing to report. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember this: my locker code is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now, what&apos;s my locker code? Also, I&apos;m in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user&apos;s locker code given at the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporal Consistency %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (March): the user moved to a new flat in Porto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (June): the user moved again, to Braga.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do I live now, and where did I live in April?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to Porto in March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to Braga in June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-agent Confusion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent A helps Maya with travel; Agent B helps Daniel with finances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is Daniel. What did I tell you about my trip to Lisbon?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maya, not Daniel, planned the Lisbon trip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kx::DemoWorkspace</name>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: Der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot move the new workspace into place</source>
        <translation>%1: Der neue Arbeitsbereich kann nicht an seinen Platz verschoben werden</translation>
    </message>
</context>
<context>
    <name>kx::EmpatheticImporter</name>
    <message>
        <source>%1:1: the header has no &quot;%2&quot; column (found: %3)</source>
        <translation>%1:1: Die Kopfzeile hat keine Spalte „%2“ (gefunden: %3)</translation>
    </message>
    <message>
        <source>the conv_id is empty</source>
        <translation>die conv_id ist leer</translation>
    </message>
    <message>
        <source>the rows of conversation &quot;%1&quot; are not consecutive</source>
        <translation>die Zeilen des Gesprächs „%1“ folgen nicht aufeinander</translation>
    </message>
</context>
<context>
    <name>kx::FacetModel</name>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>%1: %2 scenarios</source>
        <translation>%1: %2 Szenarien</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Audio checks</source>
        <translation>Audioanalyse</translation>
    </message>
</context>
<context>
    <name>kx::Gsm8kImporter</name>
    <message>
        <source>a GSM8K record must be a JSON object</source>
        <translation>ein GSM8K-Datensatz muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;question&quot; is missing or not a string</source>
        <translation>„question“ fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;answer&quot; is missing or not a string</source>
        <translation>„answer“ fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;answer&quot; has no final &quot;####&quot; line</source>
        <translation>„answer“ hat keine abschließende „####“-Zeile</translation>
    </message>
</context>
<context>
    <name>kx::HubFrontMatter</name>
    <message>
        <source>%1:%2: unexpected indentation in the front matter</source>
        <translation>%1:%2: unerwartete Einrückung im Front Matter</translation>
    </message>
    <message>
        <source>%1:%2: expected &quot;key: value&quot; in the front matter</source>
        <translation>%1:%2: „key: value“ im Front Matter erwartet</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: &quot;configs&quot; in the front matter is not a list</source>
        <translation>%1:%2: „configs“ im Front Matter ist keine Liste</translation>
    </message>
    <message>
        <source>%1: a &quot;configs&quot; entry of the front matter has no config_name</source>
        <translation>%1: Ein „configs“-Eintrag im Front Matter hat keinen config_name</translation>
    </message>
    <message>
        <source>%1: data_files of config &quot;%2&quot; needs &quot;split&quot; and &quot;path&quot;</source>
        <translation>%1: data_files der Konfiguration „%2“ braucht „split“ und „path“</translation>
    </message>
</context>
<context>
    <name>kx::HubLayout</name>
    <message>
        <source>%1: shards of &quot;%2&quot; disagree on their count (%3 and %4)</source>
        <translation>%1: Die Shards von „%2“ geben unterschiedliche Anzahlen an (%3 und %4)</translation>
    </message>
    <message>
        <source>%1: shard %2 of %3 is missing: %4</source>
        <translation>%1: Shard %2 von %3 fehlt: %4</translation>
    </message>
    <message>
        <source>%1: no such file or directory</source>
        <translation>%1: Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>%1: not a parquet file</source>
        <translation>%1: keine Parquet-Datei</translation>
    </message>
    <message>
        <source>%1: the Hub cache folder holds no snapshot</source>
        <translation>%1: Der Hub-Cache-Ordner enthält keinen Snapshot</translation>
    </message>
    <message>
        <source>%1: the folder holds no parquet file</source>
        <translation>%1: Der Ordner enthält keine Parquet-Datei</translation>
    </message>
    <message>
        <source>%1: the shard is a broken link</source>
        <translation>%1: Der Shard ist ein defekter Link</translation>
    </message>
</context>
<context>
    <name>kx::ImportDialog</name>
    <message>
        <source>Import Datasets</source>
        <translation>Datensätze importieren</translation>
    </message>
    <message>
        <source>Files and folders to import</source>
        <translation>Zu importierende Dateien und Ordner</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>GSM8K</source>
        <translation>GSM8K</translation>
    </message>
    <message>
        <source>MMLU</source>
        <translation>MMLU</translation>
    </message>
    <message>
        <source>BIG-Bench Hard</source>
        <translation>BIG-Bench Hard</translation>
    </message>
    <message>
        <source>PersonaChat</source>
        <translation>PersonaChat</translation>
    </message>
    <message>
        <source>Wizard of Wikipedia</source>
        <translation>Wizard of Wikipedia</translation>
    </message>
    <message>
        <source>EmpatheticDialogues</source>
        <translation>EmpatheticDialogues</translation>
    </message>
    <message>
        <source>ToolBench</source>
        <translation>ToolBench</translation>
    </message>
    <message>
        <source>WebShop</source>
        <translation>WebShop</translation>
    </message>
    <message>
        <source>LibriSpeech</source>
        <translation>LibriSpeech</translation>
    </message>
    <message>
        <source>VCTK</source>
        <translation>VCTK</translation>
    </message>
    <message>
        <source>Kairix scenarios (JSONL)</source>
        <translation>Kairix-Szenarien (JSONL)</translation>
    </message>
    <message>
        <source>Optional — derived from the files when empty</source>
        <translation>Optional – wird sonst aus den Dateien abgeleitet</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation>Datensatz&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Choose dataset files or folders as downloaded from the Hugging Face Hub or upstream. Each file or folder becomes one dataset; the whole import is one transaction.</source>
        <translation>Wählen Sie Datensatzdateien oder -ordner, wie sie vom Hugging Face Hub oder aus der Originalquelle geladen wurden. Jede Datei und jeder Ordner wird ein Datensatz; der gesamte Import ist eine Transaktion.</translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Dataset files (*.jsonl *.json *.csv *.parquet *.tsv);;All files (*)</source>
        <translation>Datensatzdateien (*.jsonl *.json *.csv *.parquet *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <source>Import cancelled. The workspace was not changed.</source>
        <translation>Import abgebrochen. Der Arbeitsbereich wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Import failed. The workspace was not changed.</source>
        <translation>Import fehlgeschlagen. Der Arbeitsbereich wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>The import failed and nothing was changed.</source>
        <translation>Der Import ist fehlgeschlagen; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Imported %1 scenarios (%2) in %3 s.</source>
        <translation>%1 Szenarien (%2) in %3 s importiert.</translation>
    </message>
    <message>
        <source>Generic (map columns)</source>
        <translation>Generisch (Spalten zuordnen)</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <source>&amp;User message (required):</source>
        <translation>&amp;Benutzernachricht (erforderlich):</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>S&amp;ystem-Prompt:</translation>
    </message>
    <message>
        <source>&amp;Expected answer:</source>
        <translation>&amp;Erwartete Antwort:</translation>
    </message>
    <message>
        <source>I&amp;D:</source>
        <translation>I&amp;D:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ka&amp;tegorie:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>— choose a column —</source>
        <translation>— Spalte wählen —</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>kx::ImportPreviewWidget</name>
    <message>
        <source>%1: the folder holds no JSONL, JSON, CSV or parquet file</source>
        <translation>%1: Der Ordner enthält keine JSONL-, JSON-, CSV- oder Parquet-Datei</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Spalten der Datei</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Erste Zeilen der Datei</translation>
    </message>
    <message>
        <source>Select a file to preview its format, kind and first rows.</source>
        <translation>Wählen Sie eine Datei, um Format, Art und erste Zeilen zu sehen.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Cannot preview this file:
%1</source>
        <translation>Keine Vorschau für diese Datei möglich:
%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>kx::ImportService</name>
    <message>
        <source>nothing to import: no path given</source>
        <translation>nichts zu importieren: kein Pfad angegeben</translation>
    </message>
    <message>
        <source>%1: no converter for kind &quot;%2&quot;</source>
        <translation>%1: kein Konverter für die Art „%2“</translation>
    </message>
    <message>
        <source>%1: the import was cancelled</source>
        <translation>%1: der Import wurde abgebrochen</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>der Import wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1: kind &quot;%2&quot; has no parquet reader (parquet kinds: %3)</source>
        <translation>%1: Für die Art „%2“ gibt es keinen Parquet-Leser (Parquet-Arten: %3)</translation>
    </message>
    <message>
        <source>%1: the shard holds %2 rows but the shards before it %3</source>
        <translation>%1: Der Shard enthält %2-Zeilen, die Shards davor aber %3</translation>
    </message>
</context>
<context>
    <name>kx::ImportSession</name>
    <message>
        <source>%1: the import is already finished</source>
        <translation>%1: Der Import ist bereits abgeschlossen</translation>
    </message>
    <message>
        <source>%1: cannot register dataset &quot;%2&quot;: %3</source>
        <translation>%1: Datensatz „%2“ kann nicht registriert werden: %3</translation>
    </message>
    <message>
        <source>%1: scenario &quot;%2&quot; arrived before any dataset was begun</source>
        <translation>%1: Szenario „%2“ kam an, bevor ein Datensatz begonnen wurde</translation>
    </message>
    <message>
        <source>%1: scenario id &quot;%2&quot; appears twice in dataset &quot;%3&quot;</source>
        <translation>%1: Die Szenario-ID „%2“ kommt im Datensatz „%3“ zweimal vor</translation>
    </message>
    <message>
        <source>%1: cannot add scenario &quot;%2&quot;: %3</source>
        <translation>%1: Szenario „%2“ kann nicht hinzugefügt werden: %3</translation>
    </message>
</context>
<context>
    <name>kx::Inspector</name>
    <message>
        <source>%1: is a folder; inspect one of its files</source>
        <translation>%1: ist ein Ordner; untersuchen Sie eine seiner Dateien</translation>
    </message>
</context>
<context>
    <name>kx::JsonDocumentReader</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: the file is %2 bytes, more than the %3 a JSON document may have</source>
        <translation>%1: Die Datei hat %2 Bytes, mehr als die %3, die ein JSON-Dokument haben darf</translation>
    </message>
    <message>
        <source>%1: read error: %2</source>
        <translation>%1: Lesefehler: %2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: die Datei ist leer</translation>
    </message>
    <message>
        <source>%1:%2:%3: invalid UTF-8 at byte offset %4</source>
        <translation>%1:%2:%3: ungültiges UTF-8 bei Byte-Offset %4</translation>
    </message>
    <message>
        <source>%1:%2:%3: invalid JSON: %4</source>
        <translation>%1:%2:%3: ungültiges JSON: %4</translation>
    </message>
    <message>
        <source>%1: invalid JSON: %2</source>
        <translation>%1: ungültiges JSON: %2</translation>
    </message>
</context>
<context>
    <name>kx::JsonlReader</name>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: die Datei ist leer</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>invalid UTF-8 at byte offset %1</source>
        <translation>ungültiges UTF-8 bei Byte-Offset %1</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
</context>
<context>
    <name>kx::KindDetector</name>
    <message>
        <source>%1: no such file or directory</source>
        <translation>%1: Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: die Datei ist leer</translation>
    </message>
    <message>
        <source>%1: unknown format (not JSONL, JSON or CSV of a known kind)</source>
        <translation>%1: unbekanntes Format (kein JSONL, JSON oder CSV einer bekannten Art)</translation>
    </message>
    <message>
        <source>%1: the file holds only blank lines</source>
        <translation>%1: Die Datei enthält nur Leerzeilen</translation>
    </message>
    <message>
        <source>%1:1: invalid JSON: the first record does not start with &apos;{&apos; or &apos;[&apos;</source>
        <translation>%1:1: ungültiges JSON: Der erste Datensatz beginnt nicht mit „{“ oder „[“</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot; (expected auto, %2)</source>
        <translation>unbekannte Art „%1“ (erwartet: auto, %2)</translation>
    </message>
    <message>
        <source>%1: the folder holds no .%2 files for kind &quot;%3&quot;</source>
        <translation>%1: Der Ordner enthält keine .%2-Dateien für die Art „%3“</translation>
    </message>
    <message>
        <source>%1: the folder holds no file of a known kind</source>
        <translation>%1: Der Ordner enthält keine Datei einer bekannten Art</translation>
    </message>
    <message>
        <source>%1: the folder mixes kinds (%2); choose one with --kind</source>
        <translation>%1: Der Ordner mischt Arten (%2); wählen Sie eine mit --kind</translation>
    </message>
</context>
<context>
    <name>kx::LibriSpeechImporter</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>invalid UTF-8 at byte offset %1</source>
        <translation>ungültiges UTF-8 bei Byte-Offset %1</translation>
    </message>
    <message>
        <source>utterance &quot;%1&quot; has no transcript</source>
        <translation>die Äußerung „%1“ hat kein Transkript</translation>
    </message>
    <message>
        <source>utterance id &quot;%1&quot; does not belong to chapter file %2</source>
        <translation>die Äußerungs-ID „%1“ gehört nicht zur Kapiteldatei %2</translation>
    </message>
    <message>
        <source>the audio file %1 does not exist</source>
        <translation>die Audiodatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1: the file holds no transcript lines</source>
        <translation>%1: Die Datei enthält keine Transkriptzeilen</translation>
    </message>
    <message>
        <source>%1: %2 has no transcript line in %3</source>
        <translation>%1: %2 hat keine Transkriptzeile in %3</translation>
    </message>
</context>
<context>
    <name>kx::LineReader</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: the line is longer than %3 bytes</source>
        <translation>%1:%2: Die Zeile ist länger als %3 Bytes</translation>
    </message>
    <message>
        <source>%1: read error at byte offset %2: %3</source>
        <translation>%1: Lesefehler bei Byte-Offset %2: %3</translation>
    </message>
</context>
<context>
    <name>kx::MainWindow</name>
    <message>
        <source>Kairix Workbench</source>
        <translation>Kairix Workbench</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>Create an empty workspace file</source>
        <translation>Eine leere Arbeitsbereichsdatei anlegen</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an existing workspace file</source>
        <translation>Eine vorhandene Arbeitsbereichsdatei öffnen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import dataset files into the workspace</source>
        <translation>Datensatzdateien in den Arbeitsbereich importieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Focus &amp;Datasets</source>
        <translation>&amp;Datensätze fokussieren</translation>
    </message>
    <message>
        <source>Focus Scenario &amp;Table</source>
        <translation>Szenario&amp;tabelle fokussieren</translation>
    </message>
    <message>
        <source>Focus &amp;Conversation</source>
        <translation>&amp;Gespräch fokussieren</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>&amp;Nächster Bereich</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Kairix Workbench</source>
        <translation>&amp;Über Kairix Workbench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Search scenarios (Ctrl+F)</source>
        <translation>Szenarien durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>%1 — Kairix Workbench</source>
        <translation>%1 – Kairix Workbench</translation>
    </message>
    <message>
        <source>Could not open the workspace %1:
%2</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <source>1 dataset</source>
        <translation>1 Datensatz</translation>
    </message>
    <message>
        <source>%1 datasets</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message>
        <source>1 scenario</source>
        <translation>1 Szenario</translation>
    </message>
    <message>
        <source>%1 scenarios</source>
        <translation>%1 Szenarien</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 shown</source>
        <translation>%1 · %2 · %3 angezeigt</translation>
    </message>
    <message>
        <source>This workspace is empty.
Import datasets with File › Import… (Ctrl+I).</source>
        <translation>Dieser Arbeitsbereich ist leer.
Importieren Sie Datensätze mit Datei › Importieren… (Strg+I).</translation>
    </message>
    <message>
        <source>No scenarios match the search and filters.
Clear Filters (Ctrl+Shift+R) shows them all again.</source>
        <translation>Keine Szenarien passen zu Suche und Filtern.
Filter zurücksetzen (Strg+Umschalt+R) zeigt wieder alle.</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Kairix workspaces (*.kairix);;All files (*)</source>
        <translation>Kairix-Arbeitsbereiche (*.kairix);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 already exists. Use File › Open Workspace to open it.</source>
        <translation>%1 existiert bereits. Öffnen Sie ihn mit Datei › Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Imported %1 scenarios.</source>
        <translation>%1 Szenarien importiert.</translation>
    </message>
    <message>
        <source>About Kairix Workbench</source>
        <translation>Über Kairix Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kairix Workbench %1&lt;/h3&gt;&lt;p&gt;Curate, review and balance the test datasets of the Kairix Engine: import benchmarks, browse and search scenarios, and read them as conversations.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kairix Workbench %1&lt;/h3&gt;&lt;p&gt;Testdatensätze der Kairix Engine kuratieren, prüfen und ausbalancieren: Benchmarks importieren, Szenarien durchsuchen und als Gespräche lesen.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Audio Review</source>
        <translation>&amp;Audioprüfung</translation>
    </message>
    <message>
        <source>The audio checks failed:
%1</source>
        <translation>Die Audioanalyse ist fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <source>Audio Review</source>
        <translation>Audioprüfung</translation>
    </message>
</context>
<context>
    <name>kx::MmluImporter</name>
    <message>
        <source>the answer must be A, B, C or D, found &quot;%1&quot;</source>
        <translation>die Antwort muss A, B, C oder D sein, gefunden: „%1“</translation>
    </message>
</context>
<context>
    <name>kx::ParquetAgentMapper</name>
    <message>
        <source>%1: row %2: %3</source>
        <translation>%1: Zeile %2: %3</translation>
    </message>
    <message>
        <source>the row is not a record</source>
        <translation>die Zeile ist kein Datensatz</translation>
    </message>
    <message>
        <source>&quot;dialog&quot; is missing, empty or not a list</source>
        <translation>„dialog“ fehlt, ist leer oder keine Liste</translation>
    </message>
    <message>
        <source>turn %1 of &quot;dialog&quot; has no &quot;text&quot; string</source>
        <translation>Nachricht %1 von „dialog“ hat keine Zeichenkette „text“</translation>
    </message>
    <message>
        <source>&quot;text&quot; is missing or not a string</source>
        <translation>„text“ fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;conversations&quot; is not a list</source>
        <translation>„conversations“ ist keine Liste</translation>
    </message>
    <message>
        <source>a &quot;relevant APIs&quot; entry must be [tool, api]</source>
        <translation>ein Eintrag in „relevant APIs“ muss [tool, api] sein</translation>
    </message>
    <message>
        <source>the query is missing or empty</source>
        <translation>die Anfrage fehlt oder ist leer</translation>
    </message>
    <message>
        <source>&quot;instruction&quot; is missing, empty or not a string</source>
        <translation>„instruction“ fehlt, ist leer oder keine Zeichenkette</translation>
    </message>
</context>
<context>
    <name>kx::ParquetAudioSource</name>
    <message>
        <source>the audio reference is not an object</source>
        <translation>der Audioverweis ist kein Objekt</translation>
    </message>
    <message>
        <source>the audio reference has neither &quot;parquet&quot; nor &quot;path&quot;</source>
        <translation>der Audioverweis hat weder „parquet“ noch „path“</translation>
    </message>
    <message>
        <source>%1: cannot read the audio: %2</source>
        <translation>%1: Das Audio kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: the audio reference needs integer &quot;row_group&quot; and &quot;row&quot; and a &quot;column&quot;</source>
        <translation>%1: Der Audioverweis braucht ganzzahlige Werte „row_group“ und „row“ sowie eine „column“</translation>
    </message>
    <message>
        <source>%1: row group %2, row %3: no such row</source>
        <translation>%1: Zeilengruppe %2, Zeile %3: Zeile nicht vorhanden</translation>
    </message>
</context>
<context>
    <name>kx::ParquetFile</name>
    <message>
        <source>cannot open parquet file %1: %2</source>
        <translation>Parquet-Datei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: not a parquet file (%2 bytes, too small)</source>
        <translation>%1: keine Parquet-Datei (%2 Bytes, zu klein)</translation>
    </message>
    <message>
        <source>%1: cannot read the parquet footer: %2</source>
        <translation>%1: Der Parquet-Footer kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>unsupported: encryption (%1 has an encrypted footer)</source>
        <translation>nicht unterstützt: Verschlüsselung (%1 hat einen verschlüsselten Footer)</translation>
    </message>
    <message>
        <source>%1: not a parquet file (no PAR1 magic at byte offset 0)</source>
        <translation>%1: keine Parquet-Datei (keine PAR1-Kennung bei Byte-Offset 0)</translation>
    </message>
    <message>
        <source>%1: no PAR1 magic at byte offset %2 (truncated file?)</source>
        <translation>%1: keine PAR1-Kennung bei Byte-Offset %2 (Datei abgeschnitten?)</translation>
    </message>
    <message>
        <source>%1: footer length %2 at byte offset %3 exceeds the file size %4</source>
        <translation>%1: Footer-Länge %2 bei Byte-Offset %3 übersteigt die Dateigröße %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>unsupported: encryption (%1 has encrypted columns)</source>
        <translation>nicht unterstützt: Verschlüsselung (%1 hat verschlüsselte Spalten)</translation>
    </message>
    <message>
        <source>%1: footer claims %2 rows</source>
        <translation>%1: Der Footer gibt %2 Zeilen an</translation>
    </message>
    <message>
        <source>%1: row group %2 claims %3 rows</source>
        <translation>%1: Zeilengruppe %2 gibt %3 Zeilen an</translation>
    </message>
    <message>
        <source>%1: row group %2 has %3 column chunks, the schema %4 columns</source>
        <translation>%1: Zeilengruppe %2 hat %3 Spalten-Chunks, das Schema %4 Spalten</translation>
    </message>
    <message>
        <source>%1: row group %2 column %3 has no metadata</source>
        <translation>%1: Zeilengruppe %2, Spalte %3 hat keine Metadaten</translation>
    </message>
    <message>
        <source>%1: row group %2 column &quot;%3&quot; has physical type %4, the schema says %5</source>
        <translation>%1: Zeilengruppe %2, Spalte „%3“ hat den physischen Typ %4, laut Schema %5</translation>
    </message>
    <message>
        <source>%1: the &quot;huggingface&quot; metadata is not valid JSON</source>
        <translation>%1: Die „huggingface“-Metadaten sind kein gültiges JSON</translation>
    </message>
    <message>
        <source>%1 has no &quot;huggingface&quot; metadata</source>
        <translation>%1 hat keine „huggingface“-Metadaten</translation>
    </message>
    <message>
        <source>unsupported: column chunks in external files (%1, column &quot;%2&quot;)</source>
        <translation>nicht unterstützt: Spalten-Chunks in externen Dateien (%1, Spalte „%2“)</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; of row group %3 spans bytes %4..%5, outside the file (%6 bytes)</source>
        <translation>%1: Spalte „%2“ der Zeilengruppe %3 belegt die Bytes %4..%5, außerhalb der Datei (%6 Bytes)</translation>
    </message>
    <message>
        <source>%1: cannot read column &quot;%2&quot; at byte offset %3: %4</source>
        <translation>%1: Spalte „%2“ bei Byte-Offset %3 kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <source>%1: row group %2: %3</source>
        <translation>%1: Zeilengruppe %2: %3</translation>
    </message>
    <message>
        <source>%1: no row group %2 (the file has %3)</source>
        <translation>%1: keine Zeilengruppe %2 (die Datei hat %3)</translation>
    </message>
    <message>
        <source>%1: no column &quot;%2&quot;</source>
        <translation>%1: keine Spalte „%2“</translation>
    </message>
    <message>
        <source>%1: row group %2 claims %3 rows but column &quot;%4&quot; holds %5 values</source>
        <translation>%1: Zeilengruppe %2 gibt %3 Zeilen an, Spalte „%4“ enthält aber %5 Werte</translation>
    </message>
    <message>
        <source>%1: no row group %2</source>
        <translation>%1: keine Zeilengruppe %2</translation>
    </message>
    <message>
        <source>%1: no leaf column &quot;%2&quot;</source>
        <translation>%1: keine Blattspalte „%2“</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; does not hold bytes</source>
        <translation>%1: Spalte „%2“ enthält keine Bytes</translation>
    </message>
    <message>
        <source>unsupported: reading a cell of column &quot;%1&quot;, which lies inside a list</source>
        <translation>nicht unterstützt: Lesen einer Zelle der Spalte „%1“, die in einer Liste liegt</translation>
    </message>
    <message>
        <source>%1: row group %2 has no row %3</source>
        <translation>%1: Zeilengruppe %2 hat keine Zeile %3</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; holds only %3 values</source>
        <translation>%1: Spalte „%2“ enthält nur %3 Werte</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; is null in row %3</source>
        <translation>%1: Spalte „%2“ ist in Zeile %3 null</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; has fewer values than levels</source>
        <translation>%1: Spalte „%2“ hat weniger Werte als Levels</translation>
    </message>
</context>
<context>
    <name>kx::ParquetImporter</name>
    <message>
        <source>%1: the file holds no rows</source>
        <translation>%1: Die Datei enthält keine Zeilen</translation>
    </message>
</context>
<context>
    <name>kx::ParquetKindDetector</name>
    <message>
        <source>%1: the parquet columns (%2) match no known kind (gsm8k: question, answer; mmlu: question, subject, choices, answer; bbh: input, target; personachat: personality, candidates, history; empathetic: conv_id, utterance_idx, context, prompt, utterance; wow: dialog with chosen_topic or persona, or persona, text; toolbench: query, api_list, or id, conversations; webshop: instruction, asin; librispeech / vctk / audio: an Audio column)</source>
        <translation>%1: Die Parquet-Spalten (%2) passen zu keiner bekannten Art (gsm8k: question, answer; mmlu: question, subject, choices, answer; bbh: input, target; personachat: personality, candidates, history; empathetic: conv_id, utterance_idx, context, prompt, utterance; wow: dialog mit chosen_topic oder persona, oder persona, text; toolbench: query, api_list, oder id, conversations; webshop: instruction, asin; librispeech / vctk / audio: eine Audio-Spalte)</translation>
    </message>
</context>
<context>
    <name>kx::ParquetRowMapper</name>
    <message>
        <source>%1: row %2: %3</source>
        <translation>%1: Zeile %2: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not a string</source>
        <translation>„%1“ fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>(audio %1)</source>
        <translation>(Audio %1)</translation>
    </message>
    <message>
        <source>&quot;personality&quot; is missing or not a list of strings</source>
        <translation>„personality“ fehlt oder ist keine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>&quot;history&quot; is missing or not a list of strings</source>
        <translation>„history“ fehlt oder ist keine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>&quot;candidates&quot; is missing, empty or not a list of strings</source>
        <translation>„candidates“ fehlt, ist leer oder keine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>the row is not a record</source>
        <translation>die Zeile ist kein Datensatz</translation>
    </message>
    <message>
        <source>&quot;answer&quot; has no final &quot;####&quot; line</source>
        <translation>„answer“ hat keine abschließende „####“-Zeile</translation>
    </message>
    <message>
        <source>&quot;choices&quot; is not a list of 1 to 26 strings</source>
        <translation>„choices“ ist keine Liste von 1 bis 26 Zeichenketten</translation>
    </message>
    <message>
        <source>&quot;answer&quot; %1 is not one of the %2 choices</source>
        <translation>„answer“ %1 ist keine der %2 Antwortmöglichkeiten</translation>
    </message>
    <message>
        <source>&quot;target&quot; is missing</source>
        <translation>„target“ fehlt</translation>
    </message>
</context>
<context>
    <name>kx::ParquetSchema</name>
    <message>
        <source>parquet schema is empty</source>
        <translation>das Parquet-Schema ist leer</translation>
    </message>
    <message>
        <source>parquet schema element %1 (&quot;%2&quot;) lies outside the root group</source>
        <translation>Parquet-Schemaelement %1 („%2“) liegt außerhalb der Wurzelgruppe</translation>
    </message>
    <message>
        <source>parquet schema element &quot;%1&quot; has invalid repetition %2</source>
        <translation>Parquet-Schemaelement „%1“ hat die ungültige Repetition %2</translation>
    </message>
    <message>
        <source>parquet schema element &quot;%1&quot; claims %2 children</source>
        <translation>Parquet-Schemaelement „%1“ gibt %2 Kindelemente an</translation>
    </message>
    <message>
        <source>unsupported: empty group &quot;%1&quot; in the parquet schema</source>
        <translation>nicht unterstützt: leere Gruppe „%1“ im Parquet-Schema</translation>
    </message>
    <message>
        <source>parquet column &quot;%1&quot; has invalid physical type %2</source>
        <translation>Parquet-Spalte „%1“ hat den ungültigen physischen Typ %2</translation>
    </message>
    <message>
        <source>parquet column &quot;%1&quot; has invalid fixed length %2</source>
        <translation>Parquet-Spalte „%1“ hat die ungültige feste Länge %2</translation>
    </message>
    <message>
        <source>unsupported: parquet schema nested deeper than %1 levels</source>
        <translation>nicht unterstützt: Parquet-Schema tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>parquet schema ends before group &quot;%1&quot; has all its children</source>
        <translation>das Parquet-Schema endet, bevor die Gruppe „%1“ alle ihre Kindelemente hat</translation>
    </message>
    <message>
        <source>parquet schema has no columns</source>
        <translation>das Parquet-Schema hat keine Spalten</translation>
    </message>
</context>
<context>
    <name>kx::ParquetWriter</name>
    <message>
        <source>%1: a parquet schema needs at least one field</source>
        <translation>%1: Ein Parquet-Schema braucht mindestens ein Feld</translation>
    </message>
    <message>
        <source>%1: empty or duplicate field name &quot;%2&quot;</source>
        <translation>%1: leerer oder doppelter Feldname „%2“</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot; is a list of structs without fields</source>
        <translation>%1: Feld „%2“ ist eine Liste von Structs ohne Felder</translation>
    </message>
    <message>
        <source>%1: unsupported: writing codec %2</source>
        <translation>%1: nicht unterstützt: Schreiben mit Codec %2</translation>
    </message>
    <message>
        <source>%1: cannot create the file: %2</source>
        <translation>%1: Die Datei kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1: write failed at byte %2: %3</source>
        <translation>%1: Schreiben bei Byte %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1: the parquet writer is already closed</source>
        <translation>%1: Der Parquet-Writer ist bereits geschlossen</translation>
    </message>
    <message>
        <source>%1: row %2 has %3 values, the schema has %4 fields</source>
        <translation>%1: Zeile %2 hat %3 Werte, das Schema hat %4 Felder</translation>
    </message>
    <message>
        <source>%1: flush failed: %2</source>
        <translation>%1: Schreiben der gepufferten Daten fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: cannot replace the existing file</source>
        <translation>%1: Die vorhandene Datei kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>%1: cannot rename %2 into place: %3</source>
        <translation>%1: %2 kann nicht an seinen Platz umbenannt werden: %3</translation>
    </message>
</context>
<context>
    <name>kx::PcmWavWriter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>kx::PeakPyramid</name>
    <message>
        <source>%1: no audio stream to take peaks of</source>
        <translation>%1: kein Audiostrom, aus dem sich Spitzenwerte bilden lassen</translation>
    </message>
    <message>
        <source>%1: peaks cancelled at frame %2</source>
        <translation>%1: Spitzenwertberechnung bei Frame %2 abgebrochen</translation>
    </message>
    <message>
        <source>peak cache: not a peak blob (%1 bytes, no KXPK header)</source>
        <translation>Spitzenwert-Cache: kein Spitzenwert-Blob (%1 Bytes, kein KXPK-Header)</translation>
    </message>
    <message>
        <source>peak cache: blob format version %1, this build reads version %2</source>
        <translation>Spitzenwert-Cache: Blob-Formatversion %1, dieser Build liest Version %2</translation>
    </message>
    <message>
        <source>peak cache: checksum mismatch over %1 bytes (damaged blob)</source>
        <translation>Spitzenwert-Cache: Prüfsumme über %1 Bytes stimmt nicht (Blob beschädigt)</translation>
    </message>
    <message>
        <source>peak cache: impossible header (sample rate %1, %2 channels, %3 frames)</source>
        <translation>Spitzenwert-Cache: unmöglicher Header (Abtastrate %1, %2 Kanäle, %3 Frames)</translation>
    </message>
    <message>
        <source>peak cache: %1 frames per bucket, this build uses %2</source>
        <translation>Spitzenwert-Cache: %1 Frames pro Bucket, dieser Build verwendet %2</translation>
    </message>
    <message>
        <source>peak cache: %1 values in %2 bytes, %3 frames of %4 channels need %5</source>
        <translation>Spitzenwert-Cache: %1 Werte in %2 Bytes, %3 Frames mit %4 Kanälen brauchen %5</translation>
    </message>
</context>
<context>
    <name>kx::PersonaChatImporter</name>
    <message>
        <source>%1: a PersonaChat file must be a JSON array of dialogues</source>
        <translation>%1: Eine PersonaChat-Datei muss ein JSON-Array von Dialogen sein</translation>
    </message>
    <message>
        <source>%1: dialogue %2: %3</source>
        <translation>%1: Dialog %2: %3</translation>
    </message>
    <message>
        <source>a dialogue must be a JSON object</source>
        <translation>ein Dialog muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;personality&quot; is missing or not a list of strings</source>
        <translation>„personality“ fehlt oder ist keine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>&quot;utterances&quot; is missing, empty or not a list</source>
        <translation>„utterances“ fehlt, ist leer oder keine Liste</translation>
    </message>
    <message>
        <source>the last utterance has no &quot;history&quot; list of strings</source>
        <translation>die letzte Äußerung hat keine Liste „history“ von Zeichenketten</translation>
    </message>
    <message>
        <source>the last utterance has no &quot;candidates&quot; list of strings</source>
        <translation>die letzte Äußerung hat keine Liste „candidates“ von Zeichenketten</translation>
    </message>
    <message>
        <source>%1: the file holds no dialogues</source>
        <translation>%1: Die Datei enthält keine Dialoge</translation>
    </message>
</context>
<context>
    <name>kx::Provenance</name>
    <message>
        <source>&quot;provenance&quot; must be an object</source>
        <translation>„provenance“ muss ein Objekt sein</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioCodec</name>
    <message>
        <source>scenario row %1: the stored &quot;%2&quot; is not valid JSON</source>
        <translation>Szenariozeile %1: das gespeicherte „%2“ ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>scenario row %1: unknown category or review status</source>
        <translation>Szenariozeile %1: unbekannte Kategorie oder unbekannter Prüfstatus</translation>
    </message>
    <message>
        <source>scenario row %1: the stored &quot;messages&quot; is not an array</source>
        <translation>Szenariozeile %1: das gespeicherte „messages“ ist kein Array</translation>
    </message>
    <message>
        <source>scenario row %1: a stored message is not an object</source>
        <translation>Szenariozeile %1: eine gespeicherte Nachricht ist kein Objekt</translation>
    </message>
    <message>
        <source>scenario row %1: %2</source>
        <translation>Szenariozeile %1: %2</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioConverter</name>
    <message>
        <source>%1: the import was cancelled</source>
        <translation>%1: der Import wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1: the file holds no records</source>
        <translation>%1: Die Datei enthält keine Datensätze</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioDetailView</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Scenario properties</source>
        <translation>Szenario-Eigenschaften</translation>
    </message>
    <message>
        <source>Select a scenario to see its conversation.</source>
        <translation>Wählen Sie ein Szenario, um sein Gespräch zu sehen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 Nachrichten</translation>
    </message>
    <message>
        <source>This scenario has no messages.</source>
        <translation>Dieses Szenario hat keine Nachrichten.</translation>
    </message>
    <message>
        <source>… %1 more characters not shown</source>
        <translation>… %1 weitere Zeichen nicht angezeigt</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Memory requirements</source>
        <translation>Gedächtnisanforderungen</translation>
    </message>
    <message>
        <source>Expected capabilities</source>
        <translation>Erwartete Fähigkeiten</translation>
    </message>
    <message>
        <source>Evaluation criteria</source>
        <translation>Bewertungskriterien</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioEdits</name>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Kapitel</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Accent</source>
        <translation>Akzent</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: write failed: %2</source>
        <translation>%1: Schreiben fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioParquetWriter</name>
    <message>
        <source>a scenario row must be an object</source>
        <translation>eine Szenariozeile muss ein Objekt sein</translation>
    </message>
    <message>
        <source>scenario %1: unknown category &quot;%2&quot;</source>
        <translation>Szenario %1: unbekannte Kategorie „%2“</translation>
    </message>
    <message>
        <source>scenario %1: a message is not an object</source>
        <translation>Szenario %1: eine Nachricht ist kein Objekt</translation>
    </message>
    <message>
        <source>scenario %1: column %2 is not valid JSON</source>
        <translation>Szenario %1: Spalte %2 ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>scenario %1: unknown review status &quot;%2&quot;</source>
        <translation>Szenario %1: unbekannter Prüfstatus „%2“</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioPipeline</name>
    <message>
        <source>a pipelined converter cannot begin datasets</source>
        <translation>ein Konverter in einer Pipeline kann keine Datensätze beginnen</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioTableModel</name>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
</context>
<context>
    <name>kx::ScenarioTableView</name>
    <message>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
</context>
<context>
    <name>kx::SchemaMigrations</name>
    <message>
        <source>%1 is not a workspace: the file is not an SQLite database</source>
        <translation>%1 ist kein Arbeitsbereich: Die Datei ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>%1: cannot read the schema version: %2</source>
        <translation>%1: Die Schemaversion kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: upgrading the workspace to schema version %2 failed: %3</source>
        <translation>%1: Die Aktualisierung des Arbeitsbereichs auf Schemaversion %2 ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>kx::Spectrogram</name>
    <message>
        <source>%1: a spectrogram needs at least one column, not %2</source>
        <translation>%1: Ein Spektrogramm braucht mindestens eine Spalte, nicht %2</translation>
    </message>
    <message>
        <source>%1: empty span of frames [%2, %3) for a spectrogram</source>
        <translation>%1: leerer Frame-Bereich [%2, %3) für ein Spektrogramm</translation>
    </message>
    <message>
        <source>%1: FFT size %2 is not a power of two between %3 and %4</source>
        <translation>%1: Die FFT-Größe %2 ist keine Zweierpotenz zwischen %3 und %4</translation>
    </message>
    <message>
        <source>%1: no audio stream to analyse</source>
        <translation>%1: kein Audiostrom zum Analysieren</translation>
    </message>
    <message>
        <source>%1: cannot set up an FFT of size %2</source>
        <translation>%1: Eine FFT der Größe %2 kann nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>%1: spectrogram cancelled at column %2 of %3</source>
        <translation>%1: Spektrogramm bei Spalte %2 von %3 abgebrochen</translation>
    </message>
</context>
<context>
    <name>kx::SpectrogramView</name>
    <message>
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>No audio loaded</source>
        <translation>Kein Audio geladen</translation>
    </message>
    <message>
        <source>Spectrogram of a clip of %1 at %2 Hz, 0 Hz at the bottom to %3 Hz at the top. Click to seek, drag to select, plus and minus to zoom.</source>
        <translation>Spektrogramm eines Clips von %1 mit %2 Hz, von 0 Hz unten bis %3 Hz oben. Klicken springt an die Stelle, Ziehen wählt aus, Plus und Minus zoomen.</translation>
    </message>
    <message>
        <source>%1 kHz</source>
        <translation>%1 kHz</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>Computing spectrogram…</source>
        <translation>Berechne Spektrogramm…</translation>
    </message>
</context>
<context>
    <name>kx::SqliteStatement</name>
    <message>
        <source>while preparing &quot;%1&quot;</source>
        <translation>beim Vorbereiten von „%1“</translation>
    </message>
    <message>
        <source>while running &quot;%1&quot;</source>
        <translation>beim Ausführen von „%1“</translation>
    </message>
    <message>
        <source>%1: SQLite error %2 (%3) %4</source>
        <translation>%1: SQLite-Fehler %2 (%3) %4</translation>
    </message>
</context>
<context>
    <name>kx::TestScenario</name>
    <message>
        <source>&quot;%1&quot; must be an array</source>
        <translation>„%1“ muss ein Array sein</translation>
    </message>
    <message>
        <source>&quot;messages&quot; must be an array</source>
        <translation>„messages“ muss ein Array sein</translation>
    </message>
    <message>
        <source>message %1 is not an object</source>
        <translation>Nachricht %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>message %1 has no &quot;role&quot;</source>
        <translation>Nachricht %1 hat keine „role“</translation>
    </message>
    <message>
        <source>a scenario must be a JSON object</source>
        <translation>ein Szenario muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a string</source>
        <translation>„id“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a string</source>
        <translation>„name“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;evaluation_criteria&quot; must be an object</source>
        <translation>„evaluation_criteria“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown &quot;category&quot; %1 (expected benchmark, synthetic, tool_usage or adversarial)</source>
        <translation>unbekannte „category“ %1 (erwartet: benchmark, synthetic, tool_usage oder adversarial)</translation>
    </message>
    <message>
        <source>unknown review status %1</source>
        <translation>unbekannter Prüfstatus %1</translation>
    </message>
    <message>
        <source>the scenario has no &quot;id&quot;</source>
        <translation>das Szenario hat keine „id“</translation>
    </message>
</context>
<context>
    <name>kx::ThriftCompactReader</name>
    <message>
        <source>thrift: %1 at byte offset %2</source>
        <translation>Thrift: %1 bei Byte-Offset %2</translation>
    </message>
    <message>
        <source>unexpected end of data (need %1 bytes, %2 left)</source>
        <translation>unerwartetes Datenende (%1 Bytes benötigt, %2 übrig)</translation>
    </message>
    <message>
        <source>varint longer than 10 bytes</source>
        <translation>Varint länger als 10 Bytes</translation>
    </message>
    <message>
        <source>structures nested deeper than %1</source>
        <translation>Strukturen tiefer als %1 verschachtelt</translation>
    </message>
    <message>
        <source>invalid field type %1</source>
        <translation>ungültiger Feldtyp %1</translation>
    </message>
    <message>
        <source>list of %1 elements exceeds the %2 bytes left</source>
        <translation>Liste mit %1 Elementen übersteigt die verbleibenden %2 Bytes</translation>
    </message>
    <message>
        <source>map of %1 entries exceeds the data left</source>
        <translation>Map mit %1 Einträgen übersteigt die verbleibenden Daten</translation>
    </message>
    <message>
        <source>invalid type %1</source>
        <translation>ungültiger Typ %1</translation>
    </message>
</context>
<context>
    <name>kx::ToolBenchImporter</name>
    <message>
        <source>%1: record %2: %3</source>
        <translation>%1: Datensatz %2: %3</translation>
    </message>
    <message>
        <source>neither a query list, an answer tree nor a conversation list</source>
        <translation>weder eine Anfrageliste noch ein Antwortbaum noch eine Gesprächsliste</translation>
    </message>
    <message>
        <source>&quot;answer_generation&quot; is not an object</source>
        <translation>„answer_generation“ ist kein Objekt</translation>
    </message>
    <message>
        <source>&quot;answer_generation.query&quot; is missing or empty</source>
        <translation>„answer_generation.query“ fehlt oder ist leer</translation>
    </message>
    <message>
        <source>the document is neither an array nor an object</source>
        <translation>das Dokument ist weder ein Array noch ein Objekt</translation>
    </message>
    <message>
        <source>a ToolBench record must be a JSON object</source>
        <translation>ein ToolBench-Datensatz muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;conversations&quot; is not an array</source>
        <translation>„conversations“ ist kein Array</translation>
    </message>
    <message>
        <source>a &quot;relevant APIs&quot; entry must be [tool, api]</source>
        <translation>ein Eintrag in „relevant APIs“ muss [tool, api] sein</translation>
    </message>
    <message>
        <source>the query is missing or empty</source>
        <translation>die Anfrage fehlt oder ist leer</translation>
    </message>
</context>
<context>
    <name>kx::VctkImporter</name>
    <message>
        <source>%1:%2: invalid UTF-8 at byte offset %3</source>
        <translation>%1:%2: ungültiges UTF-8 bei Byte-Offset %3</translation>
    </message>
    <message>
        <source>%1:%2: a speaker line needs at least ID, AGE, GENDER and ACCENTS, found %3 field(s)</source>
        <translation>%1:%2: Eine Sprecherzeile braucht mindestens ID, AGE, GENDER und ACCENTS, gefunden: %3 Feld(er)</translation>
    </message>
    <message>
        <source>%1: no speaker lines</source>
        <translation>%1: keine Sprecherzeilen</translation>
    </message>
    <message>
        <source>%1: the corpus folder %2 has no txt/ folder</source>
        <translation>%1: Der Korpusordner %2 hat keinen Ordner txt/</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: invalid UTF-8 at byte offset %2</source>
        <translation>%1: ungültiges UTF-8 bei Byte-Offset %2</translation>
    </message>
    <message>
        <source>%1:1: the transcript is empty</source>
        <translation>%1:1: Das Transkript ist leer</translation>
    </message>
    <message>
        <source>%1: no transcript with audio under %2</source>
        <translation>%1: kein Transkript mit Audio unter %2</translation>
    </message>
</context>
<context>
    <name>kx::WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation>Wellenform</translation>
    </message>
    <message>
        <source>No audio loaded</source>
        <translation>Kein Audio geladen</translation>
    </message>
    <message numerus="yes">
        <source>Waveform of a clip of %1, %n channel(s) at %2 Hz. Click to seek, drag to select, plus and minus to zoom.</source>
        <translation>
            <numerusform>Wellenform eines Clips von %1, %n Kanal mit %2 Hz. Klicken springt an die Stelle, Ziehen wählt aus, Plus und Minus zoomen.</numerusform>
            <numerusform>Wellenform eines Clips von %1, %n Kanäle mit %2 Hz. Klicken springt an die Stelle, Ziehen wählt aus, Plus und Minus zoomen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge Channels</source>
        <translation>Kanäle zusammenführen</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Mix</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
</context>
<context>
    <name>kx::WebShopImporter</name>
    <message>
        <source>%1: record %2: %3</source>
        <translation>%1: Datensatz %2: %3</translation>
    </message>
    <message>
        <source>the instruction is missing, empty or not a string</source>
        <translation>die Anweisung fehlt, ist leer oder keine Zeichenkette</translation>
    </message>
    <message>
        <source>a goal of asin %1 is not an object</source>
        <translation>ein Ziel der ASIN %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; is neither a list nor an object</source>
        <translation>der Wert von „%1“ ist weder eine Liste noch ein Objekt</translation>
    </message>
    <message>
        <source>%1: a WebShop file must be a JSON array or object</source>
        <translation>%1: Eine WebShop-Datei muss ein JSON-Array oder -Objekt sein</translation>
    </message>
</context>
<context>
    <name>kx::WorkspaceStore</name>
    <message>
        <source>the stored %1 is not valid JSON</source>
        <translation>das gespeicherte %1 ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>%1: dataset %2: %3</source>
        <translation>%1: Datensatz %2: %3</translation>
    </message>
    <message>
        <source>%1: cannot open the workspace: %2</source>
        <translation>%1: Der Arbeitsbereich kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Kairix Workbench (schema version %2; this version reads up to schema version %3). It was not changed.</source>
        <translation>%1 wurde von einer neueren Version von Kairix Workbench geschrieben (Schemaversion %2; diese Version liest bis Schemaversion %3). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1: cannot configure the workspace: %2</source>
        <translation>%1: Der Arbeitsbereich kann nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>%1: there is no dataset %2</source>
        <translation>%1: Es gibt keinen Datensatz %2</translation>
    </message>
    <message>
        <source>%1: cannot remove a dataset while an import is open</source>
        <translation>%1: Ein Datensatz kann nicht entfernt werden, während ein Import läuft</translation>
    </message>
    <message>
        <source>%1: there is no scenario with row id %2</source>
        <translation>%1: Es gibt kein Szenario mit der Zeilen-ID %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot change a review status while an import is open on the same connection</source>
        <translation>%1: Der Prüfstatus kann nicht geändert werden, während auf derselben Verbindung ein Import läuft</translation>
    </message>
    <message>
        <source>%1: another import is already open on this connection</source>
        <translation>%1: Auf dieser Verbindung läuft bereits ein anderer Import</translation>
    </message>
    <message>
        <source>%1: cannot start the import: %2</source>
        <translation>%1: Der Import kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the page size must be positive, not %1</source>
        <translation>die Seitengröße muss positiv sein, nicht %1</translation>
    </message>
    <message>
        <source>scenario id &quot;%1&quot; is already used in this dataset</source>
        <translation>die Szenario-ID „%1“ wird in diesem Datensatz bereits verwendet</translation>
    </message>
    <message>
        <source>%1: cannot change a scenario while an import is open on the same connection</source>
        <translation>%1: Ein Szenario kann nicht geändert werden, während auf derselben Verbindung ein Import läuft</translation>
    </message>
    <message>
        <source>%1: cannot save scenario &quot;%2&quot;: %3</source>
        <translation>%1: Szenario „%2“ kann nicht gespeichert werden: %3</translation>
    </message>
    <message>
        <source>%1: review event %2 holds damaged JSON</source>
        <translation>%1: Prüfereignis %2 enthält beschädigtes JSON</translation>
    </message>
    <message>
        <source>%1: cannot store audio checks while an import is open on the same connection</source>
        <translation>%1: Audioanalysen können nicht gespeichert werden, während auf derselben Verbindung ein Import läuft</translation>
    </message>
</context>
<context>
    <name>kx::WowImporter</name>
    <message>
        <source>%1: a Wizard of Wikipedia file must be a JSON array of dialogs</source>
        <translation>%1: Eine Wizard-of-Wikipedia-Datei muss ein JSON-Array von Dialogen sein</translation>
    </message>
    <message>
        <source>%1: dialog %2: %3</source>
        <translation>%1: Dialog %2: %3</translation>
    </message>
    <message>
        <source>a dialog must be a JSON object</source>
        <translation>ein Dialog muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;dialog&quot; is missing, empty or not a list</source>
        <translation>„dialog“ fehlt, ist leer oder keine Liste</translation>
    </message>
    <message>
        <source>turn %1 has no &quot;text&quot; string</source>
        <translation>Nachricht %1 hat keine Zeichenkette „text“</translation>
    </message>
    <message>
        <source>%1: the file holds no dialogs</source>
        <translation>%1: Die Datei enthält keine Dialoge</translation>
    </message>
</context>
<context>
    <name>kx::parquet::ColumnChunkReader</name>
    <message>
        <source>column &quot;%1&quot;, page at byte offset %2: %3</source>
        <translation>Spalte „%1“, Seite bei Byte-Offset %2: %3</translation>
    </message>
    <message>
        <source>unsupported: %1</source>
        <translation>nicht unterstützt: %1</translation>
    </message>
    <message>
        <source>column chunk claims %1 values</source>
        <translation>der Spalten-Chunk gibt %1 Werte an</translation>
    </message>
    <message>
        <source>page of %1 bytes extends past the column chunk (%2 bytes left)</source>
        <translation>eine Seite mit %1 Bytes reicht über den Spalten-Chunk hinaus (%2 Bytes übrig)</translation>
    </message>
    <message>
        <source>column chunk holds %1 values, its metadata says %2</source>
        <translation>der Spalten-Chunk enthält %1 Werte, laut Metadaten %2</translation>
    </message>
    <message>
        <source>dictionary page without a dictionary page header</source>
        <translation>Dictionary-Seite ohne Dictionary-Seitenkopf</translation>
    </message>
    <message>
        <source>second dictionary page in one column chunk</source>
        <translation>zweite Dictionary-Seite in einem Spalten-Chunk</translation>
    </message>
    <message>
        <source>unsupported: dictionary page encoding %1</source>
        <translation>nicht unterstützt: Kodierung %1 der Dictionary-Seite</translation>
    </message>
    <message>
        <source>dictionary page claims %1 values in %2 bytes</source>
        <translation>die Dictionary-Seite gibt %1 Werte in %2 Bytes an</translation>
    </message>
    <message>
        <source>%1 levels lack their 4-byte length</source>
        <translation>den %1-Levels fehlt ihre 4-Byte-Länge</translation>
    </message>
    <message>
        <source>%1 levels claim %2 bytes, %3 left</source>
        <translation>die %1-Levels geben %2 Bytes an, %3 übrig</translation>
    </message>
    <message>
        <source>%1 levels: %2</source>
        <translation>%1-Levels: %2</translation>
    </message>
    <message>
        <source>%1 levels: BIT_PACKED data is truncated</source>
        <translation>%1-Levels: Die BIT_PACKED-Daten sind abgeschnitten</translation>
    </message>
    <message>
        <source>unsupported: %1 level encoding %2</source>
        <translation>nicht unterstützt: %1-Level-Kodierung %2</translation>
    </message>
    <message>
        <source>%1 level %2 exceeds the maximum %3</source>
        <translation>%1-Level %2 überschreitet das Maximum %3</translation>
    </message>
    <message>
        <source>the column chunk does not start at a record boundary (repetition level %1)</source>
        <translation>der Spalten-Chunk beginnt nicht an einer Datensatzgrenze (Repetition-Level %1)</translation>
    </message>
    <message>
        <source>data page without a data page header</source>
        <translation>Datenseite ohne Datenseitenkopf</translation>
    </message>
    <message>
        <source>data page claims %1 values (%2 of the chunk&apos;s %3 already read)</source>
        <translation>die Datenseite gibt %1 Werte an (%2 der %3 Werte des Chunks bereits gelesen)</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>Repetition</translation>
    </message>
    <message>
        <source>definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>data page v2 without a data page v2 header</source>
        <translation>Datenseite v2 ohne Datenseitenkopf v2</translation>
    </message>
    <message>
        <source>level lengths %1 + %2 exceed the page size %3</source>
        <translation>die Level-Längen %1 + %2 übersteigen die Seitengröße %3</translation>
    </message>
</context>
<context>
    <name>kx::parquet::DeltaDecoders</name>
    <message>
        <source>DELTA_BINARY_PACKED header is truncated</source>
        <translation>der DELTA_BINARY_PACKED-Header ist abgeschnitten</translation>
    </message>
    <message>
        <source>DELTA_BINARY_PACKED header has block size %1 with %2 miniblocks</source>
        <translation>der DELTA_BINARY_PACKED-Header hat die Blockgröße %1 mit %2 Miniblöcken</translation>
    </message>
    <message>
        <source>DELTA_BINARY_PACKED stream claims %1 values, at most %2 expected</source>
        <translation>der DELTA_BINARY_PACKED-Strom gibt %1 Werte an, höchstens %2 erwartet</translation>
    </message>
    <message>
        <source>DELTA_BINARY_PACKED block header is truncated at byte %1</source>
        <translation>der DELTA_BINARY_PACKED-Blockheader ist bei Byte %1 abgeschnitten</translation>
    </message>
    <message>
        <source>DELTA_BINARY_PACKED miniblock bit width %1 exceeds 64</source>
        <translation>die DELTA_BINARY_PACKED-Miniblock-Bitbreite %1 übersteigt 64</translation>
    </message>
    <message>
        <source>DELTA_BINARY_PACKED miniblock is truncated at byte %1</source>
        <translation>der DELTA_BINARY_PACKED-Miniblock ist bei Byte %1 abgeschnitten</translation>
    </message>
    <message>
        <source>DELTA_LENGTH_BYTE_ARRAY holds %1 lengths, %2 values expected</source>
        <translation>DELTA_LENGTH_BYTE_ARRAY enthält %1 Längen, %2 Werte erwartet</translation>
    </message>
    <message>
        <source>DELTA_LENGTH_BYTE_ARRAY value %1 has length %2, %3 bytes left</source>
        <translation>der DELTA_LENGTH_BYTE_ARRAY-Wert %1 hat die Länge %2, %3 Bytes übrig</translation>
    </message>
    <message>
        <source>DELTA_BYTE_ARRAY holds %1 prefix lengths, %2 values expected</source>
        <translation>DELTA_BYTE_ARRAY enthält %1 Präfixlängen, %2 Werte erwartet</translation>
    </message>
    <message>
        <source>DELTA_BYTE_ARRAY value %1 has prefix length %2 but the previous value has %3 bytes</source>
        <translation>der DELTA_BYTE_ARRAY-Wert %1 hat die Präfixlänge %2, der vorige Wert hat aber %3 Bytes</translation>
    </message>
    <message>
        <source>DELTA_BYTE_ARRAY value %1 has %2 bytes, the fixed length is %3</source>
        <translation>der DELTA_BYTE_ARRAY-Wert %1 hat %2 Bytes, die feste Länge ist %3</translation>
    </message>
</context>
<context>
    <name>kx::parquet::PageDecompressor</name>
    <message>
        <source>page at byte offset %1: uncompressed page holds %2 bytes, header says %3</source>
        <translation>Seite bei Byte-Offset %1: Die unkomprimierte Seite enthält %2 Bytes, laut Header %3</translation>
    </message>
    <message>
        <source>unsupported: LZO compression (page at byte offset %1)</source>
        <translation>nicht unterstützt: LZO-Kompression (Seite bei Byte-Offset %1)</translation>
    </message>
    <message>
        <source>unsupported: compression codec %1 (page at byte offset %2)</source>
        <translation>nicht unterstützt: Kompressionscodec %1 (Seite bei Byte-Offset %2)</translation>
    </message>
    <message>
        <source>page at byte offset %1: %2 data does not decompress to the %3 bytes the header announces</source>
        <translation>Seite bei Byte-Offset %1: Die %2-Daten entpacken nicht zu den %3 Bytes, die der Header ankündigt</translation>
    </message>
</context>
<context>
    <name>kx::parquet::RecordAssembler</name>
    <message>
        <source>column &quot;%1&quot; holds more than the row group&apos;s %2 rows</source>
        <translation>Spalte „%1“ enthält mehr als die %2 Zeilen der Zeilengruppe</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; does not start at a record boundary</source>
        <translation>Spalte „%1“ beginnt nicht an einer Datensatzgrenze</translation>
    </message>
    <message>
        <source>column &quot;%1&quot;: repetition levels skip a list element at row %2</source>
        <translation>Spalte „%1“: Die Repetition-Levels überspringen ein Listenelement in Zeile %2</translation>
    </message>
    <message>
        <source>column &quot;%1&quot;: definition levels call for more than its %2 values</source>
        <translation>Spalte „%1“: Die Definition-Levels verlangen mehr als ihre %2 Werte</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; holds %2 rows, the row group has %3</source>
        <translation>Spalte „%1“ enthält %2 Zeilen, die Zeilengruppe hat %3</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; holds %2 values but its levels use %3</source>
        <translation>Spalte „%1“ enthält %2 Werte, ihre Levels verwenden aber %3</translation>
    </message>
    <message>
        <source>parquet records do not match the schema: %1</source>
        <translation>die Parquet-Datensätze passen nicht zum Schema: %1</translation>
    </message>
</context>
<context>
    <name>kx::parquet::RleBitPackedDecoder</name>
    <message>
        <source>RLE data ends inside a run header (byte %1 of %2)</source>
        <translation>die RLE-Daten enden innerhalb eines Run-Headers (Byte %1 von %2)</translation>
    </message>
    <message>
        <source>RLE run header longer than 10 bytes at byte %1</source>
        <translation>RLE-Run-Header länger als 10 Bytes bei Byte %1</translation>
    </message>
    <message>
        <source>bad bit-packed run of %1 groups at byte %2</source>
        <translation>fehlerhafter Bit-Packed-Run mit %1 Gruppen bei Byte %2</translation>
    </message>
    <message>
        <source>RLE run of length 0 at byte %1</source>
        <translation>RLE-Run der Länge 0 bei Byte %1</translation>
    </message>
    <message>
        <source>RLE data ends inside a run value (byte %1 of %2)</source>
        <translation>die RLE-Daten enden innerhalb eines Run-Werts (Byte %1 von %2)</translation>
    </message>
    <message>
        <source>bit width %1 is out of range 0-32</source>
        <translation>die Bitbreite %1 liegt außerhalb des Bereichs 0–32</translation>
    </message>
    <message>
        <source>bit-packed run ends past the data (%1 bytes)</source>
        <translation>ein Bit-Packed-Run endet hinter den Daten (%1 Bytes)</translation>
    </message>
</context>
<context>
    <name>kx::parquet::ValueDecoder</name>
    <message>
        <source>PLAIN byte array %1 has length %2, only %3 bytes left</source>
        <translation>das PLAIN-Byte-Array %1 hat die Länge %2, nur %3 Bytes übrig</translation>
    </message>
    <message>
        <source>unsupported: physical type %1</source>
        <translation>nicht unterstützt: physischer Typ %1</translation>
    </message>
    <message>
        <source>PLAIN data of %1 bytes is too short for %2 values</source>
        <translation>PLAIN-Daten mit %1 Bytes sind zu kurz für %2 Werte</translation>
    </message>
    <message>
        <source>unsupported: BYTE_STREAM_SPLIT for physical type %1</source>
        <translation>nicht unterstützt: BYTE_STREAM_SPLIT für den physischen Typ %1</translation>
    </message>
    <message>
        <source>BYTE_STREAM_SPLIT data of %1 bytes is too short for %2 values</source>
        <translation>BYTE_STREAM_SPLIT-Daten mit %1 Bytes sind zu kurz für %2 Werte</translation>
    </message>
    <message>
        <source>dictionary-encoded page without a dictionary page</source>
        <translation>Dictionary-kodierte Seite ohne Dictionary-Seite</translation>
    </message>
    <message>
        <source>dictionary indices: missing bit width byte</source>
        <translation>Dictionary-Indizes: Das Byte für die Bitbreite fehlt</translation>
    </message>
    <message>
        <source>dictionary indices: bit width %1 exceeds 32</source>
        <translation>Dictionary-Indizes: Die Bitbreite %1 übersteigt 32</translation>
    </message>
    <message>
        <source>dictionary indices: %1</source>
        <translation>Dictionary-Indizes: %1</translation>
    </message>
    <message>
        <source>dictionary index %1 is out of range (dictionary holds %2 values)</source>
        <translation>Dictionary-Index %1 liegt außerhalb des Bereichs (das Dictionary enthält %2 Werte)</translation>
    </message>
    <message>
        <source>RLE boolean data lacks its length prefix</source>
        <translation>den RLE-Boolean-Daten fehlt das Längenpräfix</translation>
    </message>
    <message>
        <source>RLE boolean length %1 exceeds the %2 bytes left</source>
        <translation>die RLE-Boolean-Länge %1 übersteigt die verbleibenden %2 Bytes</translation>
    </message>
    <message>
        <source>RLE booleans: %1</source>
        <translation>RLE-Booleans: %1</translation>
    </message>
    <message>
        <source>DELTA_BINARY_PACKED holds %1 values, %2 expected</source>
        <translation>DELTA_BINARY_PACKED enthält %1 Werte, %2 erwartet</translation>
    </message>
    <message>
        <source>unsupported: value encoding %1</source>
        <translation>nicht unterstützt: Wertkodierung %1</translation>
    </message>
    <message>
        <source>unsupported: value encoding %1 for physical type %2</source>
        <translation>nicht unterstützt: Wertkodierung %1 für den physischen Typ %2</translation>
    </message>
</context>
</TS>
